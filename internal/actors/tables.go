package actors

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/text/lexfile"
)

// Lexicon files read from every root, later roots adding to and
// overriding earlier ones.
const (
	// OverlayFile holds sitrep's actors in the Phoenix actor format
	// (names, "+" synonyms, dated codes), looked up before the Phoenix
	// dictionaries: roles that changed after the dictionaries were
	// written.
	OverlayFile = "actors/actors.txt"
	// GroupsFile holds the group nouns with the sector code conflict
	// analysts give them; it overrides the Phoenix agents of the same
	// form (the events coder reads the same file).
	GroupsFile = "events/groups.tsv"
	// WordsFile holds the events coder's word classes; the stage reads
	// its patronWords ("Iranian-backed militias" are not Iran's).
	WordsFile = "events/words.tsv"
	// AgentsFile holds agent nouns the Phoenix agents table lacks, in
	// its format ("NEGOTIATOR [~GOV]"): each names an actor only with a
	// country named with it ("Colombian negotiators" -> COLGOV), never
	// by the place alone, whatever its sector ("peacekeepers" in Mali
	// are not Mali's).
	AgentsFile = "actors/agents.txt"
	// CountriesFile is the entity stage's country table; its first
	// column tells a country's code from a transnational one (IGO, NGO).
	CountriesFile = "entities/countries.tsv"
	// RolesFile is the entity stage's table of role nouns and titles;
	// its first column names offices (see doc.office), its second their
	// sector (see doc.title).
	RolesFile = "entities/roles.tsv"
	// FormerFile is the entity stage's table of the words that mark a
	// title as held before ("former", "ex-") with the sector of its
	// holder out of office ("ELI"; "-" for a word that only dates it,
	// "then"): a title it marks is an actor of that sector (doc.title).
	FormerFile = "entities/former.tsv"
)

// tables is what the stage looks up, loaded on first use.
type tables struct {
	v       *petrarch.Vocabulary
	overlay *petrarch.ActorTable
	// groups maps a lower-case group noun (singular and plural) to its
	// sector code ("gunmen" -> UAF).
	groups map[string]string
	// patrons are the second parts of a compound of patronage
	// ("backed" in "Iranian-backed"): a country so named sponsors the
	// group after it and is not its country.
	patrons map[string]bool
	// agents: group nouns also come from the Phoenix agents table, for
	// the sectors of groups (sectors).
	agents  bool
	sectors map[string]bool
	// own are sitrep's agents (AgentsFile), looked up before the
	// Phoenix agents; nil without any.
	own *petrarch.AgentTable
	// surnames index people of the dictionaries by the last word of a
	// name of two or more words, for "Modi said" when the dictionaries
	// list only "NARENDRA_MODI" (see doc.surname).
	surnames map[string][]*petrarch.Actor
	// countries are the alpha-3 codes of countries and territories.
	countries map[string]bool
	// offices are the entity stage's role phrases (RolesFile), lower
	// case, with their sector ("" for none): a dictionary name that is
	// one ("Secretary of State") names the office's holder, a person; a
	// title of two or more words with its country ("Pakistan's Chief of
	// Army Staff") is an actor of the title's sector (doc.title).
	offices map[string]string
	// officeWords bounds the offices of two or more words by their first
	// word: the most words of one (doc.title looks no further).
	officeWords map[string]int
	// former maps the words of FormerFile to their sector ("" for none).
	former map[string]string
}

func loadTables(std *petrarch.Standard, roots []fs.FS) (*tables, error) {
	v, err := std.Vocabulary()
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	t := &tables{v: v, agents: true, groups: map[string]string{}, patrons: map[string]bool{}, countries: map[string]bool{}, offices: map[string]string{}, former: map[string]string{}}
	var overlay []*petrarch.Actor
	var agents []*petrarch.Agent
	for _, root := range roots {
		data, err := fs.ReadFile(root, OverlayFile)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("actors: %w", err)
		default:
			as, ws, err := petrarch.ReadActors(bytes.NewReader(data), OverlayFile)
			if err != nil {
				return nil, fmt.Errorf("actors: %w", err)
			}
			if len(ws) > 0 {
				// sitrep's own lexicon: a line that cannot be read stops
				// the run, as in every other lexicon file
				return nil, fmt.Errorf("actors: %w", ws[0])
			}
			// later roots first: the first match of the longest name wins
			overlay = append(as, overlay...)
		}
		if err := readAgents(root, &agents); err != nil {
			return nil, err
		}
		if err := readGroups(root, t.groups); err != nil {
			return nil, err
		}
		if err := readPatrons(root, t.patrons); err != nil {
			return nil, err
		}
		if err := readCountries(root, t.countries); err != nil {
			return nil, err
		}
		if err := readSectors(root, RolesFile, t.offices); err != nil {
			return nil, err
		}
		if err := readSectors(root, FormerFile, t.former); err != nil {
			return nil, err
		}
	}
	t.officeWords = map[string]int{}
	for role := range t.offices {
		if n := len(strings.Fields(role)); n >= 2 {
			first, _, _ := strings.Cut(role, " ")
			t.officeWords[first] = max(t.officeWords[first], n)
		}
	}
	t.overlay = petrarch.CompileActors(overlay, petrarch.DefaultCompileOptions())
	if len(agents) > 0 {
		t.own = petrarch.Compile(&petrarch.Dictionaries{Agents: agents}, petrarch.DefaultCompileOptions()).Agents
	}
	t.sectors = map[string]bool{}
	for _, c := range t.groups {
		t.sectors[c] = true
	}
	d, err := std.Dictionaries()
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	t.surnames = surnameIndex(append(append([]*petrarch.Actor(nil), overlay...), d.Actors...))
	return t, nil
}

// readAgents adds root's AgentsFile to into, later roots first (the
// first match of the longest name wins); a line that cannot be read
// stops the run, as in every sitrep lexicon.
func readAgents(root fs.FS, into *[]*petrarch.Agent) error {
	data, err := fs.ReadFile(root, AgentsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("actors: %w", err)
	}
	as, ws, err := petrarch.ReadAgents(bytes.NewReader(data), AgentsFile)
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	if len(ws) > 0 {
		return fmt.Errorf("actors: %w", ws[0])
	}
	*into = append(as, *into...)
	return nil
}

// readGroups reads GroupsFile: "forms<TAB>sector", forms separated by
// "|" (lower case), sector a 3-letter code.
func readGroups(root fs.FS, into map[string]string) error {
	err := lexfile.ReadLines(root, GroupsFile, func(line string) error {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) != 2 || f[0] == "" || len(strings.TrimSpace(f[1])) != 3 {
			return errors.New("want 2 tab-separated fields: group noun, 3-letter sector code")
		}
		code := strings.ToUpper(strings.TrimSpace(f[1]))
		for _, w := range strings.Split(strings.ToLower(f[0]), "|") {
			into[strings.TrimSpace(w)] = code
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}

// readPatrons collects the patronWords line of WordsFile (the events
// coder reads the whole file and checks its form).
func readPatrons(root fs.FS, into map[string]bool) error {
	err := lexfile.ReadLines(root, WordsFile, func(line string) error {
		if ws, ok := strings.CutPrefix(line, "patronWords\t"); ok {
			for _, w := range strings.Split(strings.ToLower(ws), "|") {
				into[strings.TrimSpace(w)] = true
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}

// readCountries collects the first column of CountriesFile.
func readCountries(root fs.FS, into map[string]bool) error {
	err := lexfile.ReadLines(root, CountriesFile, func(line string) error {
		if i := strings.IndexByte(line, '\t'); i == 3 {
			into[line[:3]] = true
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}

// readSectors adds the first column of one of the entity stage's tables
// (RolesFile: "secretary of state", "defence minister"; FormerFile:
// "former", "ex"), lower-cased, with the sector of its second column
// ("" for none, "-").
func readSectors(root fs.FS, file string, into map[string]string) error {
	err := lexfile.ReadLines(root, file, func(line string) error {
		f := strings.Split(line, "\t")
		if w := strings.ToLower(strings.TrimSpace(f[0])); w != "" {
			sector := ""
			if len(f) > 1 && len(strings.TrimSpace(f[1])) == 3 {
				sector = strings.TrimSpace(f[1])
			}
			into[w] = sector
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}

// surnameIndex maps the last word of every name of two or more words to
// the actors with a dated role (people holding offices).
func surnameIndex(as []*petrarch.Actor) map[string][]*petrarch.Actor {
	out := map[string][]*petrarch.Actor{}
	for _, a := range as {
		dated := false
		for _, c := range a.Codes {
			if (!c.From.IsZero() || !c.To.IsZero()) && len(c.Code) > 3 {
				dated = true
			}
		}
		if !dated {
			continue
		}
		seen := ""
		for _, n := range a.Names {
			if len(n) < 2 {
				continue
			}
			k := len(n) - 1
			for k > 0 && generational(n[k].Text) {
				k-- // "MARTIN_LUTHER_KING_JR.": the surname is KING
			}
			w := n[k].Text
			if k == 0 || len(w) < 3 || w == seen || generational(w) {
				continue
			}
			if l := out[w]; len(l) == 0 || l[len(l)-1] != a {
				out[w] = append(l, a)
			}
			seen = w
		}
	}
	return out
}

// generational reports a name suffix that is no surname: "JR.", "SR.",
// a generational numeral ("II", "III", "IV").
func generational(w string) bool {
	switch w {
	case "JR", "SR", "II", "III", "IV":
		return true
	}
	return strings.HasSuffix(w, ".")
}
