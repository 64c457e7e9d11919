package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep/internal/store"
)

// chromiumPath finds the browser; a missing browser fails the test on
// CI (where it must be installed) and skips it elsewhere.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("SITREP_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found (install Debian's chromium); browser tests are required on CI")
	}
	t.Skip("chromium not found; skipping browser tests")
	return ""
}

func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SITREP_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "sitrep-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifacts dir: %v", err)
	}
	return dir
}

// browser is a headless Chromium session for page tests: steps run
// actions and fail the test on error; console errors and exceptions
// (a CSP violation, a script error) fail it at close.
type browser struct {
	t        *testing.T
	ctx      context.Context
	dir      string
	mu       sync.Mutex
	problems []string
	expected []string // console messages a test provokes on purpose
	done     chan struct{}
	cancel   func()
}

// newBrowser starts Chromium; close it with b.close().
func newBrowser(t *testing.T) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chrome := chromiumPath(t)
	allocOpts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	actx, acancel := chromedp.NewExecAllocator(ctx, allocOpts...)
	bctx, bcancel := chromedp.NewContext(actx)
	b := &browser{t: t, ctx: bctx, dir: artifactsDir(t), done: make(chan struct{}),
		cancel: func() { bcancel(); acancel(); cancel() }}
	// Start the browser, then collect console errors and exceptions.
	if err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, log.Enable, cdp.Empty{})
		return err
	})); err != nil {
		b.cancel()
		t.Fatalf("start chromium: %v", err)
	}
	go func() {
		defer close(b.done)
		for m, err := range chromedp.Console(bctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.problems = append(b.problems, m.String()+" "+m.URL)
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// close stops the browser and reports what its console complained of.
func (b *browser) close() {
	b.cancel()
	<-b.done
	b.mu.Lock()
	defer b.mu.Unlock()
next:
	for _, p := range b.problems {
		for _, e := range b.expected {
			if strings.Contains(p, e) {
				continue next
			}
		}
		b.t.Errorf("browser reported: %s", p)
	}
}

// expect lets console errors containing s pass: a test that provokes a
// 400 on purpose sees Chromium log the failed request.
func (b *browser) expect(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.expected = append(b.expected, s)
}

// shot saves a full-page screenshot to the artifacts directory.
func (b *browser) shot(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		buf, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return fmt.Errorf("screenshot %s: %w", name, err)
		}
		p := filepath.Join(b.dir, name+".png")
		if err := os.WriteFile(p, buf, 0o644); err != nil {
			return err
		}
		b.t.Logf("screenshot: %s", p)
		return nil
	})
}

// waitTrue polls a JS expression until it is true.
func (b *browser) waitTrue(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(15*time.Second))(ctx, tg)
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", expr, err)
		}
		return nil
	})
}

// until evaluates a JS expression every 200 ms until it is true (at
// most 20 s): unlike waitTrue it needs no animation frames, which a
// busy headless tab may not schedule.
func (b *browser) until(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		deadline := time.Now().Add(20 * time.Second)
		for {
			ok, err := chromedp.Evaluate[bool](expr)(ctx, tg)
			if err == nil && ok {
				return nil
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("waiting for %s: %v", expr, err)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
		}
	})
}

// eval stores the value of a JS expression.
func (b *browser) eval(expr string, dst any) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		v, err := chromedp.Evaluate[json.RawMessage](expr)(ctx, tg)
		if err != nil {
			return fmt.Errorf("evaluate %s: %w", expr, err)
		}
		return json.Unmarshal(v, dst)
	})
}

// step runs actions, failing the test with name on error.
func (b *browser) step(name string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", name, err)
	}
}

// TestBrowserDashboard drives a real headless Chromium through the
// dashboard: filter, open an event, timeline, map, network, and an
// article with markup in it. Screenshots go to the artifacts directory.
func TestBrowserDashboard(t *testing.T) {
	br := newBrowser(t)
	defer br.close()
	st, arts := shared(t)
	s, err := New(st, func() Options { o := DefaultOptions(); o.PollInterval = 200 * time.Millisecond; return o }())
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	shot, waitTrue, eval, step := br.shot, br.waitTrue, br.eval, br.step

	// 1. Overview, then filter to a dyad with htmx.
	var rows int
	var search string
	step("overview",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(`#events-table table`),
		waitTrue(`document.getElementById("alert-status").textContent === "live"`),
	)
	// An alert fired after the page opened arrives over SSE, as text.
	if _, err := st.PutAlert(context.Background(), store.Alert{RuleID: 1, RuleName: "RUS–PRK watch",
		Message: "<b>RUSGOV → PRK</b>: material conflict", EventKey: arts[0].ID + ":v1"}); err != nil {
		t.Fatal(err)
	}
	step("alert feed",
		waitTrue(`Array.from(document.querySelectorAll("#alert-feed li a")).some(a => a.textContent.includes("<b>RUSGOV → PRK</b>"))`),
		shot("01-overview"),
		chromedp.SetValue(`input[name=dyad]`, "RUS,PRK"),
		chromedp.Click(`#filters button[type=submit]`),
		waitTrue(`location.search.includes("dyad=RUS%2CPRK") && Array.from(document.querySelectorAll("#events-table tbody tr")).length > 0 &&
			Array.from(document.querySelectorAll("#events-table tbody tr")).every(r => r.textContent.includes("RUS") && r.textContent.includes("PRK"))`),
		eval(`document.querySelectorAll("#events-table tbody tr").length`, &rows),
		eval(`location.search`, &search),
		shot("02-overview-dyad"),
	)
	if rows == 0 || !strings.Contains(search, "dyad=") {
		t.Fatalf("dyad filter: %d rows, url %q", rows, search)
	}

	// 2. Open the first event: its sentence is highlighted.
	var marks []string
	step("event",
		chromedp.Click(`#events-table a.event-link`),
		chromedp.WaitVisible(`#event-sentence mark.hl-action`),
		eval(`Array.from(document.querySelectorAll("#event-sentence mark")).map(m => m.className)`, &marks),
		shot("03-event"),
	)
	for _, want := range []string{"hl-source", "hl-action", "hl-target", "hl-time"} {
		if !strings.Contains(strings.Join(marks, " "), want) {
			t.Errorf("event sentence lacks a %s mark (marks: %v)", want, marks)
		}
	}

	// 3. Timeline chart.
	var bars int
	step("timeline",
		chromedp.Navigate(ts.URL+"/timeline?a=RUS&b=PRK&interval=week"),
		chromedp.WaitVisible(`#timeline-chart`),
		eval(`document.querySelectorAll("#timeline-chart .bars rect").length`, &bars),
		shot("04-timeline"),
	)
	if bars == 0 {
		t.Error("timeline chart has no bars")
	}

	// 4. Map: outlines and markers, offline.
	var countries, markers int
	step("map",
		chromedp.Navigate(ts.URL+"/map"),
		waitTrue(`document.querySelectorAll("path.country").length > 100 && document.querySelectorAll("path.event-marker").length > 0`),
		eval(`document.querySelectorAll("path.country").length`, &countries),
		eval(`document.querySelectorAll("path.event-marker").length`, &markers),
		chromedp.Sleep(300*time.Millisecond),
		shot("05-map"),
	)
	t.Logf("map: %d country outlines, %d markers", countries, markers)

	// 5. Network.
	var nodes int
	step("network",
		chromedp.Navigate(ts.URL+"/network"),
		chromedp.WaitVisible(`#network`),
		eval(`document.querySelectorAll("#network circle").length`, &nodes),
		shot("06-network"),
	)
	if nodes < 5 {
		t.Errorf("network has %d nodes", nodes)
	}

	// 6. An article whose title and text carry markup: shown as text,
	// nothing runs.
	x := arts[len(arts)-1]
	var title string
	var pwned bool
	step("article",
		chromedp.Navigate(ts.URL+"/articles/"+x.ID),
		chromedp.WaitVisible(`#article-body`),
		eval(`document.getElementById("article-title").textContent`, &title),
		eval(`window.pwned !== undefined`, &pwned),
		shot("07-article-xss"),
	)
	if pwned || !strings.Contains(title, "<script>") {
		t.Errorf("markup ran or was not shown as text: pwned=%v title=%q", pwned, title)
	}

}
