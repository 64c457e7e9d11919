package text

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

func TestTokenize(t *testing.T) {
	a := New(DefaultOptions())
	tests := []struct{ in, want string }{
		{"Kim Hong-kyun met them.", "Kim|Hong-kyun|met|them|."},
		{"North Korean-made missiles", "North|Korean-made|missiles"},
		{"Korea's and Taiwan’s ships", "Korea|'s|and|Taiwan|’s|ships"},
		{"some 1,500 troops and 3.5 tons", "some|1,500|troops|and|3.5|tons"},
		{"the 44-kilometer (24-nautical mile) limit", "the|44-kilometer|(|24-nautical|mile|)|limit"},
		{"We don't know, they're sure", "We|do|n't|know|,|they|'re|sure"},
		{"the U.S. Navy and e.g. Gen. Smith", "the|U.S.|Navy|and|e.g.|Gen.|Smith"},
		{"J.R.R. Tolkien", "J.R.R.|Tolkien"},
		{"O'Brien said “no”.", "O'Brien|said|“|no|”|."},
		{"$5 billion, 20% and €3", "$|5|billion|,|20|%|and|€|3"},
		{"wait... what -- now", "wait|...|what|--|now"},
		{"the soldiers' barracks", "the|soldiers|'|barracks"},
		{"Erdoğan’s visit", "Erdoğan|’s|visit"},
		{"end of list a.", "end|of|list|a|."},
		{"He said no.", "He|said|no|."},
		{"- dash -", "-|dash|-"},
	}
	for _, tt := range tests {
		toks := a.Tokenize(tt.in, model.Span{Start: 0, End: len(tt.in)})
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Text)
			if tt.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %+v not exact", tt.in, tk)
			}
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

// TestTags: the text stage tags and lemmatises every sentence with the
// trained tagger it is given, as soon as the sentence is cut: the tokens
// carry what the tagger gives the same tokens (the tags themselves are
// internal/syntax's to test), and irregular forms get their lemma.
func TestTags(t *testing.T) {
	tests := []struct{ in, lemmas string }{
		{"Ukraine's army will attack the city tomorrow.", "ukraine 's army will attack the city tomorrow ."},
		{"The minister said it's true.", "the minister say it be true ."},
		{"The rebels have fired rockets at Goma.", "the rebel have fire rocket at goma ."},
		{"Officials were detained by soldiers near Kindu.", "official be detain by soldier near kindu ."},
		{"Speaking in Lima, Boluarte vowed to reopen talks.", "speak in lima , boluarte vow to reopen talk ."},
	}
	p := texttest.Tagger(t)
	opts := DefaultOptions()
	opts.Tagger = p
	a := New(opts)
	for _, tt := range tests {
		toks := a.Tokenize(tt.in, model.Span{End: len(tt.in)})
		direct := New(DefaultOptions()).Tokenize(tt.in, model.Span{End: len(tt.in)})
		p.TagSentence(direct)
		var lemmas []string
		for k, tk := range toks {
			if tk.Tag == "" || tk.UPOS == "" || tk.Lemma == "" || tk != direct[k] {
				t.Errorf("%q: token %+v, the tagger gives %+v", tt.in, tk, direct[k])
			}
			lemmas = append(lemmas, strings.ToLower(tk.Lemma))
		}
		if g := strings.Join(lemmas, " "); g != tt.lemmas {
			t.Errorf("lemmas(%q)\n got %s\nwant %s", tt.in, g, tt.lemmas)
		}
	}
}

// countTagger records the sentences it is asked to tag.
type countTagger struct{ sents [][]string }

func (c *countTagger) TagSentence(toks []model.Token) {
	var s []string
	for i := range toks {
		toks[i].Tag = "X"
		s = append(s, toks[i].Text)
	}
	c.sents = append(c.sents, s)
}

// TestTaggerOncePerSentence: Process hands the tagger each sentence's
// tokens once, and nothing else; without a tagger tokens stay untagged.
func TestTaggerOncePerSentence(t *testing.T) {
	body := "Rain fell in Quito.\nThe talks resumed in Doha on Monday. Nobody came."
	var ct countTagger
	opts := DefaultOptions()
	opts.Tagger = &ct
	art := model.NewArticle()
	art.Body = body
	if err := New(opts).Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if len(ct.sents) != len(art.Tokens) || len(art.Tokens) != 3 {
		t.Fatalf("tagged %d sentences of %d, want 3", len(ct.sents), len(art.Tokens))
	}
	for i, toks := range art.Tokens {
		if len(ct.sents[i]) != len(toks) || ct.sents[i][0] != toks[0].Text {
			t.Errorf("sentence %d: tagger saw %q", i, ct.sents[i])
		}
		for _, tk := range toks {
			if tk.Tag != "X" {
				t.Errorf("sentence %d: %s untagged", i, tk.Text)
			}
		}
	}
	art = model.NewArticle()
	art.Body = body
	if err := New(DefaultOptions()).Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	for _, toks := range art.Tokens {
		for _, tk := range toks {
			if tk.Tag != "" || tk.Lemma != "" {
				t.Errorf("no tagger, yet %s is %s/%s", tk.Text, tk.Tag, tk.Lemma)
			}
		}
	}
}

func FuzzAnalyzer(f *testing.F) {
	for _, s := range []string{
		"The U.S. Navy said. \"We won't.\" He left…", "a\n\nb.  c! “d?” e", "3.5 1,500 Korea’s U.S.'s",
		"Gen. J.R.R. B. Tongo... ??!! (x.) ’s 's n't", "\xff\xfe. A", strings.Repeat("x", 300),
	} {
		f.Add(s)
	}
	opts := DefaultOptions()
	opts.MaxSentenceBytes = 64
	a := New(opts)
	f.Fuzz(func(t *testing.T, body string) {
		art := model.NewArticle()
		art.Body = body
		if err := a.Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for i, s := range art.Sentences {
			if s.Start < prev || s.End <= s.Start || s.End > len(body) || body[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d bad: %+v", i, s)
			}
			if utf8.ValidString(body) && !utf8.ValidString(s.Text) {
				t.Fatalf("sentence %d splits a rune: %q", i, s.Text)
			}
			tp := s.Start
			for _, tk := range art.Tokens[i] {
				if tk.Start < tp || tk.End <= tk.Start || tk.End > s.End || body[tk.Start:tk.End] != tk.Text {
					t.Fatalf("token %+v bad in sentence %+v", tk, s)
				}
				tp = tk.End
			}
			if gap := body[prev:s.Start]; strings.TrimSpace(gap) != "" {
				// The store searches bodies through their sentences.
				t.Fatalf("text %q before sentence %d is in no sentence", gap, i)
			}
			prev = s.End
		}
		if rest := body[prev:]; strings.TrimSpace(rest) != "" {
			t.Fatalf("text %q after the last sentence is in no sentence", rest)
		}
	})
}
