package syntax

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a CoNLL-U sentence. Head is the 1-based
// index of the head word within the sentence, 0 for the root (the CoNLL-U
// convention; model.Token uses 0-based indices and -1 instead).
type Word struct {
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Head  int
	Rel   string
}

// Sentence is a sequence of syntactic words (multiword-token ranges and
// empty nodes of the treebank are dropped: the parser reads the words).
type Sentence struct {
	ID    string
	Text  string
	Words []Word
}

// ReadCoNLLUFile reads a CoNLL-U file, gunzipping it when the name ends
// in ".gz".
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read treebank: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read treebank %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	ss, err := ReadCoNLLU(r)
	if err != nil {
		return nil, fmt.Errorf("read treebank %s: %w", path, err)
	}
	return ss, nil
}

// ReadCoNLLU reads sentences in CoNLL-U format. A malformed line is an
// error naming its line number.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("line %d: %d fields, want 10", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword token range or empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("line %d: word id %q out of sequence", line, f[0])
		}
		head := -1
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
				return nil, fmt.Errorf("line %d: bad head %q", line, f[6])
			}
		}
		cur.Words = append(cur.Words, Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Head: head, Rel: f[7]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	flush()
	for i, s := range out {
		for j, w := range s.Words {
			if w.Head > len(s.Words) {
				return nil, fmt.Errorf("sentence %d (%s) word %d: head %d beyond the sentence", i+1, s.ID, j+1, w.Head)
			}
		}
	}
	return out, nil
}

// WriteCoNLLU writes sentences in CoNLL-U (features and misc as "_").
func WriteCoNLLU(w io.Writer, ss []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range ss {
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", s.Text)
		}
		for i, wd := range s.Words {
			head := "_"
			if wd.Head >= 0 {
				head = strconv.Itoa(wd.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t_\n", i+1, wd.Form, or(wd.Lemma), or(wd.UPOS), or(wd.XPOS), head, or(wd.Rel))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func or(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
