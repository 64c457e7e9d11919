package pipeline

import (
	"context"
	"runtime/debug"

	"github.com/sitrep-project/sitrep/internal/model"
)

// warmText is a short article that makes every stage load what it loads
// lazily: the syntax model (a parsed sentence), the gazetteer (places),
// the Phoenix dictionaries (a person, a group noun, an event verb).
const warmText = "Kenyan soldiers attacked rebels near the town of Beni on Monday, the army said. " +
	"President Ruto later called for talks with the rebels in Nairobi."

// Warm loads every model and table the stages load lazily, by analysing
// a short built-in article, then hands back to the operating system the
// memory that loading used and no longer needs: the garbage of decoding
// (debug.FreeOSMemory) and, on Linux, the resident pages of the
// executable's read-only data, which hold the embedded models and
// lexicons that were decoded once (see releaseExecutableData). For the
// commands that stream large inputs under a memory ceiling (ingest,
// extract, worker); measured in docs/performance.md, "Ingest memory".
func (p *Pipeline) Warm(ctx context.Context) error {
	a := model.NewArticle()
	a.Body = warmText
	a.Published = model.Published{Date: model.Str("2024-01-15"), Precision: model.Str(model.PrecisionDay), Source: "warm"}
	if err := p.Process(ctx, a); err != nil {
		return err
	}
	debug.FreeOSMemory()
	releaseExecutableData()
	return nil
}
