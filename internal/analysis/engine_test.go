package analysis

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// storeFactories lists the stores the engine tests run against. Real
// stores add themselves from their own _test files.
var storeFactories = []struct {
	name string
	open func(testing.TB) store.Store
}{
	{"mem", newMemStore},
}

// actor names for test codes.
var actorNames = map[string]string{
	"INDGOV": "Government of India", "INDMIL": "Indian Army",
	"PAKGOV": "Government of Pakistan", "PAKMIL": "Pakistan Army",
	"BRAGOV": "Brazilian government", "ARGGOV": "Argentine government",
	"ETHMIL": "Ethiopian National Defense Force", "SDNREB": "Rapid Support Forces",
	"IGOUNO": "United Nations",
}

// ev is one event of a test article.
type ev struct {
	day       string
	src, tgt  string // actor codes; tgt "" for no target
	cameo     string
	goldstein float64
	quad      int
}

var articleSeq atomic.Int64

// article builds a well-formed article (spans inside the body, entities
// for every actor) with one sentence per event.
func article(evs ...ev) *model.Article {
	a := model.NewArticle()
	n := articleSeq.Add(1)
	ents := map[string]string{}
	entity := func(code string) *string {
		if id, ok := ents[code]; ok {
			return &id
		}
		id := fmt.Sprintf("e%d", len(ents)+1)
		ents[code] = id
		a.Entities = append(a.Entities, model.Entity{
			ID: id, Name: actorNames[code], Type: model.TypeOrg,
			Code: model.Str(code), Country: model.Str(code[:3]), Roles: []string{}, Mentions: []model.Mention{},
		})
		return &id
	}
	var body strings.Builder
	for i, e := range evs {
		start := body.Len()
		text := fmt.Sprintf("Report %d.%d: %s acted (CAMEO %s) toward %s on %s.", n, i, actorNames[e.src], e.cameo, actorNames[e.tgt], e.day)
		body.WriteString(text)
		a.Sentences = append(a.Sentences, model.Sentence{Index: i, Start: start, End: body.Len(), Text: text})
		body.WriteString(" ")
		m := model.Event{
			ID: fmt.Sprintf("v%d", i+1), Sentence: i, Start: start, End: start + len(text),
			Source: model.Actor{Entity: entity(e.src), Code: e.src},
			Cameo:  e.cameo, Goldstein: e.goldstein, QuadClass: e.quad,
			Plover:   model.Plover{Type: "CONSULT", Context: []string{}},
			Modality: model.ModalityAsserted,
			Date:     model.EventDate{Value: model.Str(e.day), Precision: model.Str(model.PrecisionDay)},
		}
		if e.tgt != "" {
			m.Target = &model.Actor{Entity: entity(e.tgt), Code: e.tgt}
		}
		m.Attribution = []model.Attribution{}
		a.Events = append(a.Events, m)
	}
	a.Body = strings.TrimSuffix(body.String(), " ")
	a.ID = model.ContentID(a.Body)
	a.Title = model.Str(fmt.Sprintf("Test report %d", n))
	if len(evs) > 0 {
		a.Published = model.Published{Date: model.Str(evs[0].day), Precision: model.Str(model.PrecisionDay), Source: model.DateFromMetadata}
	}
	return a
}

// put stores an article and returns it.
func put(t testing.TB, st store.Store, a *model.Article) *model.Article {
	t.Helper()
	res, err := st.PutArticle(context.Background(), a)
	if err != nil {
		t.Fatalf("PutArticle: %v", err)
	}
	if !res.Inserted {
		t.Fatalf("PutArticle: article %s not inserted", a.ID[:8])
	}
	return a
}

func addRule(t testing.TB, st store.Store, r store.AlertRule) store.AlertRule {
	t.Helper()
	r, err := st.AddAlertRule(context.Background(), r)
	if err != nil {
		t.Fatalf("AddAlertRule: %v", err)
	}
	return r
}

func testEngine(st store.Store, opts Options) *Engine {
	if opts.Now == nil {
		opts.Now = func() time.Time { return time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC) }
	}
	if opts.WebhookBackoff == 0 {
		opts.WebhookBackoff = time.Millisecond
	}
	return NewEngine(st, opts, slog.New(slog.DiscardHandler))
}

// check stores the article and runs the engine on it.
func check(t testing.TB, e *Engine, st store.Store, a *model.Article) []store.Alert {
	t.Helper()
	put(t, st, a)
	alerts, err := e.Check(context.Background(), a)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return alerts
}

// forStores runs f against every store implementation.
func forStores(t *testing.T, f func(t *testing.T, st store.Store)) {
	for _, sf := range storeFactories {
		t.Run(sf.name, func(t *testing.T) {
			st := sf.open(t)
			t.Cleanup(func() { st.Close() })
			f(t, st)
		})
	}
}

func TestNewEventRule(t *testing.T) {
	tests := []struct {
		name string
		rule store.AlertRule
		want int
	}{
		{"source prefix", store.AlertRule{Source: "IND"}, 2},
		{"directed dyad", store.AlertRule{Source: "IND", Target: "PAK"}, 1},
		{"reverse dyad does not match", store.AlertRule{Source: "PAK", Target: "IND"}, 0},
		{"cameo prefix", store.AlertRule{Source: "IND", Code: "19"}, 1},
		{"cameo mismatch", store.AlertRule{Source: "IND", Code: "04"}, 0},
		{"target required but missing", store.AlertRule{Target: "SDN"}, 0},
		{"any event", store.AlertRule{}, 2},
		{"other country", store.AlertRule{Source: "BRA"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forStores(t, func(t *testing.T, st store.Store) {
				r := tt.rule
				r.Name, r.Kind = tt.name, store.RuleNewEvent
				r = addRule(t, st, r)
				a := article(
					ev{"2025-05-10", "INDMIL", "PAKMIL", "190", -10, 4},
					ev{"2025-05-10", "INDGOV", "", "010", 0, 1},
				)
				got := check(t, testEngine(st, Options{}), st, a)
				if len(got) != tt.want {
					t.Fatalf("fired %d alerts, want %d: %+v", len(got), tt.want, got)
				}
				for _, al := range got {
					if al.ID == 0 || al.RuleID != r.ID || al.RuleName != tt.name || !strings.HasPrefix(al.EventKey, a.ID+":") {
						t.Errorf("alert %+v not stored with rule %d and an event key of article %s", al, r.ID, a.ID[:8])
					}
				}
				stored, err := st.Alerts(context.Background(), 0, 100)
				if err != nil || len(stored) != tt.want {
					t.Errorf("Alerts() = %d, %v; want %d stored", len(stored), err, tt.want)
				}
			})
		})
	}
}

func TestNoRulesNoWork(t *testing.T) {
	forStores(t, func(t *testing.T, st store.Store) {
		a := article(ev{"2025-05-10", "INDMIL", "PAKMIL", "190", -10, 4})
		if got := check(t, testEngine(st, Options{}), st, a); len(got) != 0 {
			t.Errorf("fired %v without rules", got)
		}
	})
}

func TestFirstEventRule(t *testing.T) {
	forStores(t, func(t *testing.T, st store.Store) {
		e := testEngine(st, Options{})
		addRule(t, st, store.AlertRule{Name: "first fight", Kind: store.RuleFirstEvent, Source: "ETH", Code: "19"})
		addRule(t, st, store.AlertRule{Name: "first of any kind", Kind: store.RuleFirstEvent, Source: "BRA"})
		steps := []struct {
			name string
			a    *model.Article
			want []string // rule names fired
		}{
			{"first fighting fires", article(ev{"2025-04-02", "ETHMIL", "SDNREB", "190", -10, 4}), []string{"first fight"}},
			{"a later report of the same kind does not", article(ev{"2025-04-05", "ETHMIL", "SDNREB", "193", -10, 4}), nil},
			{"the same day from another article does not", article(ev{"2025-04-02", "ETHMIL", "SDNREB", "190", -10, 4}), nil},
			// Only earlier days count: a backfilled older report is the
			// first one known.
			{"an older report is earlier", article(ev{"2025-03-30", "ETHMIL", "SDNREB", "190", -10, 4}), []string{"first fight"}},
			{"non-matching code does not", article(ev{"2025-04-06", "ETHMIL", "SDNREB", "040", 1, 1}), nil},
			{"a new dyad fires", article(ev{"2025-04-06", "ETHMIL", "IGOUNO", "190", -10, 4}), []string{"first fight"}},
			{"family from the event's root", article(ev{"2025-04-06", "BRAGOV", "ARGGOV", "042", 1.9, 1}), []string{"first of any kind"}},
			{"same root again does not", article(ev{"2025-04-07", "BRAGOV", "ARGGOV", "040", 1, 1}), nil},
			{"another root fires", article(ev{"2025-04-08", "BRAGOV", "ARGGOV", "061", 6.4, 2}), []string{"first of any kind"}},
			{"two same-family events of one article fire once", article(
				ev{"2025-04-09", "BRAGOV", "INDGOV", "036", 4, 1},
				ev{"2025-04-09", "BRAGOV", "INDGOV", "031", 5.2, 1},
			), []string{"first of any kind"}},
		}
		for _, s := range steps {
			got := check(t, e, st, s.a)
			var names []string
			for _, al := range got {
				names = append(names, al.RuleName)
			}
			if strings.Join(names, ",") != strings.Join(s.want, ",") {
				t.Errorf("%s: fired %q, want %q", s.name, names, s.want)
			}
		}
	})
}

func TestFirstEventEitherDirection(t *testing.T) {
	forStores(t, func(t *testing.T, st store.Store) {
		e := testEngine(st, Options{})
		addRule(t, st, store.AlertRule{Name: "first", Kind: store.RuleFirstEvent, Code: "19"})
		if got := check(t, e, st, article(ev{"2025-01-10", "PAKMIL", "INDMIL", "190", -10, 4})); len(got) != 1 {
			t.Fatalf("first fight fired %d alerts, want 1", len(got))
		}
		// India answering Pakistan is not the first fight between them.
		if got := check(t, e, st, article(ev{"2025-01-11", "INDMIL", "PAKMIL", "195", -10, 4})); len(got) != 0 {
			t.Errorf("reverse direction fired %v", got)
		}
	})
}

// history stores one article per day from start for n days with perDay
// events of the dyad each day.
func history(t testing.TB, st store.Store, start string, n, perDay int, src, tgt, cameo string, g float64, quad int) {
	t.Helper()
	for d := range n {
		day := store.AddDays(start, d)
		var evs []ev
		for range perDay {
			evs = append(evs, ev{day, src, tgt, cameo, g, quad})
		}
		if len(evs) > 0 {
			put(t, st, article(evs...))
		}
	}
}

func repeat(e ev, n int) []ev {
	out := make([]ev, n)
	for i := range out {
		out[i] = e
	}
	return out
}

func TestSigmaRule(t *testing.T) {
	type setup func(t testing.TB, st store.Store)
	quiet := func(t testing.TB, st store.Store) {}
	steady := func(t testing.TB, st store.Store) {
		// 14 days with one or two cooperative meetings a day.
		history(t, st, "2025-02-01", 14, 1, "INDGOV", "PAKGOV", "040", 1, 1)
		for _, d := range []string{"2025-02-03", "2025-02-08", "2025-02-11"} {
			put(t, st, article(ev{d, "INDGOV", "PAKGOV", "042", 1.9, 1}))
		}
	}
	tests := []struct {
		name  string
		setup setup
		rule  store.AlertRule
		today []ev
		want  string // substring of the message, "" = must not fire
	}{
		{"a burst over a steady baseline fires", steady,
			store.AlertRule{Source: "IND", Target: "PAK", K: 3, Window: 14},
			repeat(ev{"2025-02-15", "INDGOV", "PAKGOV", "040", 1, 1}, 6), "6 events against a 14-day mean"},
		{"an ordinary day does not", steady,
			store.AlertRule{Source: "IND", Target: "PAK", K: 3, Window: 14},
			repeat(ev{"2025-02-15", "INDGOV", "PAKGOV", "040", 1, 1}, 2), ""},
		{"a turn to conflict moves the index", steady,
			store.AlertRule{Source: "IND", Target: "PAK", K: 3, Window: 14},
			[]ev{{"2025-02-15", "INDGOV", "PAKGOV", "190", -10, 4}}, "toward conflict"},
		{"an empty baseline never fires", quiet,
			store.AlertRule{Source: "IND", Target: "PAK", K: 2, Window: 14},
			repeat(ev{"2025-02-15", "INDGOV", "PAKGOV", "190", -10, 4}, 8), ""},
		{"other dyads do not count", steady,
			store.AlertRule{Source: "BRA", Target: "ARG", K: 3, Window: 14},
			repeat(ev{"2025-02-15", "BRAGOV", "ARGGOV", "040", 1, 1}, 6), ""},
		{"the baseline is the trailing window only", func(t testing.TB, st store.Store) {
			// Busy long ago, quiet for the last 10 days: the burst is
			// judged against 7 days that hold too few events.
			history(t, st, "2025-01-01", 10, 3, "INDGOV", "PAKGOV", "040", 1, 1)
		}, store.AlertRule{Source: "IND", Target: "PAK", K: 3, Window: 7},
			repeat(ev{"2025-01-21", "INDGOV", "PAKGOV", "040", 1, 1}, 6), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forStores(t, func(t *testing.T, st store.Store) {
				tt.setup(t, st)
				r := tt.rule
				r.Name, r.Kind = "sigma", store.RuleSigma
				addRule(t, st, r)
				got := check(t, testEngine(st, Options{}), st, article(tt.today...))
				switch {
				case tt.want == "" && len(got) > 0:
					t.Errorf("fired: %s", got[0].Message)
				case tt.want != "" && len(got) != 1:
					t.Errorf("fired %d alerts, want 1", len(got))
				case tt.want != "" && !strings.Contains(got[0].Message, tt.want):
					t.Errorf("message %q lacks %q", got[0].Message, tt.want)
				}
			})
		})
	}
}

func TestSigmaFiresOnceWhenCrossing(t *testing.T) {
	forStores(t, func(t *testing.T, st store.Store) {
		history(t, st, "2025-02-01", 14, 1, "INDGOV", "PAKGOV", "040", 1, 1)
		addRule(t, st, store.AlertRule{Name: "burst", Kind: store.RuleSigma, Source: "IND", Target: "PAK", K: 3, Window: 14})
		e := testEngine(st, Options{})
		var fired []int
		for range 6 {
			got := check(t, e, st, article(ev{"2025-02-15", "INDGOV", "PAKGOV", "040", 1, 1}))
			fired = append(fired, len(got))
		}
		// Mean 1, sd 0 floored to 1: the 4th event of the day crosses 3σ;
		// later reports of the same day stay above and stay silent.
		if want := []int{0, 0, 0, 1, 0, 0}; fmt.Sprint(fired) != fmt.Sprint(want) {
			t.Errorf("alerts per article = %v, want %v", fired, want)
		}
	})
}

func TestSigmaNeedsK(t *testing.T) {
	forStores(t, func(t *testing.T, st store.Store) {
		addRule(t, st, store.AlertRule{Name: "bad", Kind: store.RuleSigma, Source: "IND"})
		addRule(t, st, store.AlertRule{Name: "good", Kind: store.RuleNewEvent, Source: "IND"})
		a := put(t, st, article(ev{"2025-02-15", "INDGOV", "PAKGOV", "040", 1, 1}))
		got, err := testEngine(st, Options{}).Check(context.Background(), a)
		if err == nil || !strings.Contains(err.Error(), "K > 0") {
			t.Errorf("err = %v, want a complaint about K", err)
		}
		if len(got) != 1 || got[0].RuleName != "good" {
			t.Errorf("a broken rule must not stop the others: got %+v", got)
		}
	})
}

// hook is a webhook receiver that fails the first `fail` requests.
type hook struct {
	mu       sync.Mutex
	fail     int
	attempts int
	bodies   []Payload
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.attempts++
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if h.attempts <= h.fail {
		http.Error(w, "try later", http.StatusInternalServerError)
		return
	}
	var p Payload
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.bodies = append(h.bodies, p)
}

func TestWebhookDelivery(t *testing.T) {
	tests := []struct {
		name         string
		fail         int
		retries      int
		wantAttempts int
		wantBodies   int
	}{
		{"first try", 0, 3, 1, 1},
		{"retry on 500 then success", 2, 3, 3, 1},
		{"gives up after the retries", 10, 2, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forStores(t, func(t *testing.T, st store.Store) {
				h := &hook{fail: tt.fail}
				srv := httptest.NewServer(h)
				defer srv.Close()
				addRule(t, st, store.AlertRule{Name: "hooked", Kind: store.RuleNewEvent, Source: "SDN", Webhook: srv.URL + "/alerts?token=s3cret"})
				e := testEngine(st, Options{AllowPrivateWebhooks: true, WebhookRetries: tt.retries})
				got := check(t, e, st, article(ev{"2025-07-01", "SDNREB", "ETHMIL", "190", -10, 4}))
				if len(got) != 1 {
					t.Fatalf("fired %d, want 1 (delivery failures must not lose alerts)", len(got))
				}
				h.mu.Lock()
				defer h.mu.Unlock()
				if h.attempts != tt.wantAttempts || len(h.bodies) != tt.wantBodies {
					t.Fatalf("attempts %d, bodies %d; want %d, %d", h.attempts, len(h.bodies), tt.wantAttempts, tt.wantBodies)
				}
				if tt.wantBodies == 0 {
					return
				}
				p := h.bodies[0]
				if p.Alert.ID != got[0].ID || p.Rule.Name != "hooked" || p.Event == nil || p.Event.Key != got[0].EventKey {
					t.Errorf("payload %+v does not describe alert %+v", p, got[0])
				}
				if p.Rule.Webhook != "" {
					t.Errorf("payload leaks the webhook URL %q", p.Rule.Webhook)
				}
			})
		})
	}
}

func TestWebhookNoRetryOn4xx(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Error(w, "gone", http.StatusGone)
	}))
	defer srv.Close()
	e := testEngine(newMemStore(t), Options{AllowPrivateWebhooks: true, WebhookRetries: 3})
	err := e.deliver(context.Background(), srv.URL, Payload{})
	if err == nil || n.Load() != 1 {
		t.Errorf("deliver = %v after %d attempts; want an error after 1", err, n.Load())
	}
}

func TestWebhookPrivateTargetRefused(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { n.Add(1) }))
	defer srv.Close()
	forStores(t, func(t *testing.T, st store.Store) {
		// The rule went into the store without validation (or DNS changed
		// since): the connect-time check must still refuse loopback.
		addRule(t, st, store.AlertRule{Name: "sneaky", Kind: store.RuleNewEvent, Webhook: srv.URL})
		e := testEngine(st, Options{WebhookRetries: 2})
		got := check(t, e, st, article(ev{"2025-07-02", "ARGGOV", "BRAGOV", "036", 4, 1}))
		if len(got) != 1 {
			t.Errorf("fired %d alerts, want 1 stored despite the refused webhook", len(got))
		}
	})
	if n.Load() != 0 {
		t.Errorf("loopback webhook received %d requests", n.Load())
	}
	// And directly: the dial is refused with ErrForbiddenAddress.
	e := testEngine(newMemStore(t), Options{})
	if err := e.deliver(context.Background(), srv.URL, Payload{}); !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("deliver to loopback = %v, want ErrForbiddenAddress", err)
	}
}

func TestWebhookRedirectChecked(t *testing.T) {
	tests := []struct {
		name         string
		target       string
		allowPrivate bool
		ok           bool
	}{
		{"to loopback", "http://127.0.0.1:9/x", false, false},
		{"to metadata service", "http://169.254.169.254/latest/meta-data/", false, false},
		{"to a private network", "http://192.168.1.10/", false, false},
		{"to a non-http scheme", "file:///etc/passwd", true, false},
		{"with credentials", "https://user:pw@8.8.8.8/", false, false},
		{"to a public address", "https://8.8.8.8/hook", false, true},
		{"to loopback when allowed", "http://127.0.0.1:9/x", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newWebhookClient(nil, tt.allowPrivate)
			req, err := http.NewRequest(http.MethodPost, tt.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = c.CheckRedirect(req, []*http.Request{{}})
			if (err == nil) != tt.ok {
				t.Errorf("CheckRedirect = %v, want ok=%v", err, tt.ok)
			}
		})
	}
	c := newWebhookClient(nil, true)
	req, _ := http.NewRequest(http.MethodPost, "https://8.8.8.8/", nil)
	if err := c.CheckRedirect(req, make([]*http.Request, maxRedirects)); err == nil {
		t.Error("no limit on redirects")
	}
}

func TestWebhookRedirectEndToEnd(t *testing.T) {
	var final atomic.Int32
	dst := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { final.Add(1) }))
	defer dst.Close()
	src := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, dst.URL, http.StatusTemporaryRedirect)
	}))
	defer src.Close()
	// Allowed: the 307 re-posts to the second server.
	e := testEngine(newMemStore(t), Options{AllowPrivateWebhooks: true})
	if err := e.deliver(context.Background(), src.URL, Payload{}); err != nil || final.Load() != 1 {
		t.Errorf("allowed redirect: err %v, delivered %d", err, final.Load())
	}
}

func TestValidateWebhook(t *testing.T) {
	tests := []struct {
		url          string
		allowPrivate bool
		ok           bool
	}{
		{"https://8.8.8.8/hooks/sitrep", false, true},
		{"http://1.1.1.1:8080/x?token=abc", false, true},
		{"https://[2606:4700:4700::1111]/x", false, true},
		{"ftp://8.8.8.8/x", false, false},
		{"javascript:alert(1)", true, false},
		{"/relative/path", true, false},
		{"https://user:secret@8.8.8.8/x", false, false},
		{"https://user@8.8.8.8/x", true, false},
		{"http://:80/x", true, false},
		{"http://8.8.8.8:99999/x", true, false},
		{"http://127.0.0.1/x", false, false},
		{"http://127.0.0.1/x", true, true},
		{"http://localhost:8080/x", false, false},
		{"http://[::1]/x", false, false},
		{"http://0.0.0.0/x", false, false},
		{"http://[::]/x", false, false},
		{"http://10.1.2.3/x", false, false},
		{"http://172.16.0.1/x", false, false},
		{"http://192.168.0.1/x", false, false},
		{"http://[fd00::1]/x", false, false},
		{"http://169.254.169.254/x", false, false},
		{"http://[fe80::1]/x", false, false},
		{"http://224.0.0.1/x", false, false},
		{"http://[ff02::1]/x", false, false},
		{"http://100.64.0.1/x", false, false},
		{"http://255.255.255.255/x", false, false},
		{"http://[::ffff:127.0.0.1]/x", false, false},
		{"http://[64:ff9b::a00:1]/x", false, false},  // NAT64 of 10.0.0.1
		{"http://[64:ff9b::808:808]/x", false, true}, // NAT64 of 8.8.8.8
		{"http://host.invalid/x", false, false},      // does not resolve
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/private=%v", tt.url, tt.allowPrivate), func(t *testing.T) {
			err := ValidateWebhook(tt.url, tt.allowPrivate)
			if (err == nil) != tt.ok {
				t.Errorf("ValidateWebhook = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}

func TestCheckFallsBackToArticleEvents(t *testing.T) {
	// A store that has not indexed the article's events yet: the engine
	// judges the article's own events.
	st := newMemStore(t)
	addRule(t, st, store.AlertRule{Name: "any", Kind: store.RuleNewEvent, Source: "ARG"})
	a := article(ev{"2025-08-01", "ARGGOV", "BRAGOV", "057", 8, 2})
	got, err := testEngine(st, Options{}).Check(context.Background(), a)
	if err != nil || len(got) != 1 || got[0].EventKey != a.ID+":v1" {
		t.Fatalf("Check = %+v, %v; want one alert for %s:v1", got, err, a.ID[:8])
	}
	if !strings.Contains(got[0].Message, "Argentine government (ARGGOV) → Brazilian government (BRAGOV) CAMEO 057") {
		t.Errorf("message = %q", got[0].Message)
	}
}
