package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// ErrPanic marks an article whose analysis panicked; errors.Is finds it
// in the error Process returns.
var ErrPanic = errors.New("panic")

// maxLocate bounds how many sentences Process re-runs alone to find the
// one a panic came from: the search only runs after a failure, but an
// article of a million sentences must not take an hour to fail.
const maxLocate = 5000

// ArticleError is the analysis failure of one article: the caller counts
// it, reports it and goes on with the next article.
type ArticleError struct {
	// Source is the article's input and record ("feeds.jsonl:12"), or its
	// id when the source is unknown.
	Source string
	// Stage is the name of the stage that failed.
	Stage string
	// Sentence is the index of the sentence being processed when known
	// (the failure reproduces on that sentence alone), else -1.
	Sentence int
	// SentenceText is that sentence's text.
	SentenceText string
	// Stack is the goroutine stack at a recovered panic.
	Stack []byte
	// Err is the stage's error, or ErrPanic wrapped with the panic value.
	Err error
}

func (e *ArticleError) Error() string {
	s := e.Source + ": stage " + e.Stage
	if e.Sentence >= 0 {
		s += ": sentence " + strconv.Itoa(e.Sentence) + " " + strconv.Quote(model.Clip(e.SentenceText, 160))
	}
	return s + ": " + e.Err.Error()
}

func (e *ArticleError) Unwrap() error { return e.Err }

// runStage runs one stage on a, turning a panic into an error unless
// p.repanic is set (tests and fuzz targets that want the stack where it
// happened).
func (p *Pipeline) runStage(ctx context.Context, s model.Stage, a *model.Article) (err error) {
	if !p.repanic {
		defer func() {
			if r := recover(); r != nil {
				err = &panicError{val: r, stack: debug.Stack()}
			}
		}()
	}
	return s.Process(ctx, a)
}

// panicError carries a recovered panic out of runStage.
type panicError struct {
	val   any
	stack []byte
}

func (e *panicError) Error() string {
	if site := panicSite(e.stack); site != "" {
		return fmt.Sprintf("panic: %v (at %s)", e.val, site)
	}
	return fmt.Sprintf("panic: %v", e.val)
}

// panicSite names the function and file:line that panicked, from a
// debug.Stack taken in the deferred recover: the first frame after
// panic() that is not the runtime's own (goPanicIndex and the like), so
// that a one-line report points at the bug.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "panic(") {
			continue
		}
		for j := i + 2; j+1 < len(lines); j += 2 { // function lines alternate with file lines
			fn := lines[j]
			if strings.HasPrefix(fn, "runtime.") {
				continue
			}
			if k := strings.LastIndexByte(fn, '('); k > 0 {
				fn = fn[:k]
			}
			fn = fn[strings.LastIndexByte(fn, '/')+1:]
			file := strings.TrimSpace(lines[j+1])
			if k := strings.LastIndexByte(file, ' '); k > 0 {
				file = file[:k] // the "+0x1f" offset
			}
			return fn + " " + filepath.Base(file)
		}
	}
	return ""
}
func (e *panicError) Unwrap() error { return ErrPanic }

// fail builds the ArticleError for stage i's err on a, finding the
// sentence a panic came from when it can.
func (p *Pipeline) fail(ctx context.Context, a *model.Article, i int, err error) *ArticleError {
	ae := &ArticleError{Source: a.Source, Stage: p.stages[i].Name(), Sentence: -1, Err: err}
	if ae.Source == "" {
		ae.Source = "article " + a.ID
	}
	var pe *panicError
	if errors.As(err, &pe) {
		ae.Stack = pe.stack
		if k := p.locate(ctx, a, i); k >= 0 {
			ae.Sentence, ae.SentenceText = k, a.Body[a.Sentences[k].Start:a.Sentences[k].End]
		}
	}
	return ae
}

// locate finds the first sentence of a on which stages 0..upto panic when
// it is analysed alone, or -1 when none does (the panic needs context, or
// the text stage itself failed and there are no sentences).
func (p *Pipeline) locate(ctx context.Context, a *model.Article, upto int) int {
	for k, s := range a.Sentences {
		if k >= maxLocate || ctx.Err() != nil {
			break
		}
		if s.Start < 0 || s.End > len(a.Body) || s.Start >= s.End {
			continue
		}
		one := model.NewArticle()
		one.ID, one.Source, one.Published = a.ID, a.Source, a.Published
		one.Body = a.Body[s.Start:s.End]
		for _, st := range p.stages[:upto+1] {
			err := p.runStage(ctx, st, one)
			if errors.Is(err, ErrPanic) {
				return k
			}
			if err != nil {
				break
			}
		}
	}
	return -1
}
