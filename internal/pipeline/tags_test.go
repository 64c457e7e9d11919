package pipeline

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/syntax"
)

// TestTaggedOnce: every sentence leaves the pipeline tagged and
// lemmatised exactly as the trained tagger tags its tokens, the parsed
// ones included (the parse keeps the text stage's tags), and the
// sentences worth parsing carry a tree.
func TestTaggedOnce(t *testing.T) {
	tagger, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := testPipeline(t, false)
	a := model.NewArticle()
	a.Published.Date = model.Str("2025-05-02")
	a.Body = "Rain fell over Quito on Thursday.\n" +
		"Ethiopian troops were attacked by militiamen near Gondar, the regional government said.\n" +
		"Norway said it had expelled two Iranian diplomats.\n" +
		"Chile and Peru signed a fisheries accord in Lima."
	if err := p.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	parsed := 0
	for i, toks := range a.Tokens {
		fresh := make([]model.Token, len(toks))
		for k, tk := range toks {
			fresh[k] = model.Token{Text: tk.Text, Start: tk.Start, End: tk.End}
		}
		tagger.TagSentence(fresh)
		for k, tk := range toks {
			if tk.Tag == "" || tk.Tag != fresh[k].Tag || tk.UPOS != fresh[k].UPOS || tk.Lemma != fresh[k].Lemma {
				t.Errorf("sentence %d %q: %s/%s/%s, the tagger gives %s/%s/%s", i, tk.Text, tk.Tag, tk.UPOS, tk.Lemma,
					fresh[k].Tag, fresh[k].UPOS, fresh[k].Lemma)
			}
		}
		if toks[0].Rel != "" {
			parsed++
		}
	}
	if a.Tokens[0][0].Rel != "" {
		t.Error("a sentence with no actor and no event word was parsed")
	}
	if parsed == 0 {
		t.Error("no sentence parsed")
	}
}
