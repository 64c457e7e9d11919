package events

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// matchSentences are articles of our own, from several regions, for the
// role dictionaries: coded verbs with words after them (a loan from, a
// resolution, talks with), verbs those words are missing for, and
// sentences with actors and no dictionary verb.
var matchSentences = []string{
	"Kenya received a loan from France last week.",
	"Kenya received a delegation from France last week.",
	"Mali held talks in Bamako with Lebanon on Tuesday.",
	"Mali held a rally in Bamako on Tuesday. Nepal and India resumed talks.",
	"The lawmakers of Chile adopted a resolution on Vietnam.",
	"Norway adopted a new budget. Syria and Turkey share a long border.",
	"Ghana's officials freed two fishermen from Somalia.",
	"Brazil and Peru hosted a summit of the Andes. Egypt warned Japan that it would suffer.",
}

// prepareDictionary runs the text and time stages and the dictionaries'
// actors on text and prepares its sentences for coder c.
func prepareDictionary(t *testing.T, c *Coder, v *petrarch.Vocabulary, text string) []*sent {
	t.Helper()
	a := model.NewArticle()
	a.Body = text
	a.Published = model.Published{Date: model.Str("2024-05-01"), Precision: model.Str(model.PrecisionDay)}
	for _, s := range append(loadUpstream(t).stages[:2:2], &DictionaryActors{Vocab: v}) {
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return c.prepare(a)
}

func roleVocabulary(t *testing.T) *petrarch.Vocabulary {
	t.Helper()
	d, err := petrarch.Load(roleDictionaries, petrarch.Files{Actors: []string{"r.actors.txt"},
		Agents: []string{"r.agents.txt"}, Verbs: []string{"r.verbs.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	return petrarch.Compile(d, petrarch.DefaultCompileOptions())
}

// TestMayMatchSound: a dictionary pattern the word-hash filter rules out
// never matches (matchRest), so findMatches finds what it found without
// the filter; and the filter rules some out.
func TestMayMatchSound(t *testing.T) {
	v := roleVocabulary(t)
	c := New(loadUpstream(t).lex.WithDictionary(v.Verbs), DefaultOptions())
	tried, ruledOut := 0, 0
	for _, text := range matchSentences {
		for _, st := range prepareDictionary(t, c, v, text) {
			sb := sentBits(st)
			for i := range st.toks {
				for _, p := range c.lex.heads(st.toks[i]) {
					if p.dictionary && len(p.words) > 1 && p.need == nil {
						t.Errorf("%s: pattern %s has no word sets", text, p.text)
					}
					tried++
					if p.mayMatch(sb) {
						continue
					}
					ruledOut++
					if _, ok := c.matchRest(st, p, i); ok {
						t.Errorf("%s: %s ruled out at %q but matches", text, p.text, st.toks[i].text)
					}
				}
			}
		}
	}
	if ruledOut == 0 || ruledOut == tried {
		t.Errorf("the filter ruled out %d of %d patterns", ruledOut, tried)
	}
}

// TestDictionaryHeadsKept: with dictionaries, Lexicon.heads gives the
// merged list mergeHeads gives, the same list each time.
func TestDictionaryHeadsKept(t *testing.T) {
	v := roleVocabulary(t)
	c := New(loadUpstream(t).lex.WithDictionary(v.Verbs), DefaultOptions())
	n := 0
	for _, text := range matchSentences {
		for _, st := range prepareDictionary(t, c, v, text) {
			for _, tk := range st.toks {
				first, again, want := c.lex.heads(tk), c.lex.heads(tk), c.lex.mergeHeads(tk)
				if !slices.Equal(first, want) || !slices.Equal(again, want) {
					t.Errorf("%s, %q: kept heads differ from merged", text, tk.text)
				}
				n += len(want)
			}
		}
	}
	if n == 0 {
		t.Error("no token heads a pattern")
	}
}

// countingParser counts the sentences it parses.
type countingParser struct {
	p interface {
		Parser
		taggedParser
	}
	n atomic.Int32
}

func (c *countingParser) ParseSentence(toks []model.Token) { c.n.Add(1); c.p.ParseSentence(toks) }
func (c *countingParser) ParseTagged(toks []model.Token)   { c.n.Add(1); c.p.ParseTagged(toks) }

// TestDictionaryParseGate: with dictionaries the parse stage parses only
// the sentences a coded pattern may match in, and no sentence an
// earlier stage parsed, and the stage codes what it codes parsing every
// sentence with an actor and a dictionary verb.
func TestDictionaryParseGate(t *testing.T) {
	v := roleVocabulary(t)
	lex := loadUpstream(t).lex
	gated := &countingParser{p: loadParser(t)}
	all := &countingParser{p: loadParser(t)}
	st := NewDictionaryStage(lex, v, gated)
	coder := New(lex.WithDictionary(v.Verbs), DefaultOptions())
	ref := &DictionaryStage{stages: []model.Stage{&DictionaryActors{Vocab: v},
		&ParseStage{Parser: all, Coder: coder, KeepTags: true}, coder}, discards: v.Discards}
	up := loadUpstream(t)
	run := func(s *DictionaryStage, text string, parsed bool) []model.Event {
		a := model.NewArticle()
		a.Body = text
		a.Published = model.Published{Date: model.Str("2024-05-01"), Precision: model.Str(model.PrecisionDay)}
		for _, s := range up.stages[:2] {
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		if parsed {
			for _, toks := range a.Tokens {
				loadParser(t).ParseTagged(toks)
			}
		}
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		return a.Events
	}
	total := 0
	for _, text := range matchSentences {
		gated.n.Store(0)
		all.n.Store(0)
		got, want := run(st, text, false), run(ref, text, false)
		total += len(got)
		if len(got) != len(want) {
			t.Errorf("%s: %d events, parsing every sentence %d", text, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			g, w := got[i], want[i]
			if g.Cameo != w.Cameo || g.Source.Code != w.Source.Code || (g.Target == nil) != (w.Target == nil) || g.Target != nil && g.Target.Code != w.Target.Code {
				t.Errorf("%s: event %d %s %s, parsing every sentence %s %s", text, i, g.Source.Code, g.Cameo, w.Source.Code, w.Cameo)
			}
		}
		if gated.n.Load() > all.n.Load() {
			t.Errorf("%s: %d sentences parsed, more than %d", text, gated.n.Load(), all.n.Load())
		}
		gated.n.Store(0)
		if again := run(st, text, true); len(again) != len(got) || gated.n.Load() != 0 {
			t.Errorf("%s: parsed before: %d events (want %d), %d sentences parsed again", text, len(again), len(got), gated.n.Load())
		}
	}
	if total < len(matchSentences)/2 {
		t.Errorf("%d events in %d articles", total, len(matchSentences))
	}
	// a sentence with actors whose only verb misses its pattern's words
	// ("held" codes with talks only), or whose only dictionary verb is a
	// noun after a determiner, is not parsed
	for _, text := range []string{"Mali held a rally with Lebanon in Bamako.", "The visit of Japan ended quietly."} {
		gated.n.Store(0)
		all.n.Store(0)
		run(st, text, false)
		run(ref, text, false)
		if gated.n.Load() != 0 || all.n.Load() != 1 {
			t.Errorf("%s: parsed %d times, %d parsing every sentence", text, gated.n.Load(), all.n.Load())
		}
	}
}

// BenchmarkDictionaryStage codes the seed articles (already through the
// earlier stages) with the Phoenix dictionaries, as `--dictionaries`
// does, and reports sentences per second and the share parsed.
func BenchmarkDictionaryStage(b *testing.B) {
	seed := testutil.Shared(b, "seed/000_8bdc426c88a831b7.txt")
	arts := ingestFile(b, seed, "2024-06-14")
	p := &countingParser{p: loadParser(b)}
	st := NewDictionaryStage(loadUpstream(b).lex, loadPhoenix(b), p)
	n := 0
	for _, a := range arts {
		n += len(a.Sentences)
	}
	for _, a := range arts { // the patterns its words head compile on first use
		if err := st.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	p.n.Store(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			a.Events = []model.Event{}
			if err := st.Process(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(p.n.Load())/float64(n*b.N), "parsed/sentence")
}
