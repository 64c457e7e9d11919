package events

import (
	"os"
	"runtime"
	"testing"

	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// loadPhoenix reads and compiles the Phoenix dictionaries in
// ../shared/petrarch/phoenix (fails under CI when they are missing).
func loadPhoenix(b testing.TB) *petrarch.Vocabulary {
	b.Helper()
	dir := testutil.Shared(b, "petrarch/phoenix")
	d, err := petrarch.LoadDir(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	return petrarch.Compile(d, petrarch.DefaultCompileOptions())
}

// BenchmarkPhoenixLoad is `--dictionaries ../shared/petrarch/phoenix`'s
// load: read the files, compile the tables and the coder's pattern set
// (each head's patterns on first use). It reports the heap the load
// adds (MB-live).
func BenchmarkPhoenixLoad(b *testing.B) {
	testutil.Shared(b, "petrarch/phoenix")
	lex := loadUpstream(b).lex
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var live uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := loadPhoenix(b)
		dl := lex.WithDictionary(v.Verbs)
		if dl.dict == nil {
			b.Fatal("no dictionary patterns")
		}
		if i == b.N-1 {
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&ms)
			live = ms.HeapAlloc - base
			runtime.KeepAlive(dl)
			runtime.KeepAlive(v)
			b.StartTimer()
		}
	}
	b.ReportMetric(float64(live)/(1<<20), "MB-live")
}

// BenchmarkPhoenixCompile is WithDictionary alone over the compiled
// Phoenix tables.
func BenchmarkPhoenixCompile(b *testing.B) {
	lex := loadUpstream(b).lex
	v := loadPhoenix(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lex.WithDictionary(v.Verbs)
	}
}
