package sqlbase

import (
	"context"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/store"
)

// boxRows is how many events in a map box make it too many to gather
// from the spatial index and sort: beyond it, walking the date index
// until a page of them turns up is the cheaper plan (a box that holds a
// large share of the events fills a page after a few pages of the walk).
const boxRows = 20_000

// boxSeqs is the dialect's query of the seqs of the events whose point
// may lie in bb (the spatial index; a superset: the exact condition is
// eventWhere's), with w holding its parameters; "" without a spatial
// index.
func (b *Base) boxSeqs(bb *store.BBox, w *where) string {
	if b.D.BoxSeqs == nil || bb == nil {
		return ""
	}
	return b.D.BoxSeqs(w.arg(bb.MinLat), w.arg(bb.MaxLat), w.arg(bb.MinLon), w.arg(bb.MaxLon))
}

// sparseBox reports whether f's map box holds fewer than boxRows events
// (by a capped count over the spatial index), so that a page is read by
// gathering them through the index and sorting them.
func (b *Base) sparseBox(ctx context.Context, f store.EventFilter) (bool, error) {
	w := &where{d: &b.D}
	sub := b.boxSeqs(f.BBox, w)
	if sub == "" {
		return false, nil
	}
	var n int
	_, err := queryRow(ctx, b.DB, `SELECT COUNT(*) FROM (`+sub+` LIMIT `+strconv.Itoa(boxRows)+`) d`, w.args, &n)
	return n < boxRows, err
}
