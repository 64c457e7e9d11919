package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"syscall"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

// ErrForbiddenAddress is returned (wrapped) when a webhook host resolves
// to an address sitrep refuses to send requests to.
var ErrForbiddenAddress = errors.New("forbidden webhook address")

// maxRedirects bounds how often a webhook may redirect.
const maxRedirects = 5

// Address ranges that are neither loopback, private, link-local nor
// multicast by netip's reckoning but are still not the public internet:
// sending alerts there would let a rule probe the operator's network.
var extraBlocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
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

// checkAddr returns an ErrForbiddenAddress error for addresses that are
// not public unicast.
func checkAddr(a netip.Addr) error {
	a = a.Unmap()
	if nat64.Contains(a) {
		b := a.As16()
		a = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	var why string
	switch {
	case !a.IsValid():
		why = "invalid"
	case a.IsUnspecified():
		why = "unspecified"
	case a.IsLoopback():
		why = "loopback"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		why = "link-local"
	case a.IsInterfaceLocalMulticast(), a.IsMulticast():
		why = "multicast"
	case a.IsPrivate():
		why = "private"
	default:
		for _, p := range extraBlocked {
			if p.Contains(a) {
				why = "reserved"
				break
			}
		}
	}
	if why != "" {
		return fmt.Errorf("%w: %s is %s", ErrForbiddenAddress, a, why)
	}
	return nil
}

// ValidateWebhook checks a webhook URL before a rule is stored: an
// absolute http or https URL with a host and no user:password part.
// Unless allowPrivate, the host must resolve, and every address it
// resolves to must be public: loopback, link-local, private, reserved,
// unspecified and multicast addresses are rejected. The engine's client
// checks again when it connects, since DNS answers can change.
func ValidateWebhook(raw string, allowPrivate bool) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("webhook %q: %w", raw, err)
	}
	if err := checkURL(u); err != nil {
		return err
	}
	if allowPrivate {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return checkHost(ctx, u.Hostname())
}

// checkURL checks the parts of a webhook URL that need no DNS.
func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("webhook %q: scheme must be http or https", u.Redacted())
	}
	if u.User != nil {
		return fmt.Errorf("webhook %q: credentials in the URL are not allowed", u.Redacted())
	}
	if u.Hostname() == "" {
		return fmt.Errorf("webhook %q: missing host", u.Redacted())
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("webhook %q: bad port %q", u.Redacted(), p)
		}
	}
	return nil
}

// checkHost resolves host (an IP literal resolves to itself) and checks
// every address.
func checkHost(ctx context.Context, host string) error {
	if a, err := netip.ParseAddr(host); err == nil {
		if err := checkAddr(a); err != nil {
			return fmt.Errorf("webhook host %s: %w", host, err)
		}
		return nil
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return fmt.Errorf("webhook host %s: resolve: %w", host, err)
	}
	if len(addrs) == 0 {
		return fmt.Errorf("webhook host %s: no addresses", host)
	}
	for _, a := range addrs {
		if err := checkAddr(a); err != nil {
			return fmt.Errorf("webhook host %s: %w", host, err)
		}
	}
	return nil
}

// newWebhookClient builds the client that delivers alerts. Unless
// allowPrivate, its dialer refuses forbidden addresses at connect time,
// after DNS resolution, which closes the window a rebinding DNS server
// would use between ValidateWebhook and the request; proxies are ignored
// because a proxy would connect on our behalf, unchecked.
func newWebhookClient(base *http.Client, allowPrivate bool) *http.Client {
	var c http.Client
	if base != nil {
		c = *base
	} else {
		d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
		if !allowPrivate {
			d.Control = func(network, address string, _ syscall.RawConn) error {
				ap, err := netip.ParseAddrPort(address)
				if err != nil {
					return fmt.Errorf("%w: unparsable address %q", ErrForbiddenAddress, address)
				}
				return checkAddr(ap.Addr())
			}
		}
		c.Transport = &http.Transport{
			Proxy:                 nil,
			DialContext:           d.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          10,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 15 * time.Second,
		}
		// Check waits for deliveries; a hanging receiver must not stall
		// ingestion for long.
		c.Timeout = 10 * time.Second
	}
	inner := c.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("webhook: stopped after %d redirects", maxRedirects)
		}
		if err := checkURL(req.URL); err != nil {
			return fmt.Errorf("webhook redirect: %w", err)
		}
		if !allowPrivate {
			if err := checkHost(req.Context(), req.URL.Hostname()); err != nil {
				return fmt.Errorf("webhook redirect: %w", err)
			}
		}
		if inner != nil {
			return inner(req, via)
		}
		return nil
	}
	return &c
}

// Payload is the JSON body POSTed to a rule's webhook.
type Payload struct {
	Alert store.Alert        `json:"alert"`
	Rule  store.AlertRule    `json:"rule"`
	Event *store.EventRecord `json:"event,omitempty"`
}

// deliver POSTs p to url, retrying network errors, 429 and 5xx up to
// retries more times with exponential backoff from backoff.
func (e *Engine) deliver(ctx context.Context, rawURL string, p Payload) error {
	// The receiver knows its own URL, and a URL may carry a token.
	p.Rule.Webhook = ""
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode webhook payload: %w", err)
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("webhook %q: %w", rawURL, err)
	}
	if err := checkURL(u); err != nil {
		return err
	}
	wait := e.opts.WebhookBackoff
	var last error
	for attempt := 0; attempt <= e.opts.WebhookRetries; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return fmt.Errorf("webhook %s: %w (last error: %v)", u.Redacted(), ctx.Err(), last)
			case <-t.C:
			}
			wait *= 2
		}
		retry, err := e.post(ctx, u, body)
		if err == nil {
			return nil
		}
		last = err
		if !retry {
			break
		}
	}
	return fmt.Errorf("webhook %s: %w", u.Redacted(), last)
}

// post makes one delivery attempt and says whether a failure is worth
// retrying.
func (e *Engine) post(ctx context.Context, u *url.URL, body []byte) (retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "sitrep-alerts/1")
	resp, err := e.client.Do(req)
	if err != nil {
		// A forbidden address stays forbidden; retrying is pointless.
		return !errors.Is(err, ErrForbiddenAddress), err
	}
	// Drain a little so the connection can be reused; never read an
	// unbounded body from a third party.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return false, nil
	}
	retry = resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
	return retry, fmt.Errorf("status %s", resp.Status)
}
