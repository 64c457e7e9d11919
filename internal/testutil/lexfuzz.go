package testutil

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	sitrep "github.com/sitrep-project/sitrep"
)

// baseLines is how many lines of a built-in lexicon file LexiconBase
// keeps: enough for every kind of line, few enough that a fuzz target
// loads them in microseconds.
const baseLines = 60

// LexiconBase copies the built-in lexicon files into a MapFS laid out
// like lexicon/: the first whole files entire (tables the others refer
// to, such as the CAMEO codes), the rest cut to their first lines.
func LexiconBase(t testing.TB, files []string, whole int) fstest.MapFS {
	t.Helper()
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	for i, name := range files {
		data, err := fs.ReadFile(root, name)
		if err != nil {
			t.Fatalf("built-in lexicon: %v", err)
		}
		if lines := bytes.SplitAfter(data, []byte("\n")); i >= whole && len(lines) > baseLines {
			data = bytes.Join(lines[:baseLines], nil)
		}
		out[name] = &fstest.MapFile{Data: data}
	}
	return out
}

// lexiconMalformed are seeds every lexicon file reader must reject or
// read without panicking: empty fields, stray tabs, bad UTF-8, a line
// longer than a bufio.Scanner's default buffer, CRLF.
var lexiconMalformed = []string{
	"",
	"\t",
	"\t\t\t\t\t\t\t\t\t\t\t\t",
	"x\n\ty\n",
	"#\n\n  \n-\t-\t-\n",
	"a\tb\r\nc\td\r\n",
	"\xff\xfe\x00\t\x80\n",
	"|||\t|\t-|-\n",
	strings.Repeat("w", 70_000) + "\tx\n",
	"1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n",
}

var lineRef = regexp.MustCompile(`([\w./-]+):(\d+)`)

// FuzzLexicon fuzzes a lexicon loader. Each input replaces one of files
// (which, modulo their number) in a copy of base, and load reads that
// root. Invariants: load does not panic; an error names one of the
// files, cites the line ("file:line") when a line could not be read, and
// a line it cites in the replaced file is a line of the input.
// base must load without error.
func FuzzLexicon(f *testing.F, base fstest.MapFS, files []string, load func(root fs.FS) error) {
	f.Helper()
	if err := load(base); err != nil {
		f.Fatalf("base lexicon does not load: %v", err)
	}
	for i, name := range files {
		if mf, ok := base[name]; ok {
			f.Add(uint8(i), mf.Data)
		}
		for _, s := range lexiconMalformed {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := files[int(which)%len(files)]
		root := fstest.MapFS{}
		for k, v := range base {
			root[k] = v
		}
		root[name] = &fstest.MapFile{Data: data}
		err := load(root)
		if err == nil {
			return
		}
		msg := err.Error()
		named := false
		for _, n := range files {
			named = named || strings.Contains(msg, n)
		}
		if !named {
			t.Fatalf("error %q names none of %v", msg, files)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		cited := false
		for _, m := range lineRef.FindAllStringSubmatch(msg, -1) {
			cited = cited || slices.Contains(files, m[1])
			if m[1] != name {
				continue
			}
			if n, _ := strconv.Atoi(m[2]); n < 1 || n > lines {
				t.Fatalf("error %q cites line %d of %s, which has %d lines", msg, n, name, lines)
			}
		}
		// a whole-file error ("no codes loaded") has no line; a line
		// that cannot be read has one
		if !cited && errors.Is(err, bufio.ErrTooLong) {
			t.Fatalf("error %q cites no file:line", msg)
		}
	})
}
