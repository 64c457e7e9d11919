package analysis

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/sitrep-project/sitrep/internal/netguard"
	"github.com/sitrep-project/sitrep/internal/store"
)

func TestValidateRule(t *testing.T) {
	strict := netguard.Policy{}
	tests := []struct {
		name   string
		rule   store.AlertRule
		policy netguard.Policy
		field  string // "" = valid
		check  func(store.AlertRule) bool
	}{
		{"defaults", store.AlertRule{Name: "  Sahel clashes "}, strict, "", func(r store.AlertRule) bool {
			return r.Name == "Sahel clashes" && r.Kind == store.RuleNewEvent
		}},
		{"codes upper-cased", store.AlertRule{Name: "x", Source: "mli", Target: "bfa", Code: "19"}, strict, "", func(r store.AlertRule) bool {
			return r.Source == "MLI" && r.Target == "BFA" && r.Code == "19"
		}},
		{"sigma defaults", store.AlertRule{Name: "x", Kind: store.RuleSigma}, strict, "", func(r store.AlertRule) bool {
			return r.K == defaultSigmaK && r.Window == defaultWindowD
		}},
		{"public webhook", store.AlertRule{Name: "x", Webhook: "https://8.8.8.8/hook"}, strict, "", nil},
		{"loopback webhook allowed", store.AlertRule{Name: "x", Webhook: "http://127.0.0.1:9/hook"}, netguard.Policy{AllowPrivate: true}, "", nil},
		{"no name", store.AlertRule{Kind: store.RuleSigma}, strict, "name", nil},
		{"long name", store.AlertRule{Name: strings.Repeat("n", MaxRuleName+1)}, strict, "name", nil},
		{"unknown kind", store.AlertRule{Name: "x", Kind: "psychic"}, strict, "kind", nil},
		{"code with space", store.AlertRule{Name: "x", Source: "RUS GOV"}, strict, "source", nil},
		{"long code", store.AlertRule{Name: "x", Code: strings.Repeat("1", MaxRuleCode+1)}, strict, "code", nil},
		{"negative k", store.AlertRule{Name: "x", K: -1}, strict, "k", nil},
		{"loopback webhook", store.AlertRule{Name: "x", Webhook: "http://127.0.0.1:9/hook"}, strict, "webhook", nil},
		{"private webhook", store.AlertRule{Name: "x", Webhook: "http://10.0.0.7/hook"}, strict, "webhook", nil},
		{"metadata webhook", store.AlertRule{Name: "x", Webhook: "http://169.254.169.254/"}, strict, "webhook", nil},
		{"mapped loopback webhook", store.AlertRule{Name: "x", Webhook: "http://[::ffff:127.0.0.1]/"}, strict, "webhook", nil},
		{"credentials", store.AlertRule{Name: "x", Webhook: "https://bot:hunter2@8.8.8.8/"}, netguard.Policy{AllowPrivate: true}, "webhook", nil},
		{"not http", store.AlertRule{Name: "x", Webhook: "gopher://8.8.8.8/"}, strict, "webhook", nil},
		{"long webhook", store.AlertRule{Name: "x", Webhook: "https://8.8.8.8/" + strings.Repeat("a", MaxWebhookURL)}, strict, "webhook", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.rule
			err := ValidateRule(context.Background(), &r, tt.policy)
			var re *RuleError
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("ValidateRule = %v, want valid", err)
			case tt.field != "" && (!errors.As(err, &re) || re.Field != tt.field):
				t.Fatalf("ValidateRule = %v, want an error on %q", err, tt.field)
			case tt.check != nil && !tt.check(r):
				t.Errorf("normalised rule %+v", r)
			}
			if err != nil && strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}

func TestRedacted(t *testing.T) {
	r := Redacted(store.AlertRule{Name: "x", Webhook: "https://hooks.example.org/services/T0/B0/s3cretpath?token=abc"})
	if r.Webhook != "https://hooks.example.org/…" {
		t.Errorf("redacted webhook %q", r.Webhook)
	}
	if Redacted(store.AlertRule{}).Webhook != "" {
		t.Error("an empty webhook must stay empty")
	}
}

// TestBlockedDeliveryCountedAndLoggedOnce checks that a rule whose
// webhook the policy refuses costs one log line, however many alerts it
// fires, and that every blocked delivery is counted.
func TestBlockedDeliveryCountedAndLoggedOnce(t *testing.T) {
	var hits atomic.Int32
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer sink.Close()
	st := newMemStore(t)
	// Stored without validation (an old database, or DNS changed).
	addRule(t, st, store.AlertRule{Name: "sneaky", Kind: store.RuleNewEvent, Webhook: sink.URL + "/hook"})
	var logs bytes.Buffer
	reg := prometheus.NewRegistry()
	m := NewWebhookMetrics(reg)
	opts := DefaultOptions()
	opts.WebhookRetries = 2
	opts.WebhookMetrics = m
	e := NewEngine(st, opts, slog.New(slog.NewTextHandler(&logs, nil)))
	const n = 6
	for i := range n {
		a := article(ev{"2025-09-0" + string(rune('1'+i)), "KENGOV", "SOMGOV", "036", 4, 1})
		a.ID = a.ID[:len(a.ID)-1] + string(rune('a'+i))
		if _, err := e.Check(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("loopback sink received %d requests", hits.Load())
	}
	var pb dto.Metric
	if err := m.Deliveries.WithLabelValues("blocked").Write(&pb); err != nil {
		t.Fatal(err)
	}
	if got := pb.GetCounter().GetValue(); got != n {
		t.Errorf("blocked deliveries counted %v, want %d", got, n)
	}
	if got := strings.Count(logs.String(), "blocked by the outbound-fetch policy"); got != 1 {
		t.Errorf("%d log lines about the blocked rule, want 1:\n%s", got, logs.String())
	}
	if strings.Contains(logs.String(), "/hook") {
		t.Errorf("log shows the webhook path: %s", logs.String())
	}
}
