package queue

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// Environment of the helper worker process.
const (
	envHelper = "SITREP_QUEUE_HELPER" // "worker" makes TestHelperWorkerProcess act
	envConfig = "SITREP_QUEUE_HELPER_CONFIG"
	envDB     = "SITREP_QUEUE_HELPER_DB"
	envLog    = "SITREP_QUEUE_HELPER_LOG"
	envWant   = "SITREP_QUEUE_HELPER_WANT"
)

// sqliteArticle is the fake pipeline's output in a form the SQLite store
// accepts: one sentence spanning the body.
func sqliteArticle(d Doc) *model.Article {
	a := bareArticle(d)
	a.Sentences = []model.Sentence{{Index: 0, Start: 0, End: len(a.Body), Text: a.Body}}
	return a
}

// TestKill9 runs a worker in a separate process, kills it with SIGKILL
// part-way, restarts it, and checks the final SQLite store holds every
// document exactly once and the queue is empty: messages in flight at
// the kill (processed or not, stored or not) were redelivered, and the
// idempotent store absorbed the repeats.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns worker processes")
	}
	const n = 60
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	cfg.AckWait = time.Second // redeliver the killed worker's messages quickly
	cfg.MaxAckPending = 4
	docs := testDocs(n, "kill.example.org")
	publishAll(t, nc, cfg, docs)

	dir := t.TempDir()
	db := filepath.Join(dir, "sitrep.db")
	logPath := filepath.Join(dir, "processed.log")
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	st, err := sqlite.Open(ctx, db, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored := func() int {
		s, err := st.Stats(ctx)
		if err != nil {
			return -1
		}
		return s.Articles
	}

	spawn := func() (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWorkerProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(),
			envHelper+"=worker",
			envConfig+"="+string(cfgJSON),
			envDB+"="+db,
			envLog+"="+logPath,
			envWant+"="+strconv.Itoa(n),
		)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &out
	}

	// First worker: kill it with SIGKILL once a fifth of the documents
	// are stored, while it holds more in flight.
	first, out1 := spawn()
	waitFor(t, time.Minute, "first worker to store some documents", func() bool { return stored() >= n/5 })
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = first.Wait()
	if ws, ok := first.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("first worker did not die by SIGKILL: %v\n%s", err, out1)
	}
	atKill := stored()
	if atKill >= n {
		t.Fatalf("first worker finished everything (%d) before the kill; slow its processor", atKill)
	}
	t.Logf("killed the first worker with %d/%d stored", atKill, n)

	// Second worker: runs until the queue is settled and exits cleanly.
	second, out2 := spawn()
	done := make(chan error, 1)
	go func() { done <- second.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("second worker: %v\n%s", err, out2)
		}
	case <-ctx.Done():
		_ = second.Process.Kill()
		t.Fatalf("second worker did not finish\n%s", out2)
	}

	// Final state: every document stored once, nothing left anywhere.
	for _, d := range docs {
		id := model.ContentID(string(d.Data))
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Errorf("%s missing after kill and restart: %v", d.Name, err)
			continue
		}
		if a.Body != string(d.Data) {
			t.Errorf("%s stored with a different body", d.Name)
		}
	}
	if got := stored(); got != n {
		t.Errorf("store holds %d articles, want exactly %d", got, n)
	}
	if !settled(t, nc, cfg) {
		t.Error("consumer still has pending or un-acked messages")
	}
	if got := streamMsgs(t, nc, cfg.Stream); got != 0 {
		t.Errorf("work stream still holds %d messages", got)
	}
	if got := streamMsgs(t, nc, cfg.DeadLetterStream); got != 0 {
		t.Errorf("%d dead letters, want 0", got)
	}
	// How much work was repeated because of the kill (informational:
	// documents processed by both processes, or twice by one).
	logData, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(logData)), "\n") {
		seen[line]++
	}
	repeated := 0
	for _, c := range seen {
		if c > 1 {
			repeated++
		}
	}
	if len(seen) != n {
		t.Errorf("processing log names %d documents, want %d", len(seen), n)
	}
	t.Logf("%d documents were processed more than once (in flight at the kill) and stored once", repeated)
}

// TestHelperWorkerProcess is not a test: TestKill9 runs the test binary
// with it selected and SITREP_QUEUE_HELPER=worker, making it a worker
// process that writes to a SQLite file and exits once the queue is
// settled.
func TestHelperWorkerProcess(t *testing.T) {
	if os.Getenv(envHelper) != "worker" {
		t.Skip("helper process for TestKill9")
	}
	var cfg Config
	if err := json.Unmarshal([]byte(os.Getenv(envConfig)), &cfg); err != nil {
		t.Fatal(err)
	}
	want, _ := strconv.Atoi(os.Getenv(envWant))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	st, err := sqlite.Open(ctx, os.Getenv(envDB), sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	logf, err := os.OpenFile(os.Getenv(envLog), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	nc, err := nats.Connect(cfg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()

	proc := func(ctx context.Context, d Doc) ([]*model.Article, error) {
		// One O_APPEND write per line: lines from both processes
		// never interleave.
		if _, err := fmt.Fprintln(logf, d.Name); err != nil {
			return nil, err
		}
		select { // slow enough for the kill to land mid-run
		case <-time.After(50 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return []*model.Article{sqliteArticle(d)}, nil
	}
	w, err := NewWorker(nc, cfg, st, proc, nil, quietLog(t))
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		// Exit once everything is stored and nothing is pending or
		// un-acked on the consumer.
		js, _ := jetstream.New(nc)
		for runCtx.Err() == nil {
			time.Sleep(100 * time.Millisecond)
			s, err := st.Stats(runCtx)
			if err != nil || s.Articles < want {
				continue
			}
			c, err := js.Consumer(runCtx, cfg.Stream, cfg.Durable)
			if err != nil {
				continue
			}
			if info, err := c.Info(runCtx); err == nil && info.NumPending == 0 && info.NumAckPending == 0 {
				cancel()
			}
		}
	}()
	if err := w.Run(runCtx); err != nil {
		t.Fatal(err)
	}
}

var _ store.Store = (*sqlite.Store)(nil)
