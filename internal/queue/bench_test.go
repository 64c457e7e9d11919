package queue

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// cpuWork burns about d of CPU time: a stand-in for the analysis
// pipeline, which is CPU-bound.
type cpuWork struct{ rounds int }

func calibrate(d time.Duration) cpuWork {
	var buf [1024]byte
	const probe = 2000
	start := time.Now()
	for i := 0; i < probe; i++ {
		buf = sha256Block(buf)
	}
	per := time.Since(start) / probe
	return cpuWork{rounds: max(1, int(d/max(per, time.Nanosecond)))}
}

func sha256Block(b [1024]byte) [1024]byte {
	h := sha256.Sum256(b[:])
	copy(b[:], h[:])
	return b
}

func (c cpuWork) do(seed []byte) byte {
	var buf [1024]byte
	copy(buf[:], seed)
	for i := 0; i < c.rounds; i++ {
		buf = sha256Block(buf)
	}
	return buf[0]
}

// BenchmarkWorkers measures documents per second through the queue with
// 1, 2 and 4 workers sharing the durable consumer (in-memory store), each
// document costing about 1 ms of CPU. Each worker has MaxAckPending=1, so
// a worker is one processing thread. Reported: docs/s and efficiency =
// throughput(n) / (n * throughput(1)).
//
// It uses the machine's NATS server (a separate process, as in
// production) when reachable: an embedded server would compete with the
// CPU-bound workers for the same Go scheduler, and its fetch and ack
// replies would wait for busy goroutines to be preempted.
func BenchmarkWorkers(b *testing.B) {
	url := benchURL(b)
	work := calibrate(time.Millisecond)
	var single float64 // docs/s of the 1-worker run
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			rate := benchQueue(b, url, workers, 1, func(d Doc) { _ = work.do(d.Data) })
			if workers == 1 {
				single = rate
			}
			if single > 0 {
				b.ReportMetric(rate/(float64(workers)*single), "efficiency")
			}
		})
	}
}

// BenchmarkQueueOverhead measures the queue's own cost per document
// (fetch, decode, store call, double ack) with a no-op processor, for one
// worker holding 1 or 8 documents in flight.
func BenchmarkQueueOverhead(b *testing.B) {
	url := startEmbedded(b)
	for _, inFlight := range []int{1, 8} {
		b.Run(fmt.Sprintf("max_ack_pending=%d", inFlight), func(b *testing.B) {
			benchQueue(b, url, 1, inFlight, func(Doc) {})
		})
	}
}

// benchQueue publishes b.N documents, then times n workers draining them
// and reports docs/s.
func benchQueue(b *testing.B, url string, workers, maxAckPending int, cost func(Doc)) float64 {
	nc := connect(b, url) // closed after testConfig's cleanup deletes the streams
	cfg := testConfig(b, nc)
	cfg.MaxAckPending = maxAckPending
	docs := make([]Doc, b.N)
	for i := range docs {
		docs[i] = Doc{Name: fmt.Sprintf("b%d.txt", i), Data: fmt.Appendf(nil, "Benchmark dispatch %d from Accra.", i), Source: "/bench/b.txt"}
	}
	publishAll(b, nc, cfg, docs)
	st := newMemStore()
	proc := func(ctx context.Context, d Doc) ([]*model.Article, error) {
		cost(d)
		return fakeProcessor(ctx, d)
	}
	procs := make([]Processor, workers)
	for i := range procs {
		procs[i] = proc
	}
	b.ResetTimer()
	start, cpu0 := time.Now(), testutil.CPUTime()
	stop := runWorkers(b, nc, cfg, st, procs, nil)
	for st.count() < b.N {
		time.Sleep(time.Millisecond)
	}
	elapsed, cpu := time.Since(start), testutil.CPUTime()-cpu0
	b.StopTimer()
	// CPU the process got per wall second: below the worker count, the
	// machine (not the queue) limited the run.
	b.ReportMetric(cpu.Seconds()/elapsed.Seconds(), "cpus-used")
	if err := stop(); err != nil {
		b.Fatal(err)
	}
	rate := float64(b.N) / elapsed.Seconds()
	b.ReportMetric(rate, "docs/s")
	return rate
}

// benchURL prefers the external server; see BenchmarkWorkers.
func benchURL(b *testing.B) string {
	u := os.Getenv("SITREP_TEST_NATS")
	if u == "" {
		u = "nats://127.0.0.1:4222"
	}
	if nc, err := nats.Connect(u, nats.Timeout(time.Second)); err == nil {
		nc.Close()
		return u
	}
	b.Logf("%s unreachable; using an embedded server (numbers understate scaling)", u)
	return startEmbedded(b)
}
