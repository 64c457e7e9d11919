package eval

import (
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// Gold is a gold annotation file (the format of shared/gold/seed.yaml).
type Gold struct {
	// Corpus is the raw input file, relative to the gold file.
	Corpus   string        `yaml:"corpus"`
	Articles []GoldArticle `yaml:"articles"`
	// Path is where the gold file was read from; Corpus resolves
	// against its directory.
	Path string `yaml:"-"`
}

// CorpusPath returns the corpus file path resolved against the gold
// file's directory.
func (g *Gold) CorpusPath() string {
	if filepath.IsAbs(g.Corpus) || g.Path == "" {
		return g.Corpus
	}
	return filepath.Join(filepath.Dir(g.Path), g.Corpus)
}

// GoldArticle is what a correct run must find in one article.
type GoldArticle struct {
	ID                     string          `yaml:"id"`
	Title                  string          `yaml:"title"`
	Published              string          `yaml:"published"`
	PublishedInferableFrom *string         `yaml:"published_inferable_from"`
	PublishedAcceptable    string          `yaml:"published_acceptable"`
	Captions               []GoldCaption   `yaml:"captions"`
	Subheadings            []string        `yaml:"subheadings"`
	BodyMustNotContain     []string        `yaml:"body_must_not_contain"`
	BodySentencesAtLeast   int             `yaml:"body_sentences_at_least"`
	Entities               []GoldEntity    `yaml:"entities"`
	MustNotFindEntities    []GoldEntity    `yaml:"must_not_find_entities"`
	Coreference            []GoldCoref     `yaml:"coreference"`
	Times                  []GoldTime      `yaml:"times"`
	Quantities             []GoldQuantity  `yaml:"quantities"`
	Quotes                 []GoldQuote     `yaml:"quotes"`
	Events                 GoldEventGroups `yaml:"events"`
	Forbidden              []GoldEvent     `yaml:"forbidden"`
}

// GoldCaption is an expected photo caption.
type GoldCaption struct {
	Text   string `yaml:"text"`
	Credit string `yaml:"credit"`
}

// GoldEntity is an expected (or forbidden) entity.
type GoldEntity struct {
	Name         string   `yaml:"name"`
	Type         string   `yaml:"type"`
	Actor        string   `yaml:"actor"`
	Role         []string `yaml:"role"`
	RoleIsFormer bool     `yaml:"role_is_former"`
	Lat          *float64 `yaml:"lat"`
	Lon          *float64 `yaml:"lon"`
	ToleranceKM  float64  `yaml:"tolerance_km"`
}

// GoldCoref says a mention in a sentence must resolve to an entity.
type GoldCoref struct {
	Sentence string `yaml:"sentence"`
	Mention  string `yaml:"mention"`
	Entity   string `yaml:"entity"`
}

// GoldTime is an expected time expression.
type GoldTime struct {
	Sentence  string `yaml:"sentence"`
	Text      string `yaml:"text"`
	Value     string `yaml:"value"`
	Precision string `yaml:"precision"`
	From      string `yaml:"from"`
	To        string `yaml:"to"`
}

// GoldQuantity is an expected quantity.
type GoldQuantity struct {
	Text  string        `yaml:"text"`
	Value float64       `yaml:"value"`
	Unit  string        `yaml:"unit"`
	Also  []GoldReading `yaml:"also"`
}

// GoldReading is one value/unit reading.
type GoldReading struct {
	Value float64 `yaml:"value"`
	Unit  string  `yaml:"unit"`
}

// GoldQuote is an expected quote: its opening words and its speaker's
// canonical name or actor code prefix.
type GoldQuote struct {
	Speaker      string `yaml:"speaker"`
	SpeakerActor string `yaml:"speaker_actor"`
	Starts       string `yaml:"starts"`
}

// GoldEventGroups holds required, optional and forbidden events.
type GoldEventGroups struct {
	Required  []GoldEvent `yaml:"required"`
	Optional  []GoldEvent `yaml:"optional"`
	Forbidden []GoldEvent `yaml:"forbidden"`
}

// GoldEvent is one gold event pattern.
type GoldEvent struct {
	ID       string     `yaml:"id"`
	Evidence string     `yaml:"evidence"`
	Source   []string   `yaml:"source"`
	Target   []string   `yaml:"target"`
	Cameo    []string   `yaml:"cameo"`
	Date     string     `yaml:"date"`
	Modality StringList `yaml:"modality"`
}

// StringList accepts a YAML scalar or a sequence of scalars.
type StringList []string

// UnmarshalYAML implements yaml.Unmarshaler.
func (s *StringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*s = StringList{n.Value}
		return nil
	case yaml.SequenceNode:
		var l []string
		if err := n.Decode(&l); err != nil {
			return err
		}
		*s = l
		return nil
	}
	return fmt.Errorf("line %d: want a string or a list of strings", n.Line)
}

// UnmarshalYAML lets `also` be one reading or a list of them.
func (r *GoldQuantity) UnmarshalYAML(n *yaml.Node) error {
	type plain struct {
		Text  string    `yaml:"text"`
		Value float64   `yaml:"value"`
		Unit  string    `yaml:"unit"`
		Also  yaml.Node `yaml:"also"`
	}
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	r.Text, r.Value, r.Unit = p.Text, p.Value, p.Unit
	switch p.Also.Kind {
	case 0:
	case yaml.MappingNode:
		var one GoldReading
		if err := p.Also.Decode(&one); err != nil {
			return err
		}
		r.Also = []GoldReading{one}
	default:
		if err := p.Also.Decode(&r.Also); err != nil {
			return err
		}
	}
	return nil
}

// LoadGold reads and checks a gold file.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	var g Gold
	if err := yaml.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	g.Path = path
	if g.Corpus == "" {
		return nil, fmt.Errorf("%s: no corpus given", path)
	}
	if len(g.Articles) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	for i, a := range g.Articles {
		// Forbidden events may sit beside required/optional or at the
		// article level; both are accepted.
		g.Articles[i].Forbidden = append(g.Articles[i].Forbidden, a.Events.Forbidden...)
		for _, e := range a.Events.Required {
			if e.Evidence == "" {
				return nil, fmt.Errorf("%s: article %q: required event %q has no evidence", path, a.ID, e.ID)
			}
		}
	}
	return &g, nil
}
