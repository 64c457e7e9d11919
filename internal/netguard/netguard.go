package netguard

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

// ErrForbidden is returned (wrapped) when a URL or an address is refused
// by the policy. Callers map it to a client error (400), not a 5xx.
var ErrForbidden = errors.New("forbidden address")

// ErrBadURL is returned (wrapped) for a URL that is not an absolute
// http(s) URL with a host, or that carries credentials.
var ErrBadURL = errors.New("unacceptable URL")

// MaxRedirects bounds how many redirects a Policy client follows.
const MaxRedirects = 5

// Resolver looks up a host's addresses; *net.Resolver implements it.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Policy decides which URLs and addresses the server may fetch from.
// The zero Policy is the strict one.
type Policy struct {
	// AllowPrivate turns the address checks off: loopback, private,
	// link-local and the other non-public ranges may be fetched.
	AllowPrivate bool
	// Allow lists prefixes that may be fetched although they are not
	// public (an intranet feed server, a receiver on the same host).
	Allow []netip.Prefix
	// Resolver resolves host names; nil means net.DefaultResolver.
	Resolver Resolver
	// Timeout bounds one whole request of the client (0: 30 s).
	Timeout time.Duration
}

// Address ranges that are neither loopback, private, link-local nor
// multicast by netip's reckoning but are still not the public internet.
var extraBlocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, incl. broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // deprecated site-local
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001:10::/28"),    // ORCHID
	netip.MustParsePrefix("::ffff:0:0:0/96"), // SIIT translated
}

// nat64 is the well-known NAT64 prefix; the IPv4 address embedded in its
// last 32 bits is what the request really reaches.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// Classify names why a is not public unicast ("loopback", "private",
// "link-local", "carrier-grade NAT", ...) or returns "" for a public
// address. IPv4-mapped and NAT64 forms are judged by the IPv4 address
// they carry.
func Classify(a netip.Addr) string {
	a = a.Unmap()
	if nat64.Contains(a) {
		b := a.As16()
		a = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	switch {
	case !a.IsValid():
		return "invalid"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsLoopback():
		return "loopback"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsInterfaceLocalMulticast(), a.IsMulticast():
		return "multicast"
	case a.IsPrivate():
		return "private"
	}
	if netip.MustParsePrefix("100.64.0.0/10").Contains(a) {
		return "carrier-grade NAT"
	}
	for _, p := range extraBlocked {
		if p.Contains(a) {
			return "reserved"
		}
	}
	return ""
}

// CheckAddr returns an ErrForbidden error when the policy does not let
// the server connect to a.
func (p Policy) CheckAddr(a netip.Addr) error {
	if p.AllowPrivate {
		return nil
	}
	why := Classify(a)
	if why == "" {
		return nil
	}
	for _, pre := range p.Allow {
		if pre.Contains(a.Unmap()) || pre.Contains(a) {
			return nil
		}
	}
	return fmt.Errorf("%w: %s is %s", ErrForbidden, a, why)
}

// CheckURLShape checks what needs no DNS: an absolute http or https URL
// with a host, a valid port and no credentials. Errors name the URL
// without its credentials.
func CheckURLShape(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: %q: scheme must be http or https", ErrBadURL, u.Redacted())
	}
	if u.User != nil {
		return fmt.Errorf("%w: %q: credentials in the URL are not allowed", ErrBadURL, u.Redacted())
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%w: %q: missing host", ErrBadURL, u.Redacted())
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%w: %q: bad port %q", ErrBadURL, u.Redacted(), port)
		}
	}
	return nil
}

// CheckHost resolves host (an IP literal resolves to itself) and checks
// every address: one forbidden answer refuses the host, since the dialer
// could pick it.
func (p Policy) CheckHost(ctx context.Context, host string) error {
	if p.AllowPrivate {
		return nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if err := p.CheckAddr(a); err != nil {
			return fmt.Errorf("host %s: %w", host, err)
		}
		return nil
	}
	var r Resolver = net.DefaultResolver
	if p.Resolver != nil {
		r = p.Resolver
	}
	addrs, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return fmt.Errorf("host %s: resolve: %w", host, err)
	}
	if len(addrs) == 0 {
		return fmt.Errorf("host %s: no addresses", host)
	}
	for _, a := range addrs {
		if err := p.CheckAddr(a); err != nil {
			return fmt.Errorf("host %s: %w", host, err)
		}
	}
	return nil
}

// Check parses raw and applies CheckURLShape and CheckHost.
func (p Policy) Check(ctx context.Context, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, redactParseError(err))
	}
	if err := CheckURLShape(u); err != nil {
		return nil, err
	}
	if err := p.CheckHost(ctx, u.Hostname()); err != nil {
		return nil, err
	}
	return u, nil
}

// redactParseError drops the URL (which may hold a password) from a
// url.Parse error.
func redactParseError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Control is a net.Dialer.Control function that refuses connections the
// policy forbids. It sees the address actually dialled, after DNS.
func (p Policy) Control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparsable address %q", ErrForbidden, address)
	}
	return p.CheckAddr(ap.Addr())
}

// Transport returns an http.Transport whose dialer applies the policy
// at connect time and which ignores proxy settings.
func (p Policy) Transport() *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: p.Control}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          10,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
	}
}

// Client returns an HTTP client that applies the policy at connect time
// and on every redirect hop (at most MaxRedirects).
func (p Policy) Client() *http.Client {
	c := &http.Client{Transport: p.Transport(), Timeout: p.Timeout}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	return p.Guard(c)
}

// Guard makes c check every redirect hop against the policy (keeping c's
// own CheckRedirect after it) and returns c. A client with its own
// transport keeps it: the connect-time check is then the caller's.
func (p Policy) Guard(c *http.Client) *http.Client {
	inner := c.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= MaxRedirects {
			return fmt.Errorf("stopped after %d redirects", MaxRedirects)
		}
		if err := CheckURLShape(req.URL); err != nil {
			return fmt.Errorf("redirect: %w", err)
		}
		if err := p.CheckHost(req.Context(), req.URL.Hostname()); err != nil {
			return fmt.Errorf("redirect: %w", err)
		}
		if inner != nil {
			return inner(req, via)
		}
		return nil
	}
	return c
}

// Redact returns raw with its credentials, path and query hidden: what
// may be shown of a webhook or feed URL, whose path or query often is
// the secret (a token in a Slack-style hook). An unparsable URL becomes
// "(invalid URL)".
func Redact(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(invalid URL)"
	}
	out := u.Scheme + "://" + u.Host
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		out += "/…"
	}
	return out
}
