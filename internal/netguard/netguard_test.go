package netguard

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		url    string
		policy Policy
		want   error // nil: accepted
	}{
		{"https://8.8.8.8/feed.xml", Policy{}, nil},
		{"http://1.1.1.1:8080/x?token=abc", Policy{}, nil},
		{"https://[2606:4700:4700::1111]/x", Policy{}, nil},
		{"http://[64:ff9b::808:808]/x", Policy{}, nil}, // NAT64 of 8.8.8.8
		{"ftp://8.8.8.8/x", Policy{}, ErrBadURL},
		{"javascript:alert(1)", Policy{AllowPrivate: true}, ErrBadURL},
		{"/relative/path", Policy{AllowPrivate: true}, ErrBadURL},
		{"https://user:secret@8.8.8.8/x", Policy{}, ErrBadURL},
		{"https://user@8.8.8.8/x", Policy{AllowPrivate: true}, ErrBadURL},
		{"http://:80/x", Policy{AllowPrivate: true}, ErrBadURL},
		{"http://8.8.8.8:99999/x", Policy{AllowPrivate: true}, ErrBadURL},
		{"http://127.0.0.1/x", Policy{}, ErrForbidden},
		{"http://127.0.0.1/x", Policy{AllowPrivate: true}, nil},
		{"http://127.0.0.2/x", Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}, nil},
		{"http://127.0.0.3/x", Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}, ErrForbidden},
		{"http://localhost:8080/x", Policy{}, ErrForbidden},
		{"http://[::1]/x", Policy{}, ErrForbidden},
		{"http://0.0.0.0/x", Policy{}, ErrForbidden},
		{"http://[::]/x", Policy{}, ErrForbidden},
		{"http://10.1.2.3/x", Policy{}, ErrForbidden},
		{"http://172.16.0.1/x", Policy{}, ErrForbidden},
		{"http://192.168.0.1/x", Policy{}, ErrForbidden},
		{"http://[fd00::1]/x", Policy{}, ErrForbidden},
		{"http://169.254.169.254/latest/meta-data/", Policy{}, ErrForbidden},
		{"http://[fe80::1]/x", Policy{}, ErrForbidden},
		{"http://224.0.0.1/x", Policy{}, ErrForbidden},
		{"http://100.64.0.1/x", Policy{}, ErrForbidden},
		{"http://100.127.255.254/x", Policy{}, ErrForbidden},
		{"http://255.255.255.255/x", Policy{}, ErrForbidden},
		{"http://[::ffff:127.0.0.1]/x", Policy{}, ErrForbidden},
		{"http://[::ffff:169.254.169.254]/x", Policy{}, ErrForbidden},
		{"http://[64:ff9b::a00:1]/x", Policy{}, ErrForbidden}, // NAT64 of 10.0.0.1
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, err := tt.policy.Check(context.Background(), tt.url)
			switch {
			case tt.want == nil && err != nil:
				t.Errorf("Check = %v, want accepted", err)
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Errorf("Check = %v, want %v", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"8.8.8.8", ""},
		{"127.0.0.1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"169.254.169.254", "link-local"},
		{"100.64.1.2", "carrier-grade NAT"},
		{"10.0.0.1", "private"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"198.18.0.1", "reserved"},
	}
	for _, tt := range tests {
		if got := Classify(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("Classify(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

// A name that resolves to loopback: refused at check time through the
// resolver, and at dial time even when the check is skipped.
type fixedResolver []netip.Addr

func (r fixedResolver) LookupNetIP(context.Context, string, string) ([]netip.Addr, error) {
	return r, nil
}

func TestDialTimeCheck(t *testing.T) {
	var hits atomic.Int32
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer sink.Close()

	// The transport alone (no URL check, as after a DNS answer changed)
	// must refuse to connect.
	req, err := http.NewRequest(http.MethodGet, sink.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (Policy{}).Transport().RoundTrip(req); !errors.Is(err, ErrForbidden) {
		t.Errorf("RoundTrip to loopback = %v, want ErrForbidden", err)
	}
	p := Policy{Resolver: fixedResolver{netip.MustParseAddr("127.0.0.1")}}
	if err := p.CheckHost(context.Background(), "rebound.example"); !errors.Is(err, ErrForbidden) {
		t.Errorf("CheckHost of a name on loopback = %v, want ErrForbidden", err)
	}
	if hits.Load() != 0 {
		t.Errorf("sink saw %d requests", hits.Load())
	}
	// The positive case: allowed, the same client reaches it.
	resp, err := (Policy{AllowPrivate: true}).Client().Get(sink.URL)
	if err != nil {
		t.Fatalf("allowed fetch: %v", err)
	}
	resp.Body.Close()
	if hits.Load() != 1 {
		t.Errorf("sink saw %d requests, want 1", hits.Load())
	}
}

func TestRedirectHopChecked(t *testing.T) {
	var hits atomic.Int32
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer sink.Close()
	// The redirector stands for a public host: its address is allowed
	// explicitly, the sink's is not.
	red := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, sink.URL+"/secret", http.StatusFound)
	}))
	ln, err := net.Listen("tcp", "127.0.0.2:0") // all of 127/8 is local on Linux
	if err != nil {
		t.Fatalf("listen on 127.0.0.2: %v", err)
	}
	red.Listener = ln
	red.Start()
	defer red.Close()
	p := Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}
	if _, err := p.Check(context.Background(), red.URL); err != nil {
		t.Fatalf("redirector refused: %v", err)
	}
	_, err = p.Client().Get(red.URL)
	if !errors.Is(err, ErrForbidden) {
		t.Errorf("redirect to loopback = %v, want ErrForbidden", err)
	}
	if hits.Load() != 0 {
		t.Errorf("sink saw %d requests", hits.Load())
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"https://hooks.example.org/services/T00/B00/XXXX", "https://hooks.example.org/…"},
		{"https://hooks.example.org/", "https://hooks.example.org"},
		{"http://1.1.1.1:8080?token=abc", "http://1.1.1.1:8080/…"},
		{"https://user:pw@example.org/x", "https://example.org/…"},
		{"::not a url", "(invalid URL)"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
