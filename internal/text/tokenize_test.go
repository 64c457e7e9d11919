package text

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
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

func TestTags(t *testing.T) {
	tests := []struct{ tagger, in, want string }{
		{"", "Ukraine's army will attack the city tomorrow.", "Ukraine/NNP 's/POS army/NN will/MD attack/VB the/DT city/NN tomorrow/NN ./."},
		{"", "The minister said it's true.", "The/DT minister/NN said/VBD it/PRP 's/VBZ true/JJ ./."},
		{"", "Troops have fired rockets at Goma.", "Troops/NNS have/VBP fired/VBN rockets/NNS at/IN Goma/NNP ./."},
		{TaggerRules, "China sends ships and the missile boats returned.", "China/NNP sends/VBZ ships/NNS and/CC the/DT missile/NN boats/NNS returned/VBD ./."},
		{TaggerRules, "Officials were detained by Russian forces in Kherson.", "Officials/NNS were/VBD detained/VBN by/IN Russian/JJ forces/NNS in/IN Kherson/NNP ./."},
		{TaggerRules, "Speaking at the summit, Modi vowed to jumpstart talks.", "Speaking/VBG at/IN the/DT summit/NN ,/, Modi/NNP vowed/VBD to/TO jumpstart/VB talks/NNS ./."},
		{TaggerRules, "\"We did not elaborate,\" she said.", "\"/`` We/PRP did/VBD not/RB elaborate/VB ,/, \"/'' she/PRP said/VBD ./."},
		{TaggerRules, "the 44-kilometer zone and 1,500 tonnes", "the/DT 44-kilometer/JJ zone/NN and/CC 1,500/CD tonnes/NNS"},
	}
	for _, tagger := range []string{TaggerRules, TaggerPerceptron} {
		opts := DefaultOptions()
		opts.Tagger = tagger
		a := New(opts)
		for _, tt := range tests {
			if tt.tagger != "" && tt.tagger != tagger {
				continue
			}
			var got []string
			for _, tk := range a.Tokenize(tt.in, model.Span{End: len(tt.in)}) {
				got = append(got, tk.Text+"/"+tk.Tag)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("%s tags(%q)\n got %s\nwant %s", tagger, tt.in, g, tt.want)
			}
		}
	}
	if _, err := NewFromLexicon(Options{Tagger: "crf"}, builtinRoot()); err == nil {
		t.Error("unknown tagger accepted")
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
