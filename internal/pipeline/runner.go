package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// NearDuplicateDistance is the largest simhash Hamming distance at which
// two bodies count as the same story.
const NearDuplicateDistance = 3

// Summary counts what a run did.
type Summary struct {
	Inputs         int   `json:"inputs"`
	Articles       int   `json:"articles"`
	New            int   `json:"new"`
	AlreadyStored  int   `json:"already_stored"`
	NearDuplicates int   `json:"near_duplicates"`
	Sentences      int   `json:"sentences"`
	Events         int   `json:"events"`
	Bytes          int64 `json:"bytes"`
	// Failed counts the articles that were read but failed analysis (a
	// stage error or a recovered panic, see ArticleError); they are among
	// Errors, with input and record errors.
	Failed int     `json:"failed"`
	Errors []error `json:"-"`
}

// GCPercent is the garbage collector's target the sitrep command runs
// with when $GOGC is unset (with a 2 GiB soft memory limit). sitrep's
// heap is mostly long-lived lexicons plus the batch of analysed articles
// waiting for their transaction; at Go's default of 100 the collector
// marked them so often that, on one core, raw text → stored events ran
// 27–40% slower (docs/performance.md).
const GCPercent = 400

// DefaultBatch is how many articles Runner.Batch puts in one store
// transaction by default: with SQLite, commits cost a sixth of storing
// small articles at 64 per transaction and half that at 256.
const DefaultBatch = 256

// Runner ingests inputs, analyses each article and hands it on: to Store
// when one is set (ingest), and to Emit (extract, tests). It is not safe
// for concurrent use; make one per goroutine.
type Runner struct {
	Pipeline *Pipeline
	Ingest   ingest.Options
	// Store, if set, receives every analysed article.
	Store store.Store
	// Emit, if set, is called with every analysed article (after it was
	// stored, with the store's result). Articles that waited in a batch
	// come without Tokens (see Article).
	Emit func(a *model.Article, res store.PutResult) error
	// OnError receives per-input and per-record errors; the run goes on.
	OnError func(error)
	// Batch, when > 1 and the store implements store.BatchPutter, stores
	// articles in transactions of up to Batch articles (each article is
	// still all-or-nothing). Source and Bytes flush at the end of input.
	Batch int

	dups    *ingest.DupIndex
	pending []*model.Article
	mu      sync.Mutex
	sum     Summary
}

// Summary returns the counts so far.
func (r *Runner) Summary() Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.sum
	s.Errors = append([]error(nil), r.sum.Errors...)
	return s
}

func (r *Runner) fail(err error) {
	r.mu.Lock()
	r.sum.Errors = append(r.sum.Errors, err)
	r.mu.Unlock()
	if r.OnError != nil {
		r.OnError(err)
	}
}

// Source reads one path or URL. An error for the whole input is reported
// through OnError and returned; record errors are only reported.
func (r *Runner) Source(ctx context.Context, src string) error {
	r.mu.Lock()
	r.sum.Inputs++
	r.mu.Unlock()
	err := ingest.Read(ctx, src, r.Ingest, func(a *model.Article) error { return r.Article(ctx, a) }, r.fail)
	if err != nil {
		r.fail(err)
	}
	if ferr := r.Flush(ctx); ferr != nil {
		return ferr
	}
	return err
}

// Bytes reads one in-memory document (HTTP POST, queue message).
func (r *Runner) Bytes(ctx context.Context, name string, data []byte) error {
	r.mu.Lock()
	r.sum.Inputs++
	r.mu.Unlock()
	err := ingest.ReadBytes(ctx, name, data, r.Ingest, func(a *model.Article) error { return r.Article(ctx, a) }, r.fail)
	if err != nil {
		r.fail(err)
	}
	if ferr := r.Flush(ctx); ferr != nil {
		return ferr
	}
	return err
}

// Article analyses and stores one ingested article. Analysis errors are
// reported and skip the article; store errors stop the run, because they
// mean the database is unusable.
func (r *Runner) Article(ctx context.Context, a *model.Article) error {
	if r.dups == nil {
		r.dups = ingest.NewDupIndex(NearDuplicateDistance)
	}
	if a.DuplicateOf == nil {
		if orig, ok := r.dups.Check(a.ID, a.Fingerprint); ok && orig != a.ID {
			a.DuplicateOf = &orig
		}
	}
	if a.DuplicateOf == nil && r.Store != nil {
		orig, err := r.Store.NearDuplicate(ctx, a.Fingerprint, NearDuplicateDistance)
		if err != nil {
			return fmt.Errorf("near-duplicate lookup: %w", err)
		}
		if orig != "" && orig != a.ID {
			a.DuplicateOf = &orig
		}
	}
	if err := r.Pipeline.Process(ctx, a); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r.mu.Lock()
		r.sum.Failed++
		r.mu.Unlock()
		r.fail(err)
		return nil
	}
	if bp, ok := r.Store.(store.BatchPutter); ok && r.Batch > 1 {
		// The store keeps no tokens (a few hundred per article): the
		// batch need not hold them until it is stored.
		a.Tokens = nil
		r.pending = append(r.pending, a)
		if len(r.pending) < r.Batch {
			return nil
		}
		return r.flushBatch(ctx, bp)
	}
	var res store.PutResult
	if r.Store != nil {
		var err error
		res, err = r.Store.PutArticle(ctx, a)
		if err != nil {
			return fmt.Errorf("store %s: %w", a.Source, err)
		}
	} else {
		res = store.PutResult{Inserted: true, Events: len(a.Events)}
	}
	return r.done(a, res)
}

// Flush stores the articles a batching Runner still holds.
func (r *Runner) Flush(ctx context.Context) error {
	if bp, ok := r.Store.(store.BatchPutter); ok && len(r.pending) > 0 {
		return r.flushBatch(ctx, bp)
	}
	return nil
}

func (r *Runner) flushBatch(ctx context.Context, bp store.BatchPutter) error {
	batch := r.pending
	r.pending = nil
	res, err := bp.PutArticles(ctx, batch)
	if err != nil && len(res) != len(batch) {
		return fmt.Errorf("store batch: %w", err)
	}
	// On error the batch fell back to one transaction per article: only
	// the failed ones are lost, and each is reported (not counted as
	// stored).
	for i, a := range batch {
		if res[i].Err != nil {
			r.fail(fmt.Errorf("store %s: %w", a.Source, res[i].Err))
			continue
		}
		if err := r.done(a, res[i]); err != nil {
			return err
		}
	}
	return nil
}

// done counts a stored article and hands it to Emit.
func (r *Runner) done(a *model.Article, res store.PutResult) error {
	r.mu.Lock()
	r.sum.Articles++
	r.sum.Bytes += int64(len(a.Body))
	r.sum.Sentences += len(a.Sentences)
	r.sum.Events += len(a.Events)
	if res.Inserted {
		r.sum.New++
	} else {
		r.sum.AlreadyStored++
	}
	if a.DuplicateOf != nil {
		r.sum.NearDuplicates++
	}
	r.mu.Unlock()
	if r.Emit != nil {
		return r.Emit(a, res)
	}
	return nil
}

// EvalRunner adapts a Pipeline to eval.Runner.
type EvalRunner struct {
	Pipeline *Pipeline
	Options  ingest.Options
}

// Ingest reads path without analysing the articles.
func (e EvalRunner) Ingest(ctx context.Context, path string) ([]*model.Article, error) {
	var out []*model.Article
	var recErr error
	err := ingest.Read(ctx, path, e.Options, func(a *model.Article) error {
		out = append(out, a)
		return nil
	}, func(err error) { recErr = err })
	if err != nil {
		return nil, err
	}
	if len(out) == 0 && recErr != nil {
		return nil, recErr
	}
	return out, nil
}

// Analyze runs the analysis stages.
func (e EvalRunner) Analyze(ctx context.Context, a *model.Article) error {
	return e.Pipeline.Process(ctx, a)
}
