package serve

import (
	"context"
	"io"

	"github.com/sitrep-project/sitrep/internal/export"
	"github.com/sitrep-project/sitrep/internal/store"
)

// exportContentType and exportEvents are the seams between the API and
// package export.
func exportContentType(format string) string { return export.ContentType(format) }

func exportExtension(format string) string { return export.Extension(format) }

func exportEvents(ctx context.Context, w io.Writer, st store.Store, f store.EventFilter, format string) error {
	return export.Write(ctx, w, st, f, format)
}
