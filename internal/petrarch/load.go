package petrarch

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// Kind is the kind of a dictionary file.
type Kind string

// The dictionary kinds, as LoadDir recognises them by file name.
const (
	KindActors   Kind = "actors"
	KindAgents   Kind = "agents"
	KindVerbs    Kind = "verbs"
	KindDiscards Kind = "discards"
	KindIssues   Kind = "issues"
)

// FileSummary counts what one dictionary file contributed.
type FileSummary struct {
	Name string
	Kind Kind
	// Actors are actor entries; Roles their codes (each a role the
	// actor holds, possibly for a date range).
	Actors, Roles int
	Agents        int
	// Verbs are the verb lines of Blocks; Patterns
	// their patterns; Synsets the synsets defined.
	Blocks, Verbs, Patterns, Synsets int
	Discards, Issues                 int
	Warnings                         int
}

// Files names the dictionary files of a set; empty names are skipped.
type Files struct {
	Actors, Agents, Verbs, Discards, Issues []string
}

// KindOf classifies a dictionary file by its name (case-insensitive,
// ".txt" or ".txt.gz"): "actor", "agent", "verb" or a "CAMEO" prefix
// (CAMEO.2.0.txt, the standard verbs file), "discard", "issue".
func KindOf(name string) (Kind, bool) {
	n := strings.ToLower(path.Base(name))
	if !strings.HasSuffix(n, ".txt") && !strings.HasSuffix(n, ".txt.gz") {
		return "", false
	}
	switch {
	case strings.Contains(n, "actor"):
		return KindActors, true
	case strings.Contains(n, "agent"):
		return KindAgents, true
	case strings.Contains(n, "verb"), strings.HasPrefix(n, "cameo"):
		return KindVerbs, true
	case strings.Contains(n, "discard"):
		return KindDiscards, true
	case strings.Contains(n, "issue"):
		return KindIssues, true
	}
	return "", false
}

// Load reads the named files from fsys. Bad lines become
// Dictionaries.Warnings; the error is only a file that cannot be
// opened or read. A name ending in ".gz" is read through gzip.
func Load(fsys fs.FS, f Files) (*Dictionaries, error) {
	type job struct {
		kind Kind
		name string
		part *Dictionaries
		err  error
	}
	var jobs []*job
	for _, group := range []struct {
		kind  Kind
		names []string
	}{{KindActors, f.Actors}, {KindAgents, f.Agents}, {KindVerbs, f.Verbs}, {KindDiscards, f.Discards}, {KindIssues, f.Issues}} {
		for _, name := range group.names {
			if name != "" {
				jobs = append(jobs, &job{kind: group.kind, name: name})
			}
		}
	}
	// Files are independent: read them side by side, merge in order.
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Go(func() {
			j.part = &Dictionaries{Synsets: map[string][]Phrase{}}
			j.err = j.part.readFile(fsys, j.name, j.kind)
		})
	}
	wg.Wait()
	d := &Dictionaries{Synsets: map[string][]Phrase{}}
	for _, j := range jobs {
		if j.err != nil {
			return nil, j.err
		}
		p := j.part
		d.Actors = append(d.Actors, p.Actors...)
		d.Agents = append(d.Agents, p.Agents...)
		d.Verbs = append(d.Verbs, p.Verbs...)
		for k, v := range p.Synsets {
			d.Synsets[k] = v
		}
		d.Discards.Sentence = append(d.Discards.Sentence, p.Discards.Sentence...)
		d.Discards.Story = append(d.Discards.Story, p.Discards.Story...)
		d.Issues = append(d.Issues, p.Issues...)
		d.Warnings = append(d.Warnings, p.Warnings...)
		d.Files = append(d.Files, p.Files...)
	}
	return d, nil
}

func (d *Dictionaries) readFile(fsys fs.FS, name string, kind Kind) error {
	fh, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("open dictionary: %w", err)
	}
	defer fh.Close()
	var r io.Reader = fh
	display := strings.TrimSuffix(name, ".gz")
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			return fmt.Errorf("dictionary %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	sum := FileSummary{Name: display, Kind: kind}
	var warn []Warning
	switch kind {
	case KindActors:
		var a []*Actor
		a, warn, err = ReadActors(r, display)
		d.Actors = append(d.Actors, a...)
		sum.Actors = len(a)
		for _, x := range a {
			sum.Roles += len(x.Codes)
		}
	case KindAgents:
		var a []*Agent
		a, warn, err = ReadAgents(r, display)
		d.Agents = append(d.Agents, a...)
		sum.Agents = len(a)
	case KindVerbs:
		var vd VerbDict
		vd, warn, err = ReadVerbs(r, display)
		d.Verbs = append(d.Verbs, vd.Blocks...)
		for k, v := range vd.Synsets {
			d.Synsets[k] = v
		}
		sum.Blocks, sum.Synsets = len(vd.Blocks), len(vd.Synsets)
		for _, b := range vd.Blocks {
			sum.Verbs += len(b.Verbs)
			sum.Patterns += len(b.Patterns)
		}
	case KindDiscards:
		var x Discards
		x, warn, err = ReadDiscards(r, display)
		d.Discards.Sentence = append(d.Discards.Sentence, x.Sentence...)
		d.Discards.Story = append(d.Discards.Story, x.Story...)
		sum.Discards = len(x.Sentence) + len(x.Story)
	case KindIssues:
		var is []*Issue
		is, warn, err = ReadIssues(r, display)
		d.Issues = append(d.Issues, is...)
		sum.Issues = len(is)
	default:
		return fmt.Errorf("dictionary %s: unknown kind %q", name, kind)
	}
	if err != nil {
		return err
	}
	sum.Warnings = len(warn)
	d.Warnings = append(d.Warnings, warn...)
	d.Files = append(d.Files, sum)
	return nil
}

// LoadDir reads every dictionary file of a directory (see KindOf).
// Other files are ignored; a directory without an actors or verbs file
// is an error (nothing could be coded).
func LoadDir(fsys fs.FS) (*Dictionaries, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read dictionary dir: %w", err)
	}
	var f Files
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		kind, ok := KindOf(e.Name())
		if !ok {
			continue
		}
		switch kind {
		case KindActors:
			f.Actors = append(f.Actors, e.Name())
		case KindAgents:
			f.Agents = append(f.Agents, e.Name())
		case KindVerbs:
			f.Verbs = append(f.Verbs, e.Name())
		case KindDiscards:
			f.Discards = append(f.Discards, e.Name())
		case KindIssues:
			f.Issues = append(f.Issues, e.Name())
		}
	}
	if len(f.Actors)+len(f.Verbs) == 0 {
		return nil, fmt.Errorf("no actor or verb dictionaries found (*actor*.txt, *verb*.txt, CAMEO*.txt)")
	}
	return Load(fsys, f)
}

// WriteCheck prints every warning (file:line: reason) and a summary
// table of what each file contributed.
func (d *Dictionaries) WriteCheck(w io.Writer) {
	for _, x := range d.Warnings {
		fmt.Fprintln(w, x)
	}
	if len(d.Warnings) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-36s %-8s %7s %7s %7s %7s %8s %7s %8s %6s %8s\n",
		"file", "kind", "actors", "roles", "agents", "verbs", "patterns", "synsets", "discards", "issues", "warnings")
	var tot FileSummary
	for _, s := range d.Files {
		fmt.Fprintf(w, "%-36s %-8s %7d %7d %7d %7d %8d %7d %8d %6d %8d\n",
			s.Name, s.Kind, s.Actors, s.Roles, s.Agents, s.Verbs, s.Patterns, s.Synsets, s.Discards, s.Issues, s.Warnings)
		tot.Actors += s.Actors
		tot.Roles += s.Roles
		tot.Agents += s.Agents
		tot.Verbs += s.Verbs
		tot.Patterns += s.Patterns
		tot.Synsets += s.Synsets
		tot.Discards += s.Discards
		tot.Issues += s.Issues
		tot.Warnings += s.Warnings
	}
	fmt.Fprintf(w, "%-36s %-8s %7d %7d %7d %7d %8d %7d %8d %6d %8d\n",
		"total", "", tot.Actors, tot.Roles, tot.Agents, tot.Verbs, tot.Patterns, tot.Synsets, tot.Discards, tot.Issues, tot.Warnings)
}

// sortWarnings orders one file's warnings by line.
func sortWarnings(ws []Warning) {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Line < ws[j].Line })
}
