package queue

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestDeadLetterNamesFollowStream checks that a deployment that only
// changes --stream (and --subject-prefix) gets its own dead-letter
// stream and subject, so two deployments on one NATS never rewrite each
// other's dead-letter configuration.
func TestDeadLetterNamesFollowStream(t *testing.T) {
	tests := []struct {
		stream, prefix          string
		wantStream, wantSubject string
	}{
		{"", "", "SITREP_DEAD", "sitrep.dead"},
		{"TEAM_B", "teamb.raw", "TEAM_B_DEAD", "teamb.dead"},
		{"NEWS", "news", "NEWS_DEAD", "news_dead"},
		{"X", "a.b.dead", "X_DEAD", "a.b.dead_letters"},
	}
	for _, tc := range tests {
		t.Run(tc.stream+"/"+tc.prefix, func(t *testing.T) {
			got, err := Config{Stream: tc.stream, SubjectPrefix: tc.prefix}.normalize()
			if err != nil {
				t.Fatal(err)
			}
			if got.DeadLetterStream != tc.wantStream || got.DeadLetterSubject != tc.wantSubject {
				t.Errorf("dead letters %s on %s, want %s on %s", got.DeadLetterStream, got.DeadLetterSubject, tc.wantStream, tc.wantSubject)
			}
		})
	}
	// Explicit names still win.
	got, err := Config{Stream: "A", DeadLetterStream: "A_GRAVE", DeadLetterSubject: "graves.a"}.normalize()
	if err != nil || got.DeadLetterStream != "A_GRAVE" || got.DeadLetterSubject != "graves.a" {
		t.Errorf("explicit names: %+v, %v", got, err)
	}

	// Two deployments on one server: ensuring the second leaves the
	// first's dead-letter stream alone.
	nc := connect(t, startEmbedded(t))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	a, b := testConfig(t, nc), testConfig(t, nc)
	a.DeadLetterStream, a.DeadLetterSubject = "", ""
	b.DeadLetterStream, b.DeadLetterSubject = "", ""
	for _, c := range []Config{a, b} {
		if _, err := EnsureStream(ctx, js, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []Config{a, b} {
		n, _ := c.normalize()
		s, err := js.Stream(ctx, n.DeadLetterStream)
		if err != nil {
			t.Fatalf("dead-letter stream of %s: %v", c.Stream, err)
		}
		if subj := s.CachedInfo().Config.Subjects; len(subj) != 1 || subj[0] != n.DeadLetterSubject {
			t.Errorf("%s dead letters on %v, want %s", c.Stream, subj, n.DeadLetterSubject)
		}
		t.Cleanup(func() { _ = js.DeleteStream(context.Background(), n.DeadLetterStream) })
	}
}

// TestPublishNewCounts checks that re-publishing documents the stream
// already holds is reported as such (PubAck.Duplicate), not as new.
func TestPublishNewCounts(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	p, err := NewPublisher(ctx, nc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	docs := testDocs(5, "wire.example.org")
	count := func() (stored, held int) {
		for _, d := range docs {
			ok, err := p.PublishNew(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				stored++
			} else {
				held++
			}
		}
		return
	}
	if s, h := count(); s != 5 || h != 0 {
		t.Errorf("first publish: %d new, %d held; want 5, 0", s, h)
	}
	if s, h := count(); s != 0 || h != 5 {
		t.Errorf("second publish: %d new, %d held; want 0, 5", s, h)
	}
	if got := streamMsgs(t, nc, cfg.Stream); got != 5 {
		t.Errorf("stream holds %d, want 5", got)
	}
}

// TestPartialFailureDeadLettered checks a document of which one article
// failed in the pipeline (a stage error, or a panic the pipeline turned
// into an error): the good articles are stored, the document goes to
// the dead-letter stream on its first delivery with the error, and the
// worker neither retries it nor stops.
func TestPartialFailureDeadLettered(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	cfg.MaxDeliver = 4
	doc := Doc{Name: "mixed.jsonl", Data: []byte("{}\n{}\n"), Source: "https://mixed.example.net/dump"}
	after := testDocs(3, "wire.example.net")
	publishAll(t, nc, cfg, append([]Doc{doc}, after...))

	stageErr := errors.New("events: record 2: stage panicked: index out of range [-1]")
	var tries int
	proc := func(ctx context.Context, d Doc) ([]*model.Article, error) {
		if d.Name != doc.Name {
			return fakeProcessor(ctx, d)
		}
		tries++
		good, err := fakeProcessor(ctx, Doc{Name: "good.txt", Data: []byte("Malawi and Zambia signed a border accord."), Source: d.Source})
		if err != nil {
			return nil, err
		}
		// What the CLI's processor returns: the articles that went
		// through, and the pipeline's error as permanent.
		return good, Permanent(stageErr)
	}
	st := newMemStore()
	stop := runWorkers(t, nc, cfg, st, []Processor{proc}, NewMetrics(nil))
	waitFor(t, 60*time.Second, "dead letter", func() bool { return streamMsgs(t, nc, cfg.DeadLetterStream) == 1 })
	waitFor(t, 60*time.Second, "all good articles stored", func() bool { return st.count() == 1+len(after) })
	waitFor(t, 30*time.Second, "consumer settled", func() bool { return settled(t, nc, cfg) })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if tries != 1 {
		t.Errorf("document processed %d times, want 1 (a pipeline error is not retried)", tries)
	}
	raw := firstDeadLetter(t, nc, cfg)
	if got := raw.Header.Get(HeaderError); !strings.Contains(got, "index out of range [-1]") {
		t.Errorf("%s = %q, want the pipeline's error", HeaderError, got)
	}
}

// firstDeadLetter returns the first message of cfg's dead-letter stream.
func firstDeadLetter(t *testing.T, nc *nats.Conn, cfg Config) *jetstream.RawStreamMsg {
	t.Helper()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	dead, err := js.Stream(ctx, cfg.DeadLetterStream)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := dead.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
