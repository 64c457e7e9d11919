package netguard

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

// FuzzCheck checks that whatever the policy accepts is an absolute
// http(s) URL with a host and no credentials, and that Redact never
// shows credentials, a path or a query. AllowPrivate is on so that no
// DNS lookups run; the address checks are covered by TestCheck.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"https://8.8.8.8/x", "http://u:p@h/", "ftp://h/", "http://[::1]:0/", "http://h:65536/",
		"//h/x", "http://%41/", "https://hooks.example.org/services/T/B/secret?token=x#f", "http://[::ffff:127.0.0.1]/"} {
		f.Add(s)
	}
	p := Policy{AllowPrivate: true}
	f.Fuzz(func(t *testing.T, raw string) {
		red := Redact(raw)
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			if u.User != nil && u.User.String() != "" && strings.Contains(red, u.User.String()+"@") {
				t.Fatalf("Redact(%q) = %q shows credentials", raw, red)
			}
			if strings.Contains(red, "?") || strings.Count(red, "/") > 3 {
				t.Fatalf("Redact(%q) = %q shows a path or query", raw, red)
			}
		}
		u, err := p.Check(context.Background(), raw)
		if err != nil {
			return
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Hostname() == "" {
			t.Fatalf("accepted %q (%+v)", raw, u)
		}
	})
}
