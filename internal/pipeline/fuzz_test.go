package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// fuzzSeeds are news-like paragraphs written for the fuzzer: quotes,
// numbers, dates, demonyms, passives, lists and odd punctuation.
var fuzzSeeds = []string{
	"At least four Malian soldiers were killed when their convoy hit a mine near Gao on Saturday, the army said.",
	"\"We will not back down,\" said Chile's foreign minister, adding that talks with Bolivia would resume in March.",
	"According to the ministry, 1,200 Rohingya refugees arrived in Cox's Bazar between 3 and 9 May 2024.",
	"Thai and Cambodian troops exchanged fire along the border; neither side reported casualties.",
	"Nepal's parliament — after a 14-hour debate — approved the budget (worth $17.3 billion) late on Tuesday.",
	"“They came at night,” one resident told reporters in Tigray. “Nobody stopped them.”",
	"Ukraine, Poland, and Lithuania signed a pact with Moldova in Vilnius. It takes effect next week.",
	"Iran's navy seized a tanker in the Strait of Hormuz, U.S. officials said, a charge Tehran denies.",
	"In 2019, the 45-km pipeline was shut.\n\nProtesters gathered in Lagos.\nPolice fired tear gas.",
	"A. B. C. \"\" ' ' ( ) - — at At AT in of from by, said said said.",
}

// fuzzSamples reads the repository's sample corpus as fuzz seeds: the
// text dump whole, and the text of each JSONL record.
func fuzzSamples(f *testing.F) []string {
	dir := filepath.Join("..", "..", "testdata", "sample")
	var out []string
	txt, err := os.ReadFile(filepath.Join(dir, "seed-2024-nk-russia-taiwan.txt"))
	if err != nil {
		f.Fatal(err)
	}
	out = append(out, string(txt))
	data, err := os.ReadFile(filepath.Join(dir, "world-2025.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			f.Fatalf("world-2025.jsonl: %v", err)
		}
		out = append(out, rec.Text)
	}
	return out
}

// maxFuzzBody bounds a fuzz input: analysis is linear in the text, and
// long inputs only slow the fuzzer down.
const maxFuzzBody = 16 << 10

// warmUp runs every pipeline on the seeds in every fuzz process before
// the first input: the entities stage decodes its city gazetteer on
// first use, seconds under coverage instrumentation, and the fuzzer
// kills a worker whose input takes ten.
func warmUp(f *testing.F, seeds []string, ps ...*Pipeline) {
	for _, s := range seeds {
		for _, p := range ps {
			a := model.NewArticle()
			a.Body = s
			if err := p.Process(context.Background(), a); err != nil {
				f.Fatal(err)
			}
		}
	}
}

// fuzzProcess runs p on a fuzz input as ingest would hand it over (at
// most maxFuzzBody bytes, valid UTF-8) and fails t unless every stage
// succeeds and every span is inside the body, on UTF-8 boundaries, with
// its text equal to the body's bytes.
func fuzzProcess(t *testing.T, p *Pipeline, body string) *model.Article {
	if len(body) > maxFuzzBody {
		body = body[:maxFuzzBody]
	}
	// ingest hands the stages valid UTF-8 (it decodes or replaces bad bytes)
	body = strings.ToValidUTF8(body, "\uFFFD")
	a := model.NewArticle()
	a.Source, a.Body = "fuzz", body
	a.Published = model.Published{Date: model.Str("2024-06-14"), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
	// A panic fails here with its stack (Repanic). A hang needs no
	// watchdog: the fuzzer records an input that runs for 10 s as a
	// crasher.
	if err := p.Process(context.Background(), a); err != nil {
		t.Fatalf("Process: %v", err)
	}
	if errs := checkSpans(a); len(errs) > 0 {
		t.Fatalf("%d span errors:\n%s", len(errs), strings.Join(errs, "\n"))
	}
	return a
}

// FuzzPipeline runs the whole pipeline (panics let through) on arbitrary
// text and on mutations of real documents: no stage panics or fails, and
// every span of the result is inside the body, on UTF-8 boundaries, with
// its text equal to the body's bytes.
func FuzzPipeline(f *testing.F) {
	p := testPipeline(f, true)
	seeds := append(append([]string{}, fuzzSeeds...), fuzzSamples(f)...)
	for _, s := range seeds {
		f.Add(s)
	}
	warmUp(f, seeds, p)
	f.Fuzz(func(t *testing.T, body string) {
		fuzzProcess(t, p, body)
	})
}

// dictSeeds are paragraphs written for the dictionary fuzzer over the
// fictional actors of internal/petrarch/testdata/mini, with their verbs,
// agents and phrases in several constructions.
var dictSeeds = []string{
	"Ruritania accused Borduria of shelling a border village on Monday.",
	"The Syldavian foreign minister condemned the raid in a statement from Klow.",
	"Officials in Szohod said they would meet Ruritanian envoys next week; talks broke off in May.",
	"Borduria and Syldavia signed a trade pact after the Red Crescent donated crowns and gold bars.",
	"Count Rupert's soldiers attacked police near the capital, the Twin States said.",
	"Ruritania hosted a feast for Bordurian officials, who arrived late. \"We met,\" one said.",
}

// FuzzPipelineDictionaries runs the pipeline with --dictionaries (the
// mini dictionaries: the dictionary stage codes on its own copy of the
// tokens and parses it), alone and after sitrep's own coding
// (--extend-events), on arbitrary text: no stage panics or fails, every
// span is inside the body, and no sentence is parsed twice.
func FuzzPipelineDictionaries(f *testing.F) {
	ps := [2]*Pipeline{miniPipeline(f, false, true), miniPipeline(f, true, true)}
	seeds := append(append([]string{}, dictSeeds...), fuzzSeeds...)
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	warmUp(f, seeds, ps[:]...)
	f.Fuzz(func(t *testing.T, body string, extend bool) {
		p := ps[0]
		if extend {
			p = ps[1]
		}
		before := p.CopiesParsed()
		a := fuzzProcess(t, p, body)
		if n := int(p.CopiesParsed()-before) + ParsedSentences(a); n > len(a.Sentences) {
			t.Fatalf("%d sentences parsed of %d", n, len(a.Sentences))
		}
	})
}
