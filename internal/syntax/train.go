package syntax

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// TrainOptions configures Train. Training is deterministic: the same
// treebank and options give the same model bytes.
type TrainOptions struct {
	TagEpochs   int     // passes of the tagger over the treebank
	ParseEpochs int     // passes of the parser
	Folds       int     // jackknife folds for the parser's training tags
	Explore     float64 // probability of following a wrong move after the first parser epoch
	Prune       float64 // parser weights smaller than this (averaged) are dropped
	Parsers     int     // parsers trained with seeds Seed, Seed+1, ... whose weights are averaged (0: one)
	Seed        uint64
	// Log, if set, receives progress lines.
	Log func(format string, args ...any)
}

// DefaultTrainOptions returns the options the built-in model was
// trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{TagEpochs: 6, ParseEpochs: 12, Parsers: 4, Folds: 4, Explore: 0.9, Prune: 1, Seed: 1}
}

// Train builds a model from a treebank. The parser learns from tags
// the tagger predicted for sentences it was not trained on (jackknifing),
// so at run time it meets the tagger's errors it has already seen.
func Train(ctx context.Context, train []Sentence, o TrainOptions) (*Parser, error) {
	if len(train) == 0 {
		return nil, errors.New("train: empty treebank")
	}
	for i, s := range train {
		for j, w := range s.Words {
			if w.Head < 0 || w.Rel == "" || w.Rel == "_" {
				return nil, fmt.Errorf("train: sentence %d (%s) word %d: no head or relation", i+1, s.ID, j+1)
			}
		}
	}
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	upos, xpos, tidx := tagClasses(train)
	labels, lidx := labelSet(train)
	if len(upos) > maxRowLen || 1+2*len(labels) > maxRowLen {
		return nil, fmt.Errorf("train: %d tag pairs and %d relations: more classes than a model holds (%d)", len(upos), len(labels), maxRowLen)
	}
	tags, folds, err := jackknife(ctx, train, upos, xpos, tidx, o)
	if err != nil {
		return nil, err
	}
	logf("jackknifed tags: %d folds", folds)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	var tg *tagger
	var lz *lemmatizer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tg = trainTagger(train, upos, xpos, tidx, o.TagEpochs, o.Seed)
		tg.sure = buildSure(train, tidx)
		lz = trainLemmatizer(train, xpos)
	}()
	dp := trainDep(ctx, train, tags, labels, lidx, buildAmbig(train, tidx), o, logf)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return newParser(tg, lz, dp), nil
}

// trainDep trains the parser (o.Parsers of them, averaged) on train
// with its jackknifed tag classes.
func trainDep(ctx context.Context, train []Sentence, tags [][]int32, labels []string, lidx map[string]int16, amb *ambig, o TrainOptions, logf func(string, ...any)) *depParser {
	ex := examples(train, tags, lidx, amb)
	var dirs [2][]bool
	dirs[0], dirs[1] = make([]bool, len(labels)), make([]bool, len(labels))
	for _, s := range train {
		for i, w := range s.Words {
			switch {
			case w.Head > i+1:
				dirs[0][lidx[w.Rel]] = true
			case w.Head > 0:
				dirs[1][lidx[w.Rel]] = true
			}
		}
	}
	// Parsers trained on differently shuffled passes err differently;
	// the mean of their averaged weights scores as fast as one parser.
	k := max(o.Parsers, 1)
	ps := make([]*trainer, k)
	var dp *depParser
	var pg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i := range k {
		pg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; pg.Done() }()
			plog := logf
			if k > 1 {
				plog = func(format string, args ...any) { logf("parser %d: "+format, append([]any{i + 1}, args...)...) }
			}
			d, p := trainParser(ctx, ex, labels, lidx, dirs, trainOptions{epochs: o.ParseEpochs, explore: o.Explore, seed: o.Seed + uint64(i), prune: o.Prune, log: plog})
			ps[i] = p
			if i == 0 {
				dp = d
			}
		}()
	}
	pg.Wait()
	if k > 1 {
		dp.w = freezeMany(ps, o.Prune)
	}
	return dp
}

// examples converts sentences with their tag classes to parser examples
// (heads 0-based, root = sentence length).
func examples(ss []Sentence, tags [][]int32, lidx map[string]int16, amb *ambig) []parseExample {
	ex := make([]parseExample, len(ss))
	for si, s := range ss {
		n := len(s.Words)
		e := parseExample{w: make([]uint64, n), p: tags[si], a: make([]uint64, n), gh: make([]int32, n), gl: make([]int16, n)}
		for i, w := range s.Words {
			e.w[i] = hashLower(w.Form)
			e.a[i] = amb.class(e.w[i])
			e.gh[i] = int32(w.Head - 1)
			if w.Head == 0 {
				e.gh[i] = int32(n)
			}
			e.gl[i] = lidx[w.Rel]
		}
		ex[si] = e
	}
	return ex
}

// jackknife tags each sentence of train with a tagger trained on the
// other folds (sentence i is in fold i mod folds), so the parser learns
// from tags as error-prone as those it will meet.
func jackknife(ctx context.Context, train []Sentence, upos, xpos []string, tidx map[string]int, o TrainOptions) ([][]int32, int, error) {
	folds := max(o.Folds, 2)
	if len(train) < folds {
		folds = len(train)
	}
	tags := make([][]int32, len(train))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := range folds {
		if err := ctx.Err(); err != nil {
			return nil, 0, fmt.Errorf("train: %w", err)
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var in, out []int
			for i := range train {
				if i%folds == f {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			sub := make([]Sentence, len(in))
			for k, i := range in {
				sub[k] = train[i]
			}
			tg := trainTagger(sub, upos, xpos, tidx, o.TagEpochs, o.Seed+uint64(f)+1)
			var sc tagScratch
			var forms []string
			for _, i := range out {
				forms = forms[:0]
				for _, w := range train[i].Words {
					forms = append(forms, w.Form)
				}
				tg.fill(&sc, forms)
				cls := make([]int, len(forms))
				tg.tag(&sc, cls, true)
				tags[i] = make([]int32, len(cls))
				for k, c := range cls {
					tags[i][k] = int32(c)
				}
			}
		}()
	}
	wg.Wait()
	return tags, folds, ctx.Err()
}
