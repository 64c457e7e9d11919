package entities

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// Options tune the recogniser.
type Options struct {
	// UseContext lets the title and photo captions introduce people
	// ("North Korean leader Kim Jong Un") whom the body then calls by
	// surname only. Such entities are output only when the body mentions
	// them.
	UseContext bool
	// MaxEntities bounds the entities kept per article (pathological
	// input); 0 means no bound.
	MaxEntities int
	// WindowTokens bounds how far an apposition or title is searched.
	WindowTokens int
	// NameMargin is how far the name classifier's best class must lead
	// the next before an unknown name is typed by it (see nameclass.go).
	NameMargin float32
	// Parser, when set, parses the sentence of a name the classifier is
	// unsure of, and a model with arc features types it again (see
	// namearcs.go); nil leaves the classifier to the words and tags.
	Parser ArcParser
}

// DefaultOptions returns the options sitrep runs with.
func DefaultOptions() Options {
	return Options{UseContext: true, MaxEntities: 2000, WindowTokens: 14, NameMargin: 3}
}

// Recognizer is the entities stage. It is safe for concurrent use: all
// per-article state lives in Process.
type Recognizer struct {
	lex  *Lexicon
	opts Options
}

// New returns a recogniser over lex.
func New(lex *Lexicon, opts Options) *Recognizer {
	if opts.WindowTokens <= 0 {
		opts.WindowTokens = DefaultOptions().WindowTokens
	}
	return &Recognizer{lex: lex, opts: opts}
}

// Name implements model.Stage.
func (r *Recognizer) Name() string { return "entities" }

type itemKind uint8

const (
	iLex itemKind = iota + 1
	iRole
	iOrg
	iEquip
	iName
	iPron
)

// item is one recognised piece of a sentence, token indices [s, e).
type item struct {
	kind  itemKind
	s, e  int
	lex   entry
	role  role
	org   orgType
	class string
	ent   int  // entity index once resolved, -1 before
	done  bool // resolved early (see resolveAhead)
	club  bool // a club's name joined from a word and its town (see joinClubs)
	// prefixOrg: a name opened by a legal form or head noun written
	// first ("PT Bumi Resources"; see prefixRunEnd)
	prefixOrg bool
	// national: a country's body named by its kind after the country or
	// its demonym ("Thai Commerce Ministry"; see nationalBodyEnd)
	national bool
	// affil: a place named only as the affiliation of the name after it
	// ("United States" in "United States Department of Agriculture")
	affil bool
}

// ent is an entity under construction.
type ent struct {
	key              string
	name             string
	typ              string
	country          string
	sector           string
	code             string
	roles            []string
	former           bool
	lat, lon         float64
	hasLL            bool
	mentions         []model.Mention
	gender           byte
	surname          string
	alias            string // a second short form ("Xi" of "Xi Jinping")
	first            string // first word of a full name ("Abiy" of "Abiy Ahmed")
	head             string // organisation head word ("ministry") or role head for "the minister"
	last             int    // body offset of the latest mention, for recency
	rank             int
	island           bool
	mainland         string
	capital          bool
	town             bool   // a city or town that is no capital: not an actor for "its"
	club             bool   // a sports club named after its town (see newClub)
	placeAlias       string // a town a company is also called by (see companyAliases)
	cc               string // alpha-2 of a gazetteer place, for the article's context
	admin1           string // "US.TX": the first-level division a gazetteer place lies in
	precision, basis string
	adj              []int // starts of mentions that are demonyms (output as affiliations)
}

// doc is the per-article state.
type doc struct {
	r        *Recognizer
	art      *model.Article
	body     string
	ents     []*ent
	byKey    map[string]int
	sentIdx  int
	inBody   bool
	toks     []tok
	items    []item
	buf      []byte
	countryN map[string]int // mentions per country, for the article's focus
	country1 map[string]int // order of each country's first counted mention
	order    []mref         // mentions in text order (entity, offset, sentence)
	subject  []int          // subject entity per sentence (-1 none)
	hasEquip bool
	cue      bool   // the sentence talks about leaders (see topLevelCues)
	words    int    // body words seen
	english  int    // of which English function words
	pair     [2]int // the latest "X and Y" of actors, for they/their
	pairSent int
	quotes   []int             // quote marks before each token, for inQuote
	admin1N  map[string]int    // mentions per first-level division ("US.TX"), for geocoding
	cc2      map[string]int    // countryN by alpha-2, for geocoding
	gctx     gazetteer.Context // reused by geoContext
	points   []gazetteer.Point // places resolved so far, for geocoding
	affil    bool              // the mention being recorded is a demonym
	sports   bool              // the article reports sport (see isSportsReport)
	samples  *[]NameSample     // training: spans typed by lexicon or rule (see NameSamples)
	feats    []uint64          // name classifier features, reused
	// hadFolded: the last sentence had words in capitals read through
	// their folded form; foldedSents lists such sentences for a second
	// look once the whole article is read (see revisitHeadlines).
	hadFolded   bool
	foldedSents []int
	revisit     bool      // in revisitHeadlines
	scores      []float32 // name classifier scores, reused
}

type mref struct{ ent, off, sent int }

// Process fills art.Entities.
func (r *Recognizer) Process(ctx context.Context, art *model.Article) error {
	return r.process(ctx, art, nil)
}

// process is Process; a non-nil samples collects the spans typed by
// lexicon or rule (for training the name classifier, which is then off).
func (r *Recognizer) process(ctx context.Context, art *model.Article, samples *[]NameSample) error {
	if _, err := r.lex.Gazetteer(); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	d := &doc{r: r, art: art, samples: samples, body: art.Body, byKey: map[string]int{}, countryN: map[string]int{}, country1: map[string]int{}, admin1N: map[string]int{}, cc2: map[string]int{}, pair: [2]int{-1, -1}, pairSent: -10}
	if r.opts.UseContext {
		var ctxTexts []string
		if art.Title != nil {
			ctxTexts = append(ctxTexts, *art.Title)
		}
		for _, c := range art.Captions {
			ctxTexts = append(ctxTexts, c.Text)
		}
		for _, t := range ctxTexts {
			// titles and captions are no body sentences: the text
			// stage's tokenizer cuts them here, untagged
			d.toks = textTokens(t, d.toks)
			d.sentence(-1)
		}
	}
	d.inBody = true
	d.sports = isSportsReport(art.Body)
	d.subject = make([]int, len(art.Sentences))
	caps, letters := 0, 0
	for i, s := range art.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("entities: %w", err)
			}
		}
		d.subject[i] = -1
		if s.Start < 0 || s.End > len(art.Body) || s.Start > s.End {
			return fmt.Errorf("entities: sentence %d span [%d,%d) outside body", i, s.Start, s.End)
		}
		text := art.Body[s.Start:s.End]
		for _, c := range text {
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					caps++
				}
			}
		}
		d.toks = d.sentenceTokens(i, d.toks)
		d.sentence(i)
		if d.hadFolded {
			d.foldedSents = append(d.foldedSents, i)
		}
	}
	d.revisitHeadlines()
	d.warn(caps, letters)
	if d.words > 150 && d.english*6 < d.words && (d.art.Language == "" || d.art.Language == "en") {
		d.art.Warnings = append(d.art.Warnings, "entities: text does not look like English; names and roles will be poor")
	}
	art.Entities = d.output()
	return nil
}

func (d *doc) warn(caps, letters int) {
	add := func(w string) { d.art.Warnings = append(d.art.Warnings, w) }
	if d.art.Language != "" && d.art.Language != "en" {
		add("entities: text is not English (" + d.art.Language + "); names and roles will be poor")
	}
	if letters > 200 {
		switch {
		case caps*10 > letters*8:
			add("entities: text is mostly upper case; names cannot be told from words")
		case caps*200 < letters:
			add("entities: text has almost no capitals; names will be missed")
		}
	}
	for _, s := range d.art.Sentences {
		if s.End-s.Start > 5000 {
			add(fmt.Sprintf("entities: sentence %d is %d bytes long; coreference there is unreliable", s.Index, s.End-s.Start))
			break
		}
	}
}

// sentenceTokens returns body sentence i's tokens as the text stage cut
// and tagged them (art.Tokens), reusing out. An article that did not
// go through the text stage is cut here with its tokenizer, untagged.
func (d *doc) sentenceTokens(i int, out []tok) []tok {
	return sentenceTokens(d.art, i, out)
}

func sentenceTokens(art *model.Article, i int, out []tok) []tok {
	if i < len(art.Tokens) {
		return fromShared(art.Tokens[i], out)
	}
	s := art.Sentences[i]
	toks := textTokens(art.Body[s.Start:s.End], out)
	for k := range toks {
		toks[k].start += s.Start
		toks[k].end += s.Start
	}
	return toks
}

// sentence recognises the sentence in d.toks; si < 0 is title/caption
// context whose mentions are not recorded.
func (d *doc) sentence(si int) {
	d.sentIdx = si
	d.foldCaps()
	d.hadFolded = d.foldedIn(0, len(d.toks))
	// a capitalised word the tagger calls a common noun is a name right
	// before one it calls a proper noun ("Penny Wong": a given name that
	// is also a word), or after a bracket in mid-sentence ("( Benedetto
	// 12th )"), where the tagger gives an unknown word a noun's tag
	for i := len(d.toks) - 1; i >= 0; i-- {
		t := &d.toks[i]
		if t.tag != "NN" || !t.cap {
			continue
		}
		if i+1 < len(d.toks) && d.toks[i+1].cap && strings.HasPrefix(d.toks[i+1].tag, "NNP") || i > 0 && d.toks[i-1].text == "(" {
			t.tag = "NNP"
		}
	}
	d.cue = false
	d.quotes = d.quotes[:0]
	n := 0
	for _, t := range d.toks {
		if d.inBody && t.word {
			d.words++
			if functionWords[t.lower] {
				d.english++
			}
		}
		d.quotes = append(d.quotes, n)
		switch t.text {
		case "\"", "“", "”":
			n++
		}
		if topLevelCues[t.lower] {
			d.cue = true
		}
	}
	d.scan()
	d.joinClubs()
	d.resolve()
}

func (d *doc) tokAt(i int) tok {
	if i < 0 || i >= len(d.toks) {
		return tok{}
	}
	return d.toks[i]
}

// text returns the body text of tokens [s, e).
func (d *doc) text(s, e int) string {
	if s >= e {
		return ""
	}
	return d.body[d.toks[s].start:d.toks[e-1].end]
}

// spanText returns the text of tokens [s,e): from the body, or joined
// token texts for title and caption sentences, which are not in it.
func (d *doc) spanText(s, e int) string {
	if d.inBody && !d.foldedIn(s, e) {
		return d.text(s, e)
	}
	return d.tokText(s, e)
}

// mention records tokens [s, e) as a mention of entity x.
func (d *doc) mention(x, s, e int) {
	en := d.ents[x]
	if !d.inBody {
		return
	}
	m := model.Mention{Sentence: d.sentIdx, Start: d.toks[s].start, End: d.toks[e-1].end}
	m.Text = d.body[m.Start:m.End]
	for q := len(en.mentions) - 1; q >= 0 && q >= len(en.mentions)-4; q-- {
		if o := en.mentions[q]; o.Start == m.Start && o.End == m.End {
			return
		}
	}
	en.mentions = append(en.mentions, m)
	if d.affil {
		en.adj = append(en.adj, m.Start)
	}
	en.last = m.Start
	if en.admin1 != "" {
		d.admin1N[en.admin1]++
	}
	if en.typ == model.TypePlace && en.hasLL && len(en.mentions) == 1 {
		d.points = append(d.points, gazetteer.Point{Lat: en.lat, Lon: en.lon})
	}
	d.order = append(d.order, mref{x, m.Start, d.sentIdx})
	if en.country != "" && (en.typ == model.TypePlace || en.typ == model.TypeOrg && en.sector == "GOV") {
		if _, ok := d.country1[en.country]; !ok {
			d.country1[en.country] = len(d.country1)
		}
		d.countryN[en.country]++
		if c := d.r.lex.countries[en.country]; c != nil {
			d.cc2[c.Alpha2]++
		}
	}
	if d.sentIdx >= 0 && d.sentIdx < len(d.subject) && d.subject[d.sentIdx] < 0 && !prepositions[d.tokAt(s-1).lower] {
		d.subject[d.sentIdx] = x
	}
}

// entity returns the entity with key, creating it with mk.
func (d *doc) entity(key string, mk func() *ent) int {
	if x, ok := d.byKey[key]; ok {
		return x
	}
	if d.r.opts.MaxEntities > 0 && len(d.ents) >= d.r.opts.MaxEntities {
		return -1
	}
	e := mk()
	e.key = key
	d.ents = append(d.ents, e)
	d.byKey[key] = len(d.ents) - 1
	return len(d.ents) - 1
}

func (d *doc) lexEntity(e entry) int {
	switch e.kind {
	case kCountry, kDemonym:
		c := d.r.lex.countries[e.country]
		return d.entity("C:"+e.country, func() *ent {
			x := &ent{name: e.name, typ: model.TypePlace, country: e.country, code: e.country, lat: e.lat, lon: e.lon, hasLL: true, precision: gazetteer.PrecisionCountry, basis: gazetteer.BasisLexicon}
			if c != nil {
				x.name, x.lat, x.lon, x.island, x.mainland = c.Name, c.Lat, c.Lon, c.Island, c.Mainland
			}
			return x
		})
	case kCapital:
		return d.entity("P:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypePlace, country: e.country, sector: "GOV", lat: e.lat, lon: e.lon, hasLL: true, capital: true, precision: gazetteer.PrecisionCity, basis: gazetteer.BasisLexicon}
		})
	case kFeature:
		return d.entity("P:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypePlace, country: e.country, code: e.country, lat: e.lat, lon: e.lon, hasLL: true, town: e.class == "city", precision: featurePrecision(e.class), basis: gazetteer.BasisLexicon}
		})
	case kSeat:
		return d.entity("O:"+e.name, func() *ent {
			x := &ent{name: e.name, typ: model.TypeOrg, country: e.country, sector: e.sector, head: strings.ToLower(e.name)}
			if e.country == "" {
				x.code = e.sector // a transnational NGO: CAMEO "NGO"
			}
			return x
		})
	case kIGO:
		return d.entity("O:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypeOrg, code: e.code}
		})
	case kMedia:
		return d.entity("O:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypeOrg, country: e.country, sector: "MED"}
		})
	case kSystem:
		return d.entity("E:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypeEquipment, roles: []string{e.class}}
		})
	}
	return -1
}

// output builds the model entities: only those with body mentions, ids
// in order of first mention, mentions sorted.
func (d *doc) output() []model.Entity {
	var live []*ent
	for _, e := range d.ents {
		if len(e.mentions) > 0 {
			sort.Slice(e.mentions, func(i, j int) bool {
				if e.mentions[i].Start != e.mentions[j].Start {
					return e.mentions[i].Start < e.mentions[j].Start
				}
				return e.mentions[i].End < e.mentions[j].End
			})
			live = append(live, e)
		}
	}
	sort.SliceStable(live, func(i, j int) bool { return live[i].mentions[0].Start < live[j].mentions[0].Start })
	// people with a national title and no country: the article's focus
	// (explicit "Peru's president", demonyms and appositions came first)
	if focus := d.articleFocus(); focus != "" {
		for _, e := range live {
			if e.typ != model.TypePerson || e.country != "" || e.code != "" || e.sector != "" && e.sector != "GOV" && e.sector != "MIL" && e.sector != "SPY" && e.sector != "OPP" {
				continue
			}
			for _, r := range e.roles {
				if d.nationalRole(r) {
					e.country = focus
					if e.sector == "" {
						e.sector = d.r.lex.roles.m[r].sector
					}
					break
				}
			}
		}
	}
	out := make([]model.Entity, 0, len(live))
	for i, e := range live {
		me := model.Entity{ID: "e" + strconv.Itoa(i+1), Name: e.name, Type: e.typ, Roles: e.roles, Former: e.former}
		me.Mentions, me.Affiliations = splitAffiliations(e.mentions, e.adj)
		if me.Roles == nil {
			me.Roles = []string{}
		}
		code := e.code
		if code == "" && e.country != "" {
			code = e.country + e.sector
		}
		me.Code = model.Str(code)
		me.Country = model.Str(e.country)
		if e.hasLL && e.typ == model.TypePlace {
			me.Lat, me.Lon = model.Float(e.lat), model.Float(e.lon)
			me.Precision = e.precision
		}
		if e.typ == model.TypePlace {
			me.Basis = e.basis
		}
		out = append(out, me)
	}
	return out
}
