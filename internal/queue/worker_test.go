package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestExactlyOnce sends 60 documents through 1 and 3 workers sharing the
// durable consumer and checks that every article lands in the store once
// and the queue ends empty. It runs against an embedded server and the
// machine's real server.
func TestExactlyOnce(t *testing.T) {
	const n = 60
	for _, tgt := range targets {
		for _, workers := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/workers=%d", tgt.name, workers), func(t *testing.T) {
				nc := connect(t, tgt.url(t))
				cfg := testConfig(t, nc)
				docs := testDocs(n, "news.example.org")
				publishAll(t, nc, cfg, docs)
				if got := streamMsgs(t, nc, cfg.Stream); got != n {
					t.Fatalf("stream holds %d messages, want %d", got, n)
				}

				st := newMemStore()
				reg := prometheus.NewRegistry()
				m := NewMetrics(reg)
				// Each worker records which documents it processed, to
				// show the work was actually shared.
				perWorker := make([]atomic.Int64, workers)
				procs := make([]Processor, workers)
				for i := range procs {
					procs[i] = func(ctx context.Context, d Doc) ([]*model.Article, error) {
						perWorker[i].Add(1)
						time.Sleep(2 * time.Millisecond) // let other workers get a share
						return fakeProcessor(ctx, d)
					}
				}
				stop := runWorkers(t, nc, cfg, st, procs, m)
				waitFor(t, 60*time.Second, "all articles stored", func() bool { return st.count() == n })
				waitFor(t, 30*time.Second, "consumer settled", func() bool { return settled(t, nc, cfg) })
				if err := stop(); err != nil {
					t.Fatalf("workers: %v", err)
				}

				calls, inserts := st.snapshot()
				for _, d := range docs {
					id := model.ContentID(string(d.Data))
					if inserts[id] != 1 {
						t.Errorf("%s inserted %d times, want 1", d.Name, inserts[id])
					}
					// No failures and a generous AckWait: each message
					// is delivered to exactly one worker exactly once.
					if calls[id] != 1 {
						t.Errorf("%s processed %d times, want 1", d.Name, calls[id])
					}
				}
				if len(inserts) != n {
					t.Errorf("store has %d articles, want %d", len(inserts), n)
				}
				if got := streamMsgs(t, nc, cfg.Stream); got != 0 {
					t.Errorf("work stream still holds %d messages", got)
				}
				if got := streamMsgs(t, nc, cfg.DeadLetterStream); got != 0 {
					t.Errorf("dead-letter stream holds %d messages", got)
				}
				if got := metricValue(t, m.Articles); got != n {
					t.Errorf("articles_total = %v, want %d", got, n)
				}
				if got := metricValue(t, m.Events); got != n {
					t.Errorf("events_total = %v, want %d", got, n)
				}
				if got := metricValue(t, m.Docs.WithLabelValues("done")); got != n {
					t.Errorf("docs_total{done} = %v, want %d", got, n)
				}
				if got := metricValue(t, m.InFlight); got != 0 {
					t.Errorf("in_flight = %v after stop", got)
				}
				var shares []int64
				for i := range perWorker {
					shares = append(shares, perWorker[i].Load())
				}
				t.Logf("documents per worker: %v", shares)
			})
		}
	}
}

// TestPoisonMessage checks that a document the processor always rejects
// ends on the dead-letter subject with its error after MaxDeliver
// attempts (or at once for a Permanent error, or after panics), while
// the others are all stored.
func TestPoisonMessage(t *testing.T) {
	tests := []struct {
		name      string
		fail      func() error // what the processor does with the poison doc
		wantTries int
		wantErr   string
	}{
		{"transient", func() error { return errors.New("tagger exploded on token 7") }, 3, "tagger exploded on token 7"},
		{"permanent", func() error { return Permanent(errors.New("unsupported format")) }, 1, "unsupported format"},
		{"panic", func() error { panic("index out of range [9]") }, 3, "processor panic: index out of range [9]"},
	}
	for _, tgt := range targets {
		for _, tc := range tests {
			t.Run(tgt.name+"/"+tc.name, func(t *testing.T) {
				nc := connect(t, tgt.url(t))
				cfg := testConfig(t, nc)
				cfg.MaxDeliver = 3
				docs := testDocs(20, "wire.example.net")
				poison := Doc{Name: "poison.html", Data: []byte("<html>\x00\x01 broken"), Source: "https://bad.example.com/p?id=1"}
				// The poison goes first so that it would block a
				// strictly ordered queue.
				publishAll(t, nc, cfg, append([]Doc{poison}, docs...))

				var tries atomic.Int64
				proc := func(ctx context.Context, d Doc) ([]*model.Article, error) {
					if d.Name == poison.Name {
						tries.Add(1)
						return nil, tc.fail()
					}
					return fakeProcessor(ctx, d)
				}
				st := newMemStore()
				m := NewMetrics(nil)
				stop := runWorkers(t, nc, cfg, st, []Processor{proc, proc}, m)
				waitFor(t, 60*time.Second, "good documents stored", func() bool { return st.count() == len(docs) })
				waitFor(t, 60*time.Second, "dead letter", func() bool { return streamMsgs(t, nc, cfg.DeadLetterStream) == 1 })
				waitFor(t, 30*time.Second, "consumer settled", func() bool { return settled(t, nc, cfg) })
				if err := stop(); err != nil {
					t.Fatal(err)
				}

				if got := tries.Load(); got != int64(tc.wantTries) {
					t.Errorf("poison processed %d times, want %d", got, tc.wantTries)
				}
				raw := firstDeadLetter(t, nc, cfg)
				if raw.Subject != cfg.DeadLetterSubject {
					t.Errorf("dead letter on %q, want %q", raw.Subject, cfg.DeadLetterSubject)
				}
				if got := raw.Header.Get(HeaderError); !strings.Contains(got, tc.wantErr) {
					t.Errorf("%s = %q, want it to contain %q", HeaderError, got, tc.wantErr)
				}
				if got := raw.Header.Get(HeaderDeliveries); got != fmt.Sprint(tc.wantTries) {
					t.Errorf("%s = %q, want %d", HeaderDeliveries, got, tc.wantTries)
				}
				if got, want := raw.Header.Get(HeaderSubject), cfg.SubjectPrefix+".bad_example_com"; got != want {
					t.Errorf("%s = %q, want %q", HeaderSubject, got, want)
				}
				back, err := decodeDoc(raw.Header, raw.Data)
				if err != nil {
					t.Fatal(err)
				}
				if back.Name != poison.Name || back.Source != poison.Source || string(back.Data) != string(poison.Data) {
					t.Errorf("dead letter lost the document: %+v", back)
				}
				if got := streamMsgs(t, nc, cfg.Stream); got != 0 {
					t.Errorf("work stream still holds %d messages", got)
				}
				if got := metricValue(t, m.DeadLetters); got != 1 {
					t.Errorf("dead_letters_total = %v", got)
				}
				if got := metricValue(t, m.Failures.WithLabelValues(StageProcess)); got != float64(tc.wantTries) {
					t.Errorf("failures_total{process} = %v, want %d", got, tc.wantTries)
				}
			})
		}
	}
}

// TestStoreFailureRetried checks that a failed commit is not acked: the
// document comes back and is stored on a later delivery.
func TestStoreFailureRetried(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	docs := testDocs(10, "agency.example.org")
	publishAll(t, nc, cfg, docs)
	st := newMemStore()
	victim := model.ContentID(string(docs[4].Data))
	failed := 0
	st.fail = func(a *model.Article) error { // called under st.mu
		if a.ID == victim && failed < 2 {
			failed++
			return errors.New("connection reset by peer")
		}
		return nil
	}
	stop := runWorkers(t, nc, cfg, st, []Processor{fakeProcessor}, nil)
	waitFor(t, 30*time.Second, "all stored", func() bool { return st.count() == len(docs) })
	waitFor(t, 30*time.Second, "consumer settled", func() bool { return settled(t, nc, cfg) })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	calls, inserts := st.snapshot()
	if calls[victim] != 3 || inserts[victim] != 1 {
		t.Errorf("victim: %d PutArticle calls, %d inserts; want 3 and 1", calls[victim], inserts[victim])
	}
	if got := streamMsgs(t, nc, cfg.DeadLetterStream); got != 0 {
		t.Errorf("%d dead letters, want 0", got)
	}
}

// TestBackpressure checks that no worker ever processes more than
// MaxAckPending documents at once.
func TestBackpressure(t *testing.T) {
	tests := []struct {
		workers, maxAckPending int
	}{
		{1, 1},
		{1, 3},
		{2, 2},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("workers=%d/max=%d", tc.workers, tc.maxAckPending), func(t *testing.T) {
			nc := connect(t, startEmbedded(t))
			cfg := testConfig(t, nc)
			cfg.MaxAckPending = tc.maxAckPending
			docs := testDocs(24, "press.example.com")
			publishAll(t, nc, cfg, docs)
			type gauge struct{ cur, peak atomic.Int64 }
			gauges := make([]gauge, tc.workers)
			procs := make([]Processor, tc.workers)
			for i := range procs {
				g := &gauges[i]
				procs[i] = func(ctx context.Context, d Doc) ([]*model.Article, error) {
					c := g.cur.Add(1)
					defer g.cur.Add(-1)
					for {
						p := g.peak.Load()
						if c <= p || g.peak.CompareAndSwap(p, c) {
							break
						}
					}
					time.Sleep(15 * time.Millisecond)
					return fakeProcessor(ctx, d)
				}
			}
			st := newMemStore()
			stop := runWorkers(t, nc, cfg, st, procs, nil)
			waitFor(t, 30*time.Second, "all stored", func() bool { return st.count() == len(docs) })
			if err := stop(); err != nil {
				t.Fatal(err)
			}
			for i := range gauges {
				peak := gauges[i].peak.Load()
				if peak > int64(tc.maxAckPending) {
					t.Errorf("worker %d processed %d documents at once, limit %d", i, peak, tc.maxAckPending)
				}
				t.Logf("worker %d peak concurrency %d (limit %d)", i, peak, tc.maxAckPending)
			}
		})
	}
}

// TestGracefulDrain cancels workers while documents are in flight: those
// documents finish, are stored and acked, and nothing is left un-acked.
func TestGracefulDrain(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	cfg.MaxAckPending = 3
	docs := testDocs(30, "daily.example.org")
	publishAll(t, nc, cfg, docs)
	var started atomic.Int64
	release := make(chan struct{})
	var once sync.Once
	proc := func(ctx context.Context, d Doc) ([]*model.Article, error) {
		if started.Add(1) >= 3 {
			once.Do(func() { close(release) })
		}
		time.Sleep(50 * time.Millisecond)
		return fakeProcessor(ctx, d)
	}
	st := newMemStore()
	stop := runWorkers(t, nc, cfg, st, []Processor{proc}, nil)
	<-release
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	// Everything that started was finished and committed...
	if got, want := int64(st.count()), started.Load(); got != want {
		t.Errorf("stored %d of %d started documents", got, want)
	}
	// ...and acked: nothing waits for AckWait to expire.
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := js.Consumer(ctx, cfg.Stream, cfg.Durable)
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.NumAckPending != 0 {
		t.Errorf("%d messages left un-acked after drain", info.NumAckPending)
	}
	if got, want := info.NumPending+uint64(st.count()), uint64(len(docs)); got != want {
		t.Errorf("pending %d + stored %d != published %d", info.NumPending, st.count(), want)
	}
}

// TestInProgressHeartbeat processes a document for longer than AckWait:
// heartbeats keep it from being redelivered to the second worker.
func TestInProgressHeartbeat(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	cfg.AckWait = time.Second
	docs := testDocs(1, "slow.example.org")
	publishAll(t, nc, cfg, docs)
	var calls atomic.Int64
	proc := func(ctx context.Context, d Doc) ([]*model.Article, error) {
		calls.Add(1)
		select {
		case <-time.After(3 * cfg.AckWait):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return fakeProcessor(ctx, d)
	}
	st := newMemStore()
	stop := runWorkers(t, nc, cfg, st, []Processor{proc, proc}, nil)
	waitFor(t, 30*time.Second, "stored", func() bool { return st.count() == 1 })
	waitFor(t, 30*time.Second, "settled", func() bool { return settled(t, nc, cfg) })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := calls.Load(); got != 1 {
		t.Errorf("long document processed %d times, want 1 (heartbeats should prevent redelivery)", got)
	}
}

func TestBackoff(t *testing.T) {
	w := &Worker{cfg: Config{RetryDelay: 100 * time.Millisecond, MaxRetryDelay: time.Second}}
	tests := []struct {
		n    uint64
		want time.Duration
	}{{1, 100 * time.Millisecond}, {2, 200 * time.Millisecond}, {3, 400 * time.Millisecond}, {4, 800 * time.Millisecond}, {5, time.Second}, {60, time.Second}}
	for _, tc := range tests {
		if got := w.backoff(tc.n); got != tc.want {
			t.Errorf("backoff(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}

func TestNewWorkerRejects(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	good := DefaultConfig()
	bad := DefaultConfig()
	bad.DeadLetterSubject = bad.SubjectPrefix + ".dead"
	tests := []struct {
		name string
		cfg  Config
		st   bool
		proc Processor
		want string
	}{
		{"ok", good, true, fakeProcessor, ""},
		{"no store", good, false, fakeProcessor, "required"},
		{"no processor", good, true, nil, "required"},
		{"dead letters captured by work stream", bad, true, fakeProcessor, "must not lie under"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.st {
				_, err = NewWorker(nc, tc.cfg, newMemStore(), tc.proc, nil, nil)
			} else {
				_, err = NewWorker(nc, tc.cfg, nil, tc.proc, nil, nil)
			}
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
