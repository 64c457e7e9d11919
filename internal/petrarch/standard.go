package petrarch

import (
	"fmt"
	"io/fs"
	"sync"
)

// PhoenixDir is where the Phoenix dictionaries sit in sitrep's
// embedded lexicon tree (sitrep.Lexicon).
const PhoenixDir = "lexicon/phoenix"

// Standard is a dictionary set read on first use, typically the Phoenix
// dictionaries compiled into the binary: most commands never code with
// them, and reading 2.6 MB of dictionaries costs a few hundred
// milliseconds. It is safe for concurrent use; the owner holds it (no
// package-level state).
type Standard struct {
	fsys fs.FS
	dir  string
	opts CompileOptions

	once sync.Once
	d    *Dictionaries
	v    *Vocabulary
	err  error
}

// NewStandard prepares to load the dictionaries of directory dir of
// fsys (e.g. sitrep.Lexicon and PhoenixDir, or os.DirFS(path) and ".").
// Nothing is read until Dictionaries or Vocabulary is called.
func NewStandard(fsys fs.FS, dir string, opts CompileOptions) *Standard {
	return &Standard{fsys: fsys, dir: dir, opts: opts}
}

func (s *Standard) load() {
	sub, err := fs.Sub(s.fsys, s.dir)
	if err != nil {
		s.err = fmt.Errorf("dictionaries %s: %w", s.dir, err)
		return
	}
	d, err := LoadDir(sub)
	if err != nil {
		s.err = fmt.Errorf("dictionaries %s: %w", s.dir, err)
		return
	}
	s.d, s.v = d, Compile(d, s.opts)
}

// Dictionaries returns the dictionaries as read (with Warnings), loading
// them on the first call.
func (s *Standard) Dictionaries() (*Dictionaries, error) {
	s.once.Do(s.load)
	return s.d, s.err
}

// Vocabulary returns the compiled tables, loading them on the first call.
func (s *Standard) Vocabulary() (*Vocabulary, error) {
	s.once.Do(s.load)
	return s.v, s.err
}
