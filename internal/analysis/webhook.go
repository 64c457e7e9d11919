package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sitrep-project/sitrep/internal/netguard"
	"github.com/sitrep-project/sitrep/internal/store"
)

// ErrForbiddenAddress is returned (wrapped) when a webhook host resolves
// to an address sitrep refuses to send requests to. It is
// netguard.ErrForbidden: one policy for everything the server fetches.
var ErrForbiddenAddress = netguard.ErrForbidden

// maxRedirects bounds how often a webhook may redirect.
const maxRedirects = netguard.MaxRedirects

// RuleKinds are the alert rule kinds a client may create.
var RuleKinds = []string{store.RuleNewEvent, store.RuleSigma, store.RuleFirstEvent}

// Limits on the text fields of a rule (bytes).
const (
	MaxRuleName    = 200
	MaxRuleCode    = 32
	MaxWebhookURL  = 2048
	defaultSigmaK  = 3
	defaultWindowD = 28
)

// RuleError is a rule field that ValidateRule refused; the API answers it
// with a 400 naming Field, the CLI with an error naming the flag.
type RuleError struct {
	Field   string
	Message string
}

func (e *RuleError) Error() string { return e.Field + ": " + e.Message }

func ruleErr(field, format string, args ...any) error {
	return &RuleError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// ValidateRule checks and normalises a rule before it is stored — the
// one check for the CLI (`sitrep alerts add`) and the API (POST
// /api/alert-rules): a name, a known kind, codes of letters and digits
// (upper-cased), non-negative sigma parameters (defaults for sigma
// rules), and a webhook that the policy lets the server reach.
func ValidateRule(ctx context.Context, rule *store.AlertRule, policy netguard.Policy) error {
	rule.ID, rule.Created = 0, time.Time{}
	rule.Name = strings.TrimSpace(rule.Name)
	if rule.Name == "" {
		return ruleErr("name", "an alert rule needs a name")
	}
	if len(rule.Name) > MaxRuleName {
		return ruleErr("name", "longer than %d bytes", MaxRuleName)
	}
	if rule.Kind == "" {
		rule.Kind = store.RuleNewEvent
	}
	if !slices.Contains(RuleKinds, rule.Kind) {
		return ruleErr("kind", "unknown rule kind %q (one of %s)", clip(rule.Kind), strings.Join(RuleKinds, ", "))
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"source", &rule.Source}, {"target", &rule.Target}, {"code", &rule.Code}} {
		s := strings.ToUpper(strings.TrimSpace(*f.v))
		if len(s) > MaxRuleCode {
			return ruleErr(f.name, "longer than %d characters", MaxRuleCode)
		}
		for _, c := range s {
			if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return ruleErr(f.name, "must be letters and digits only, got %q", clip(*f.v))
			}
		}
		*f.v = s
	}
	if rule.K < 0 || rule.Window < 0 || rule.K != rule.K {
		return ruleErr("k", "k and window must not be negative")
	}
	if rule.Kind == store.RuleSigma {
		if rule.K == 0 {
			rule.K = defaultSigmaK
		}
		if rule.Window == 0 {
			rule.Window = defaultWindowD
		}
	}
	rule.Webhook = strings.TrimSpace(rule.Webhook)
	if rule.Webhook != "" {
		if len(rule.Webhook) > MaxWebhookURL {
			return ruleErr("webhook", "longer than %d bytes", MaxWebhookURL)
		}
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		if _, err := policy.Check(ctx, rule.Webhook); err != nil {
			return ruleErr("webhook", "%v", err)
		}
	}
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// Redacted returns the rule as it may be shown: the webhook reduced to
// its scheme and host, since its path or query is often the secret.
func Redacted(r store.AlertRule) store.AlertRule {
	r.Webhook = netguard.Redact(r.Webhook)
	return r
}

// ValidateWebhook checks a webhook URL before a rule is stored: an
// absolute http or https URL with a host and no user:password part;
// unless allowPrivate, every address its host resolves to must be
// public. The engine's client checks again when it connects, since DNS
// answers can change.
func ValidateWebhook(raw string, allowPrivate bool) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := netguard.Policy{AllowPrivate: allowPrivate}.Check(ctx, raw)
	return err
}

// newWebhookClient builds the client that delivers alerts: the netguard
// policy's client (address checked at connect time and on every
// redirect, proxies ignored), or base with redirect checks when given.
// A hanging receiver must not stall ingestion for long: 10 s a request.
func newWebhookClient(base *http.Client, allowPrivate bool) *http.Client {
	p := netguard.Policy{AllowPrivate: allowPrivate, Timeout: 10 * time.Second}
	if base == nil {
		return p.Client()
	}
	c := *base
	return p.Guard(&c)
}

// WebhookMetrics counts webhook deliveries by result: ok, failed (the
// receiver or the network failed) and blocked (the policy refused the
// address).
type WebhookMetrics struct {
	Deliveries *prometheus.CounterVec
}

// NewWebhookMetrics registers the counters with reg (nil: unregistered).
func NewWebhookMetrics(reg prometheus.Registerer) *WebhookMetrics {
	m := &WebhookMetrics{Deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sitrep_alert_webhook_deliveries_total",
		Help: "Alert webhook deliveries by result (ok, failed, blocked by the outbound-fetch policy).",
	}, []string{"result"})}
	if reg != nil {
		reg.MustRegister(m.Deliveries)
	}
	return m
}

// hookState is the engine's memory of webhook failures: a rule whose
// webhook the policy blocks is logged once, not once per alert.
type hookState struct {
	mu      sync.Mutex
	blocked map[int64]bool
	m       *WebhookMetrics
}

func newHookState(m *WebhookMetrics) *hookState {
	if m == nil {
		m = NewWebhookMetrics(nil)
	}
	return &hookState{blocked: map[int64]bool{}, m: m}
}

// delivered counts one delivery and logs a failure: a blocked rule once
// (until it delivers again), other failures each time.
func (h *hookState) delivered(log *slog.Logger, rule store.AlertRule, alertID int64, err error) {
	switch {
	case err == nil:
		h.m.Deliveries.WithLabelValues("ok").Inc()
		h.mu.Lock()
		delete(h.blocked, rule.ID)
		h.mu.Unlock()
	case errors.Is(err, netguard.ErrForbidden) || errors.Is(err, netguard.ErrBadURL):
		h.m.Deliveries.WithLabelValues("blocked").Inc()
		h.mu.Lock()
		first := !h.blocked[rule.ID]
		h.blocked[rule.ID] = true
		h.mu.Unlock()
		if first {
			log.Warn("alert webhook blocked by the outbound-fetch policy; further blocked deliveries of this rule are only counted (sitrep_alert_webhook_deliveries_total{result=\"blocked\"})",
				"rule", rule.ID, "name", rule.Name, "webhook", netguard.Redact(rule.Webhook), "err", err)
		}
	default:
		h.m.Deliveries.WithLabelValues("failed").Inc()
		log.Warn("alert webhook failed", "rule", rule.ID, "alert", alertID, "err", err)
	}
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
		return fmt.Errorf("webhook %s: %w", netguard.Redact(rawURL), netguard.ErrBadURL)
	}
	if err := netguard.CheckURLShape(u); err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	// Errors show scheme and host only: the path may be the secret.
	shown := netguard.Redact(rawURL)
	wait := e.opts.WebhookBackoff
	var last error
	for attempt := 0; attempt <= e.opts.WebhookRetries; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return fmt.Errorf("webhook %s: %w (last error: %v)", shown, ctx.Err(), last)
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
	return fmt.Errorf("webhook %s: %w", shown, last)
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
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		err = fmt.Errorf("%s: %w", ue.Op, ue.Err) // without the URL
	}
	if err != nil {
		// A forbidden address stays forbidden; retrying is pointless.
		return !errors.Is(err, netguard.ErrForbidden) && !errors.Is(err, netguard.ErrBadURL), err
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
