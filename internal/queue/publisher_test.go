package queue

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TestPublisherDedup publishes documents twice and counts what the stream
// keeps.
func TestPublisherDedup(t *testing.T) {
	a := Doc{Name: "a.txt", Data: []byte("Ghana and Togo signed a customs accord in Lomé."), Source: "https://www.example.com/a"}
	aRenamed := a
	aRenamed.Name, aRenamed.Source = "copy-of-a.txt", "/mirror/a.txt"
	b := Doc{Name: "b.txt", Data: []byte("Mongolia hosted talks with Japan on rare earths."), Source: "/data/b.txt"}
	item1 := Doc{ID: "urn:guid:1", Data: []byte("first version"), Source: "https://feed.example.com/1"}
	item1Edited := item1
	item1Edited.Data = []byte("edited version of the same feed item")

	tests := []struct {
		name string
		docs []Doc
		want uint64
	}{
		{"same doc twice", []Doc{a, a}, 1},
		{"same bytes, other name and source", []Doc{a, aRenamed}, 1},
		{"different docs", []Doc{a, b, a, b}, 2},
		{"same feed item id, edited content", []Doc{item1, item1Edited}, 1},
	}
	nc := connect(t, startEmbedded(t))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig(t, nc)
			publishAll(t, nc, cfg, tc.docs)
			if got := streamMsgs(t, nc, cfg.Stream); got != tc.want {
				t.Errorf("stream holds %d messages, want %d", got, tc.want)
			}
		})
	}
}

// TestPublishMessage checks the subject, headers and body of a published
// document, and the errors for bad documents.
func TestPublishMessage(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p, err := NewPublisher(ctx, nc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	d := Doc{Name: "report 1.html", Data: []byte("<p>Bolivia recalled its ambassador.</p>"), Published: "2024-11-02", Source: "https://www.Reuters.com:443/world/americas?x=1\r\nInjected: yes"}
	if err := p.Publish(ctx, d); err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	s, err := js.Stream(ctx, cfg.Stream)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := s.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := cfg.SubjectPrefix + ".reuters_com"; raw.Subject != want {
		t.Errorf("subject %q, want %q", raw.Subject, want)
	}
	if got := raw.Header.Get(nats.MsgIdHdr); got != MsgID(d) {
		t.Errorf("msg id %q, want %q", got, MsgID(d))
	}
	if raw.Header.Get("Injected") != "" {
		t.Error("CR/LF in a header value created a new header")
	}
	back, err := decodeDoc(raw.Header, raw.Data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Name != d.Name || back.Published != d.Published || back.Source != d.Source || string(back.Data) != string(d.Data) {
		t.Errorf("round trip changed the document:\n got %+v\nwant %+v", back, d)
	}

	bad := []struct {
		name string
		doc  Doc
		want string
	}{
		{"empty", Doc{Name: "empty.txt"}, "empty document"},
		{"too large", Doc{Name: "huge.warc", Data: make([]byte, nc.MaxPayload()+1)}, "max payload"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			err := p.Publish(ctx, tc.doc)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.doc.Name) {
				t.Errorf("err = %v, want one naming %s and saying %q", err, tc.doc.Name, tc.want)
			}
		})
	}
}

// TestWatcher polls fake feeds: only new items are published, a restarted
// watcher is deduplicated by the stream, and a failing feed does not stop
// the others.
func TestWatcher(t *testing.T) {
	nc := connect(t, startEmbedded(t))
	cfg := testConfig(t, nc)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := NewPublisher(ctx, nc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	items := map[string][]Doc{
		"https://feeds.example.org/africa.xml": {
			{ID: "tag:example.org,2025:1", Data: []byte("Senegal opened a new port."), Source: "https://example.org/1"},
			{ID: "tag:example.org,2025:2", Data: []byte("Mali and Niger closed a border post."), Source: "https://example.org/2"},
		},
		"https://feeds.example.net/asia.rss": {
			// No GUID: the content identifies the item; Source is the
			// feed, shared by all its items.
			{Data: []byte("Laos and Thailand agreed on a dam study."), Source: "https://feeds.example.net/asia.rss"},
		},
		"https://down.example.com/feed": nil,
	}
	fetch := func(_ context.Context, url string) ([]Doc, error) {
		if url == "https://down.example.com/feed" {
			return nil, errors.New("503 service unavailable")
		}
		return items[url], nil
	}
	feeds := []string{"https://down.example.com/feed", "https://feeds.example.org/africa.xml", "https://feeds.example.net/asia.rss"}

	w := NewWatcher(p, quietLog(t))
	steps := []struct {
		name    string
		watcher *Watcher
		change  func()
		want    int
		stream  uint64
	}{
		{"first poll publishes everything", w, func() {}, 3, 3},
		{"second poll publishes nothing", w, func() {}, 0, 3},
		{"a new item is published", w, func() {
			items["https://feeds.example.net/asia.rss"] = append(items["https://feeds.example.net/asia.rss"],
				Doc{Data: []byte("Cambodia joined the talks."), Source: "https://feeds.example.net/asia.rss"})
		}, 1, 4},
		{"a restarted watcher is deduplicated by the stream", NewWatcher(p, quietLog(t)), func() {}, 0, 4},
	}
	for _, st := range steps {
		st.change()
		n, err := st.watcher.PollOnce(ctx, feeds, fetch)
		if err == nil || !strings.Contains(err.Error(), "down.example.com") {
			t.Errorf("%s: err = %v, want the failing feed named", st.name, err)
		}
		if n != st.want {
			t.Errorf("%s: published %d, want %d", st.name, n, st.want)
		}
		if got := streamMsgs(t, nc, cfg.Stream); got != st.stream {
			t.Errorf("%s: stream holds %d, want %d", st.name, got, st.stream)
		}
	}

	// Poll returns nil when its context ends.
	pctx, pcancel := context.WithCancel(ctx)
	polled := make(chan struct{}, 8)
	go func() {
		<-polled
		pcancel()
	}()
	err = w.Poll(pctx, feeds[1:], time.Hour, func(ctx context.Context, url string) ([]Doc, error) {
		polled <- struct{}{}
		return fetch(ctx, url)
	})
	if err != nil {
		t.Errorf("Poll after cancel: %v", err)
	}
}

// TestEmbeddedServer starts the embedded server, publishes, restarts it
// on the same store directory and finds the document still there.
func TestEmbeddedServer(t *testing.T) {
	dir := t.TempDir()
	opts := DefaultEmbeddedOptions()
	opts.Port = -1
	opts.StoreDir = dir
	cfg := DefaultConfig()
	d := Doc{Name: "n.txt", Data: []byte("Fiji and Tonga held joint patrols."), Source: "/archive/n.txt"}
	for round := range 2 {
		s, err := EmbeddedServer(opts)
		if err != nil {
			t.Fatal(err)
		}
		nc, err := nats.Connect(s.ClientURL())
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if round == 0 {
			p, err := NewPublisher(ctx, nc, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Publish(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		if got := streamMsgs(t, nc, cfg.Stream); got != 1 {
			t.Errorf("round %d: stream holds %d, want 1", round, got)
		}
		cancel()
		nc.Close()
		s.Shutdown()
		s.WaitForShutdown()
	}
	if _, err := EmbeddedServer(EmbeddedOptions{Port: -1}); err == nil {
		t.Error("embedded server without a store directory: want an error")
	}
}

func TestEmbeddedServerPortInUse(t *testing.T) {
	first, err := EmbeddedServer(EmbeddedOptions{Port: -1, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Shutdown()
	port := first.Addr().(*net.TCPAddr).Port
	_, err = EmbeddedServer(EmbeddedOptions{Port: port, StoreDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "address already in use") {
		t.Errorf("err = %v, want address already in use", err)
	}
}
