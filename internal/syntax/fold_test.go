package syntax

import (
	"context"
	"slices"
	"testing"
)

// foldedMatches walks the parser's own moves over the sentences and
// checks in every configuration that the folded features score exactly
// as the full feature set; it returns the number of configurations.
func foldedMatches(t *testing.T, p *Parser, ss []Sentence) int {
	t.Helper()
	d := p.dep
	if d.fold == nil {
		t.Fatal("the parser folds no features")
	}
	nc := d.nclasses()
	sc := new(scratch)
	var full, folded [256]int32
	wk := new(scoreWork) // reused: score must not depend on what it holds
	var fs []uint64
	moves := 0
	for _, s := range ss {
		sc.forms = sc.forms[:0]
		for _, w := range s.Words {
			sc.forms = append(sc.forms, w.Form)
		}
		p.tagOnly(sc)
		st := &sc.ps.st
		st.init(len(sc.forms))
		for !st.done() {
			fs = parseFeatures(fs[:0], st, sc.words, sc.tags, sc.ambs)
			if len(fs) != nParseTemplates {
				t.Fatalf("%d features, want %d", len(fs), nParseTemplates)
			}
			d.w.score(wk, fs, &full)
			if len(st.stack) == 0 {
				st.apply(moveShift, -1)
				continue
			}
			moves++
			var buffer [256]int32
			d.w.score(wk, bufferFeatures(nil, fs), &buffer)
			idx := d.fold.pattern(st)
			d.w.scoreWith(wk, d.fold.fold(fs, idx), int(d.fold.row[idx]), &buffer, &folded)
			if !slices.Equal(full[:nc], folded[:nc]) {
				t.Fatalf("sentence %s, move %d (pattern %d): folded scores differ\nfull   %v\nfolded %v", s.ID, moves, idx, full[:nc], folded[:nc])
			}
			m, l := d.move(bestLegal(d, st, full[:nc]))
			st.apply(m, l)
		}
	}
	return moves
}

func TestFoldedFeaturesScoreExactly(t *testing.T) {
	ss := readTiny(t)
	p, err := Train(context.Background(), ss, tinyOptions())
	if err != nil {
		t.Fatal(err)
	}
	foldedMatches(t, p, ss)
}

// The same on the built-in model over EWT dev, where every fold pattern
// that running text produces occurs.
func TestFoldedFeaturesScoreExactlyBuiltIn(t *testing.T) {
	dev, err := ReadCoNLLUFile(sharedUD(t, "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := foldedMatches(t, p, dev[:500]); n < 5000 {
		t.Errorf("only %d configurations checked", n)
	}
}
