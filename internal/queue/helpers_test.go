package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// memStore is an in-memory store.Store with the idempotency contract of
// the real stores: an article id is inserted once. It counts PutArticle
// calls per id so tests can see redeliveries.
type memStore struct {
	store.Store // unimplemented methods panic
	mu          sync.Mutex
	articles    map[string]*model.Article
	calls       map[string]int
	inserts     map[string]int
	fail        func(a *model.Article) error // optional injected failure
}

func newMemStore() *memStore {
	return &memStore{articles: map[string]*model.Article{}, calls: map[string]int{}, inserts: map[string]int{}}
}

func (s *memStore) PutArticle(ctx context.Context, a *model.Article) (store.PutResult, error) {
	if err := ctx.Err(); err != nil {
		return store.PutResult{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[a.ID]++
	if s.fail != nil {
		if err := s.fail(a); err != nil {
			return store.PutResult{}, err
		}
	}
	if _, ok := s.articles[a.ID]; ok {
		return store.PutResult{Inserted: false}, nil
	}
	s.articles[a.ID] = a
	s.inserts[a.ID]++
	return store.PutResult{Inserted: true, Events: len(a.Events)}, nil
}

func (s *memStore) Article(_ context.Context, id string) (*model.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.articles[id]
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	return a, nil
}

func (s *memStore) Stats(context.Context) (store.Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := store.Stats{Articles: len(s.articles)}
	for _, a := range s.articles {
		st.Events += len(a.Events)
	}
	return st, nil
}

func (s *memStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.articles)
}

// snapshot returns copies of the per-id counters.
func (s *memStore) snapshot() (calls, inserts map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	calls, inserts = map[string]int{}, map[string]int{}
	for k, v := range s.calls {
		calls[k] = v
	}
	for k, v := range s.inserts {
		inserts[k] = v
	}
	return calls, inserts
}

// topics gives test documents varied regions and subjects (never the
// seed article).
var topics = []string{
	"Kenya's parliament approved a new maritime border agreement with Somalia on %s.",
	"Chile's foreign minister met Argentine officials in Santiago to discuss lithium exports, report %s.",
	"Vietnam protested the deployment of Chinese survey ships near the Spratly Islands, note %s.",
	"The African Union sent observers to monitor elections in Malawi, dispatch %s.",
	"Norway pledged 40 million kroner in aid to flood victims in Pakistan, bulletin %s.",
	"Police in Lima arrested 12 protesters outside the Congress of Peru, item %s.",
}

// testDocs returns n distinct documents.
func testDocs(n int, sourceHost string) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		body := fmt.Sprintf(topics[i%len(topics)], fmt.Sprintf("#%03d", i))
		docs[i] = Doc{
			Name:      fmt.Sprintf("doc-%03d.txt", i),
			Data:      []byte(body),
			Published: "2025-03-14",
			Source:    fmt.Sprintf("https://%s/world/%03d", sourceHost, i),
		}
	}
	return docs
}

// articleOf is the fake pipeline: one article per document, id from the
// body, one event so events_total moves.
func articleOf(d Doc) *model.Article {
	a := bareArticle(d)
	a.Events = append(a.Events, model.Event{ID: "e1", Cameo: "036", Source: model.Actor{Code: "KEN"}, Modality: model.ModalityAsserted})
	a.Normalize()
	return a
}

// bareArticle is the article of d with only its body and metadata.
func bareArticle(d Doc) *model.Article {
	a := model.NewArticle()
	a.Body = string(d.Data)
	a.ID = model.ContentID(a.Body)
	a.Source = d.Source
	a.URL = model.Str(d.Source)
	a.Title = model.Str(d.Name)
	return a
}

func fakeProcessor(ctx context.Context, d Doc) ([]*model.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return []*model.Article{articleOf(d)}, nil
}

// quietLog discards worker logs unless -v is given.
func quietLog(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// startEmbedded runs an in-process JetStream server for one test.
func startEmbedded(t testing.TB) string {
	t.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("embedded nats-server not ready")
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s.ClientURL()
}

// realURL returns the URL of the machine's NATS server, skipping the
// test when it is unreachable (failing under CI, where it must run).
func realURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("SITREP_TEST_NATS")
	if u == "" {
		u = "nats://127.0.0.1:4222"
	}
	host := strings.TrimPrefix(strings.Split(u, ",")[0], "nats://")
	c, err := net.DialTimeout("tcp", host, time.Second)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("integration NATS server %s unreachable under CI: %v", u, err)
		}
		t.Skipf("integration NATS server %s unreachable: %v (set SITREP_TEST_NATS)", u, err)
	}
	c.Close()
	return u
}

// server kinds tests run against.
type natsTarget struct {
	name string
	url  func(testing.TB) string
}

var targets = []natsTarget{
	{"embedded", startEmbedded},
	{"real", realURL},
}

func connect(t testing.TB, url string) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(url, nats.Name(t.Name()))
	if err != nil {
		t.Fatalf("connect %s: %v", url, err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// testConfig returns a config with unique stream, subject and consumer
// names, and removes the streams when the test ends (the real server is
// shared).
func testConfig(t testing.TB, nc *nats.Conn) Config {
	t.Helper()
	var b [4]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	cfg := DefaultConfig()
	cfg.URL = nc.ConnectedUrl()
	cfg.Stream = "SITREP_TEST_" + id
	cfg.DeadLetterStream = "SITREP_TEST_DEAD_" + id
	cfg.SubjectPrefix = "sitreptest." + id + ".raw"
	cfg.DeadLetterSubject = "sitreptest." + id + ".dead"
	cfg.Durable = "workers-" + id
	cfg.DedupWindow = time.Minute
	cfg.AckWait = 5 * time.Second
	cfg.RetryDelay = 20 * time.Millisecond
	cfg.MaxRetryDelay = 100 * time.Millisecond
	cfg.FetchWait = 500 * time.Millisecond
	cfg.LagInterval = 200 * time.Millisecond
	cfg.DrainTimeout = 10 * time.Second
	t.Cleanup(func() {
		js, err := jetstream.New(nc)
		if err != nil || nc.IsClosed() {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for _, s := range []string{cfg.Stream, cfg.DeadLetterStream} {
			if err := js.DeleteStream(ctx, s); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
				t.Logf("delete stream %s: %v", s, err)
			}
		}
	})
	return cfg
}

func publishAll(t testing.TB, nc *nats.Conn, cfg Config, docs []Doc) *Publisher {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := NewPublisher(ctx, nc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := p.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// runWorkers starts workers sharing the durable consumer; stop cancels
// them, waits and returns their errors.
func runWorkers(t testing.TB, nc *nats.Conn, cfg Config, st store.Store, procs []Processor, m *Metrics) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, len(procs))
	for _, p := range procs {
		w, err := NewWorker(nc, cfg, st, p, m, quietLog(t))
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		go func() { errs <- w.Run(ctx) }()
	}
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			var all []error
			for range procs {
				all = append(all, <-errs)
			}
			err = errors.Join(all...)
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settled reports whether the consumer has nothing pending or un-acked.
func settled(t testing.TB, nc *nats.Conn, cfg Config) bool {
	t.Helper()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	c, err := js.Consumer(ctx, cfg.Stream, cfg.Durable)
	if err != nil {
		return false
	}
	info, err := c.Info(ctx)
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0
}

func streamMsgs(t testing.TB, nc *nats.Conn, name string) uint64 {
	t.Helper()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, name)
	if err != nil {
		t.Fatalf("stream %s: %v", name, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatalf("stream %s info: %v", name, err)
	}
	return info.State.Msgs
}

// metricValue reads a counter or gauge (or one child of a vector).
func metricValue(t testing.TB, c prometheus.Collector) float64 {
	t.Helper()
	ch := make(chan prometheus.Metric, 1)
	go func() { c.Collect(ch); close(ch) }()
	var sum float64
	for m := range ch {
		var pb dto.Metric
		if err := m.Write(&pb); err != nil {
			t.Fatal(err)
		}
		switch {
		case pb.Counter != nil:
			sum += pb.Counter.GetValue()
		case pb.Gauge != nil:
			sum += pb.Gauge.GetValue()
		}
	}
	return sum
}
