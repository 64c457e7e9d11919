package pipeline

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// ewtDoc is one document of the UD English Web Treebank rebuilt from its
// sentences: paragraphs (# newpar) are separated by a blank line, their
// sentences (# text) by a space.
type ewtDoc struct {
	id, source string
	body       string
	sentences  int
}

// readEWT reads the documents of a .conllu.gz file in order. A document
// starts at each "# newdoc id"; sentences before the first one form a
// document of their own.
func readEWT(path, name string) ([]ewtDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var docs []ewtDoc
	var body strings.Builder
	cur := ewtDoc{}
	newPar := false
	flush := func() {
		if cur.sentences > 0 {
			cur.body = body.String()
			docs = append(docs, cur)
		}
		body.Reset()
		cur = ewtDoc{}
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# newdoc id"):
			flush()
			_, id, _ := strings.Cut(l, "=")
			cur.id = strings.TrimSpace(id)
			cur.source = fmt.Sprintf("%s:%d", name, line)
		case strings.HasPrefix(l, "# newpar"):
			newPar = true
		case strings.HasPrefix(l, "# text ="):
			text := strings.TrimSpace(strings.TrimPrefix(l, "# text ="))
			if cur.source == "" {
				cur.source = fmt.Sprintf("%s:%d", name, line)
			}
			switch {
			case body.Len() == 0:
			case newPar:
				body.WriteString("\n\n")
			default:
				body.WriteByte(' ')
			}
			body.WriteString(text)
			cur.sentences++
			newPar = false
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	flush()
	return docs, nil
}

// ewtSentences is the number of sentences of EWT train + dev (v2.x).
const ewtSentences = 14545

// TestEWTCrashCorpus runs every document of the UD English Web Treebank
// (train and dev: blogs, newsgroups, reviews, e-mail, answers) through
// the whole pipeline with panics let through, so a panic in any stage
// fails here with its stack instead of being recovered: no panic, no
// error, an article with sentences for every document, and every span
// inside the body.
func TestEWTCrashCorpus(t *testing.T) {
	p := testPipeline(t, true)
	var docs []ewtDoc
	for _, name := range []string{"en_ewt-ud-train.conllu.gz", "en_ewt-ud-dev.conllu.gz"} {
		d, err := readEWT(testutil.Shared(t, "ud/"+name), name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d...)
	}
	n := 0
	for _, d := range docs {
		n += d.sentences
	}
	if n != ewtSentences {
		t.Errorf("read %d sentences in %d documents, want %d", n, len(docs), ewtSentences)
	}
	ctx := context.Background()
	failed, sents, events := 0, 0, 0
	defer func() { t.Logf("%d documents, %d sentences out, %d events", len(docs), sents, events) }()
	for _, d := range docs {
		if failed >= 10 {
			t.Fatal("stopping after 10 failed documents")
		}
		a := model.NewArticle()
		a.ID, a.Source, a.Body = d.id, d.source, d.body
		if err := processNoRecover(ctx, p, a); err != nil {
			failed++
			t.Errorf("%s (%s): %v", d.source, d.id, err)
			continue
		}
		sents += len(a.Sentences)
		events += len(a.Events)
		if len(a.Sentences) == 0 {
			failed++
			t.Errorf("%s (%s): no sentences from %d bytes", d.source, d.id, len(a.Body))
		}
		if errs := checkSpans(a); len(errs) > 0 {
			failed++
			t.Errorf("%s (%s): %s", d.source, d.id, strings.Join(errs, "; "))
		}
	}
}

// processNoRecover runs p (built with Repanic) on a and turns a panic
// into an error carrying the stack, so one test can list every failing
// document rather than stop at the first.
func processNoRecover(ctx context.Context, p *Pipeline, a *model.Article) (err error) {
	if !p.repanic {
		panic("processNoRecover needs a pipeline built with Repanic")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return p.Process(ctx, a)
}
