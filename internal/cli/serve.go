package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sitrep-project/sitrep/internal/analysis"
	"github.com/sitrep-project/sitrep/internal/export"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/netguard"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/queue"
	"github.com/sitrep-project/sitrep/internal/serve"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

func newAlertEngine(st store.Store, g *Globals) *analysis.Engine {
	return analysis.NewEngine(st, analysis.DefaultOptions(), g.log)
}

// FetchFlags set the outbound-fetch policy (internal/netguard) of the
// commands that fetch on someone's behalf.
type FetchFlags struct {
	AllowPrivateFetch bool `name:"allow-private-fetch" help:"Let server-side fetches (URLs posted to /api/ingest, feeds, alert webhooks) reach loopback, private, link-local and other non-public addresses. Off by default: see docs/deploy.md." env:"SITREP_ALLOW_PRIVATE_FETCH"`
}

func (f FetchFlags) policy() netguard.Policy {
	return netguard.Policy{AllowPrivate: f.AllowPrivateFetch}
}

func newMetrics() (*prometheus.Registry, *queue.Metrics) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg, queue.NewMetrics(reg)
}

// ServeCmd serves the API and dashboard.
type ServeCmd struct {
	Addr      string `help:"Listen address." default:"127.0.0.1:8080" env:"SITREP_ADDR"`
	Token     string `help:"Bearer token that allows POST /api/ingest and alert-rule changes; without it the server is read-only." env:"SITREP_TOKEN"`
	EmbedNATS bool   `name:"embed-nats" help:"Also run an embedded NATS JetStream server and a worker (one-machine deployment with the scale-out code path)."`
	NATSDir   string `name:"nats-dir" help:"JetStream store directory for --embed-nats (default: beside the database)."`
	NATSPort  int    `name:"nats-port" help:"Client port of the embedded NATS server (-1: any free port)." default:"-1"`
	FetchFlags
	AllowedHosts []string      `name:"allowed-hosts" sep:"," help:"Host names the server answers (Host header; others get 421). Default: localhost, 127.0.0.1 and ::1 when --addr is a loopback address, else any. Set it to the public name behind a reverse proxy." env:"SITREP_ALLOWED_HOSTS"`
	BodyTimeout  time.Duration `name:"body-timeout" help:"Time a client has to send a request body (uploads); a slower body is cut with 408." default:"5m" env:"SITREP_BODY_TIMEOUT"`
	CacheMiB     int           `name:"sqlite-cache-mib" help:"SQLite page cache per connection, in MiB (outside the Go heap; 4 connections)." default:"16" env:"SITREP_SQLITE_CACHE_MIB"`
}

// openStore opens the database with the server's SQLite page cache.
func (c *ServeCmd) openStore(ctx context.Context, g *Globals) (store.Store, error) {
	if isPostgres(g.DB) || c.CacheMiB <= 0 {
		return g.openStore(ctx)
	}
	if err := os.MkdirAll(filepath.Dir(g.DB), 0o755); err != nil {
		return nil, fmt.Errorf("create database directory: %w", err)
	}
	o := sqlite.DefaultOptions()
	o.CacheKiB = c.CacheMiB << 10
	return sqlite.Open(ctx, g.DB, o)
}

// Help implements kong.HelpProvider.
func (ServeCmd) Help() string {
	return `Serves the dashboard at http://ADDR/ and the JSON API under /api (OpenAPI document at
/api/openapi.json), Prometheus metrics at /metrics.

Examples:
  sitrep serve
  SITREP_TOKEN=s3cret sitrep serve --addr :8080 --db postgres://postgres@127.0.0.1/test`
}

func (c *ServeCmd) Run(ctx context.Context, g *Globals) error {
	// Uploads are processed in the server, next to the lexicons (~90 MB
	// live while an upload runs): a soft memory limit makes the
	// collector run instead of letting the heap grow to five times that
	// at sitrep's GC target, and a smaller SQLite page cache (outside
	// the Go heap, per connection) keeps a 30 MB upload well under
	// 300 MB RSS (docs/deploy.md, measured with /usr/bin/time -v);
	// --dictionaries adds their tables and patterns (limitMemory).
	g.limitMemory(serveMemLimit)
	p, err := g.pipeline()
	if err != nil {
		return err
	}
	st, err := c.openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	reg, metrics := newMetrics()
	eo := analysis.DefaultOptions()
	eo.AllowPrivateWebhooks = c.AllowPrivateFetch
	eo.WebhookMetrics = analysis.NewWebhookMetrics(reg)
	engine := analysis.NewEngine(st, eo, g.log)
	opts := serve.DefaultOptions()
	opts.Addr, opts.Token, opts.Log = c.Addr, c.Token, g.log
	opts.Metrics = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	opts.Fetch = c.policy()
	opts.AllowedHosts = c.AllowedHosts
	if c.BodyTimeout > 0 {
		opts.BodyTimeout = c.BodyTimeout
	}
	opts.Ingest = func(ctx context.Context, name, path string, sink serve.IngestSink) error {
		return ingestUpload(ctx, p, st, engine, g, name, path, sink)
	}
	if c.EmbedNATS {
		dir := c.NATSDir
		if dir == "" {
			dir = g.DB + ".jetstream"
		}
		eo := queue.DefaultEmbeddedOptions()
		eo.StoreDir, eo.Port = dir, c.NATSPort
		ns, err := queue.EmbeddedServer(eo)
		if err != nil {
			return fmt.Errorf("embedded nats: %w", err)
		}
		defer ns.Shutdown()
		nc, err := nats.Connect(ns.ClientURL())
		if err != nil {
			return fmt.Errorf("connect embedded nats: %w", err)
		}
		defer nc.Close()
		w, err := queue.NewWorker(nc, queue.DefaultConfig(), st, func(ctx context.Context, d queue.Doc) ([]*model.Article, error) {
			return processDoc(ctx, p, d)
		}, metrics, g.log)
		if err != nil {
			return err
		}
		go func() {
			if err := w.Run(ctx); err != nil && ctx.Err() == nil {
				g.log.Error("embedded worker stopped", "err", err)
			}
		}()
		g.log.Info("embedded NATS JetStream running", "url", ns.ClientURL(), "dir", dir)
	}
	srv, err := serve.New(st, opts)
	if err != nil {
		return err
	}
	// Listen before saying where: a busy port fails here, with no URL
	// printed that would point at someone else's server.
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.Addr, err)
	}
	shown := displayAddr(c.Addr)
	if strings.HasSuffix(c.Addr, ":0") {
		shown = displayAddr(ln.Addr().String()) // the port the system chose
	}
	fmt.Fprintf(g.stdout, "sitrep dashboard on http://%s/  (database %s; Ctrl-C to stop)\n", shown, g.DB)
	return srv.Serve(ctx, ln)
}

func displayAddr(addr string) string {
	if strings.HasPrefix(addr, ":") {
		return "localhost" + addr
	}
	return addr
}

// uploadBatch is how many articles of an upload share a transaction:
// enough to make commits cheap, few enough that the batch waiting for
// its commit stays small (a 30 MB upload is processed in bounded memory).
const uploadBatch = 32

// ingestUpload streams one spooled upload through the pipeline into the
// store, reporting progress and each stored article to the job as it
// goes and never holding more than a batch of analysed articles.
func ingestUpload(ctx context.Context, p *pipeline.Pipeline, st store.Store, engine *analysis.Engine, g *Globals, name, path string, sink serve.IngestSink) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open upload %s: %w", name, errors.Unwrap(err))
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	opts := ingest.DefaultOptions()
	opts.Progress = func(pr ingest.Progress) { sink.Progress(pr.Bytes, pr.Total) }
	r := &pipeline.Runner{Pipeline: p, Ingest: opts, Store: st, Batch: uploadBatch, OnError: sink.Error,
		Emit: func(a *model.Article, res store.PutResult) error {
			if res.Inserted {
				if _, err := engine.Check(ctx, a); err != nil {
					g.log.Warn("alert check failed", "article", a.ID, "err", err)
				}
			}
			sink.Article(serve.IngestedArticle{ID: a.ID, Title: model.Deref(a.Title), Events: len(a.Events), DuplicateOf: model.Deref(a.DuplicateOf)})
			return nil
		}}
	err = ingest.ReadFrom(ctx, name, f, size, opts, func(a *model.Article) error { return r.Article(ctx, a) }, sink.Error)
	if ferr := r.Flush(ctx); ferr != nil && err == nil {
		err = ferr
	}
	return err
}

// fetchURL downloads a document with a size limit (the operator's own
// `ingest --queue URL`: no policy beyond the limit).
func fetchURL(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, err)
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: %s", url, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, ingest.DefaultOptions().MaxBytes))
}

// processDoc runs ingest and analysis on one queued document; the worker
// stores the result. A record that fails (an ingest error, a pipeline
// error — also a stage's panic, which the pipeline turns into an error)
// fails the same way on every delivery, so it is a permanent error:
// the worker stores the other articles and dead-letters the document
// with the errors instead of retrying it. Only a cancelled or timed-out
// run is retried.
func processDoc(ctx context.Context, p *pipeline.Pipeline, d queue.Doc) ([]*model.Article, error) {
	opts := ingest.DefaultOptions()
	opts.Published = d.Published
	var out []*model.Article
	var errs []error
	r := &pipeline.Runner{Pipeline: p, Ingest: opts,
		OnError: func(err error) { errs = append(errs, err) },
		Emit: func(a *model.Article, _ store.PutResult) error {
			out = append(out, a)
			return nil
		}}
	err := r.Bytes(ctx, d.Name, d.Data)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err == nil && len(errs) > 0 {
		err = errors.Join(errs...)
	}
	return out, queue.Permanent(err)
}

// QueueFlags configure the JetStream work stream (see docs/deploy.md).
type QueueFlags struct {
	Queue         string        `help:"NATS URL(s), comma separated (worker and watch default to nats://127.0.0.1:4222)." env:"SITREP_QUEUE"`
	Stream        string        `help:"JetStream work stream name." default:"SITREP" env:"SITREP_STREAM"`
	SubjectPrefix string        `name:"subject-prefix" help:"Documents go to PREFIX.SOURCE." default:"sitrep.raw" env:"SITREP_SUBJECT_PREFIX"`
	Durable       string        `help:"Durable consumer shared by all workers." default:"sitrep-workers" env:"SITREP_DURABLE"`
	MaxDeliver    int           `name:"max-deliver" help:"Attempts before a document is dead-lettered." default:"5" env:"SITREP_MAX_DELIVER"`
	AckWait       time.Duration `name:"ack-wait" help:"Redelivery timeout without ack or heartbeat." default:"30s" env:"SITREP_ACK_WAIT"`
	MaxAckPending int           `name:"max-ack-pending" help:"Documents one worker processes at once (backpressure)." default:"4" env:"SITREP_MAX_ACK_PENDING"`
	DeadLetter    string        `name:"dead-letter" help:"Dead-letter subject (default: the subject prefix with its last token replaced by 'dead', e.g. sitrep.dead)." env:"SITREP_DEAD_LETTER"`
	DeadStream    string        `name:"dead-letter-stream" help:"Dead-letter stream (default: STREAM_DEAD, e.g. SITREP_DEAD)." env:"SITREP_DEAD_LETTER_STREAM"`
	Replicas      int           `help:"Stream replicas (3 on a three-node cluster)." default:"1" env:"SITREP_REPLICAS"`
}

func (q QueueFlags) config() queue.Config {
	cfg := queue.DefaultConfig()
	cfg.URL = q.Queue
	if cfg.URL == "" {
		cfg.URL = "nats://127.0.0.1:4222"
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&cfg.Stream, q.Stream)
	set(&cfg.SubjectPrefix, q.SubjectPrefix)
	set(&cfg.Durable, q.Durable)
	set(&cfg.DeadLetterSubject, q.DeadLetter)
	set(&cfg.DeadLetterStream, q.DeadStream)
	if q.MaxDeliver > 0 {
		cfg.MaxDeliver = q.MaxDeliver
	}
	if q.AckWait > 0 {
		cfg.AckWait = q.AckWait
	}
	if q.MaxAckPending > 0 {
		cfg.MaxAckPending = q.MaxAckPending
	}
	if q.Replicas > 0 {
		cfg.Replicas = q.Replicas
	}
	return cfg
}

// WorkerCmd runs a JetStream worker.
type WorkerCmd struct {
	QueueFlags
	MetricsAddr string `help:"Serve Prometheus metrics on this address (empty: off)." default:"" env:"SITREP_METRICS_ADDR"`
}

// Help implements kong.HelpProvider.
func (WorkerCmd) Help() string {
	return `Pulls raw documents from the stream (durable consumer shared by all workers), runs the
pipeline, stores the articles and acknowledges only after the commit. Documents that keep
failing go to the dead-letter subject.

Example:
  sitrep worker --queue nats://127.0.0.1:4222 --db postgres://postgres@127.0.0.1:5432/test`
}

func (c *WorkerCmd) Run(ctx context.Context, g *Globals) error {
	g.limitMemory(workerMemLimit)
	st, p, err := g.openWork(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	reg, metrics := newMetrics()
	if c.MetricsAddr != "" {
		mux := http.NewServeMux()
		mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
		srv := &http.Server{Addr: c.MetricsAddr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = srv.ListenAndServe() }()
		defer srv.Close()
	}
	nc, err := nats.Connect(c.config().URL, nats.Name("sitrep-worker"))
	if err != nil {
		return fmt.Errorf("connect %s: %w", c.config().URL, err)
	}
	defer nc.Drain()
	w, err := queue.NewWorker(nc, c.config(), st, func(ctx context.Context, d queue.Doc) ([]*model.Article, error) {
		return processDoc(ctx, p, d)
	}, metrics, g.log)
	if err != nil {
		return err
	}
	g.log.Info("worker running", "queue", c.config().URL, "db", g.DB)
	return w.Run(ctx)
}

// publishInputs sends raw documents to JetStream for the workers.
func publishInputs(ctx context.Context, g *Globals, cfg queue.Config, inputs []string, opts ingest.Options) error {
	url := cfg.URL
	nc, err := nats.Connect(url, nats.Name("sitrep-ingest"))
	if err != nil {
		return fmt.Errorf("connect %s: %w", url, err)
	}
	defer nc.Drain()
	pub, err := queue.NewPublisher(ctx, nc, cfg)
	if err != nil {
		return err
	}
	n, fresh := 0, 0
	for _, in := range inputs {
		var data []byte
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			data, err = fetchURL(ctx, in)
		} else {
			data, err = os.ReadFile(in)
		}
		if err != nil {
			fmt.Fprintln(g.stderr, "error:", err)
			continue
		}
		stored, err := pub.PublishNew(ctx, queue.Doc{Name: in, Data: data, Published: opts.Published, Source: in})
		if err != nil {
			return fmt.Errorf("publish %s: %w", in, err)
		}
		n++
		if stored {
			fresh++
		}
	}
	// JetStream deduplicates by message id: say how many it really
	// stored, not only how many were sent.
	fmt.Fprintf(g.stdout, "published %d of %d inputs to %s: %d new, %d already in stream %s\n", n, len(inputs), url, fresh, n-fresh, cfg.Stream)
	return nil
}

// WatchCmd polls feeds and publishes new items.
type WatchCmd struct {
	QueueFlags
	FetchFlags
	Feeds    []string      `arg:"" name:"FEED" help:"RSS/Atom feed URLs or files."`
	Interval time.Duration `help:"Polling interval." default:"5m"`
}

// Help implements kong.HelpProvider.
func (WatchCmd) Help() string {
	return `Polls each feed every --interval and publishes each item to JetStream once (deduplicated
by message id), for the workers to process.

Example:
  sitrep watch --interval 2m https://example.org/world.rss https://example.net/atom.xml`
}

func (c *WatchCmd) Run(ctx context.Context, g *Globals) error {
	nc, err := nats.Connect(c.config().URL, nats.Name("sitrep-watch"))
	if err != nil {
		return fmt.Errorf("connect %s: %w", c.config().URL, err)
	}
	defer nc.Drain()
	pub, err := queue.NewPublisher(ctx, nc, c.config())
	if err != nil {
		return err
	}
	w := queue.NewWatcher(pub, g.log)
	policy := c.policy()
	client := policy.Client()
	return w.Poll(ctx, c.Feeds, c.Interval, func(ctx context.Context, src string) ([]queue.Doc, error) {
		return fetchFeedItems(ctx, policy, client, src)
	})
}

// fetchFeedItems turns each feed item into a one-line JSONL document so
// the worker ingests it with the item's own URL, title and date. A feed
// URL is fetched under the outbound-fetch policy.
func fetchFeedItems(ctx context.Context, policy netguard.Policy, client *http.Client, src string) ([]queue.Doc, error) {
	fp := gofeed.NewParser()
	fp.Client = client
	var f *gofeed.Feed
	var err error
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		if _, err := policy.Check(ctx, src); err != nil {
			return nil, fmt.Errorf("feed: %w", err)
		}
		f, err = fp.ParseURLWithContext(src, ctx)
	} else {
		var fh *os.File
		fh, err = os.Open(src)
		if err == nil {
			defer fh.Close()
			f, err = fp.Parse(fh)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", src, err)
	}
	var docs []queue.Doc
	for _, it := range f.Items {
		rec := map[string]any{"url": it.Link, "title": it.Title}
		if it.PublishedParsed != nil {
			rec["published"] = it.PublishedParsed.Format("2006-01-02")
		}
		if it.Content != "" {
			rec["html"] = it.Content
		} else {
			rec["html"] = it.Description
		}
		line, err := json.Marshal(rec)
		if err != nil {
			return nil, err
		}
		id := it.GUID
		if id == "" {
			id = it.Link
		}
		docs = append(docs, queue.Doc{Name: id + ".jsonl", Data: append(line, '\n'), Source: src, ID: id})
	}
	return docs, nil
}

// ExportCmd streams events in an export format.
type ExportCmd struct {
	EventFlags
	Format string `help:"Export format: csv, jsonl, gdelt or gdelt-ext." default:"csv" enum:"csv,jsonl,gdelt,gdelt-ext"`
	Output string `short:"o" help:"Write to this file instead of standard output."`
}

// Help implements kong.HelpProvider.
func (ExportCmd) Help() string {
	return `Streams every matching event (constant memory). gdelt is the GDELT 2.0 event table's
61 columns in GDELT's order (FIPS geo country codes, cluster counts, DATEADDED); gdelt-ext
adds the ISO country, the date precision and fatalities after them. csv has the article's
URL, title and publication date and the event type's name.

Example:
  sitrep export --format gdelt --dyad RUS,PRK -o rus-prk.tsv`
}

func (c *ExportCmd) Run(ctx context.Context, g *Globals) error {
	f, err := c.filter()
	if err != nil {
		return err
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	w := g.stdout
	if c.Output != "" {
		fh, err := os.Create(c.Output)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer fh.Close()
		w = fh
	}
	return export.Write(ctx, w, st, f, c.Format)
}

// AlertsCmd manages alert rules.
type AlertsCmd struct {
	Add  AlertsAddCmd  `cmd:"" help:"Add an alert rule."`
	List AlertsListCmd `cmd:"" help:"List alert rules and recently fired alerts."`
	Rm   AlertsRmCmd   `cmd:"" help:"Remove an alert rule."`
}

// AlertsAddCmd adds a rule.
type AlertsAddCmd struct {
	Name    string  `arg:"" help:"Rule name."`
	Kind    string  `help:"new_event: any matching event; sigma: daily count departs from the trailing baseline by K sigma; first_event: first event of the kind between the dyad." default:"new_event" enum:"new_event,sigma,first_event"`
	Source  string  `help:"Source actor code prefix."`
	Target  string  `help:"Target actor code prefix."`
	Code    string  `help:"CAMEO code prefix."`
	K       float64 `help:"Sigma threshold (sigma rules)." default:"3"`
	Window  int     `help:"Baseline window in days (sigma rules)." default:"30"`
	Webhook string  `help:"URL to POST fired alerts to (JSON); its host must be public unless --allow-private-fetch."`
	FetchFlags
}

// Help implements kong.HelpProvider.
func (AlertsAddCmd) Help() string {
	return "Example:\n  sitrep alerts add rus-prk-military --kind sigma --source RUS --target PRK --code 15 --k 3"
}

func (c *AlertsAddCmd) Run(ctx context.Context, g *Globals) error {
	rule := store.AlertRule{Name: c.Name, Kind: c.Kind, Source: c.Source, Target: c.Target, Code: c.Code, K: c.K, Window: c.Window, Webhook: c.Webhook}
	// The same check as POST /api/alert-rules.
	if err := analysis.ValidateRule(ctx, &rule, c.policy()); err != nil {
		var re *analysis.RuleError
		if errors.As(err, &re) {
			if re.Field == "name" {
				return fmt.Errorf("rule name: %s", re.Message)
			}
			return fmt.Errorf("--%s: %s", re.Field, re.Message)
		}
		return err
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := st.AddAlertRule(ctx, rule)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "added rule %d %q\n", r.ID, r.Name)
	return nil
}

// AlertsListCmd lists rules and fired alerts.
type AlertsListCmd struct {
	Fired int `help:"Also list this many fired alerts." default:"20"`
}

// Help implements kong.HelpProvider.
func (AlertsListCmd) Help() string { return "Example:\n  sitrep alerts list --fired 50" }

func (c *AlertsListCmd) Run(ctx context.Context, g *Globals) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rules, err := st.AlertRules(ctx)
	if err != nil {
		return err
	}
	for _, r := range rules {
		r = analysis.Redacted(r)
		fmt.Fprintf(g.stdout, "rule %d %q: %s source=%s target=%s code=%s k=%g window=%d webhook=%s\n", r.ID, r.Name, r.Kind, orDash(r.Source), orDash(r.Target), orDash(r.Code), r.K, r.Window, orDash(r.Webhook))
	}
	if c.Fired > 0 {
		alerts, err := st.Alerts(ctx, 0, 1<<30)
		if err != nil {
			return err
		}
		if len(alerts) > c.Fired {
			alerts = alerts[len(alerts)-c.Fired:]
		}
		for _, a := range alerts {
			fmt.Fprintf(g.stdout, "alert %d [%s] %s: %s (%s)\n", a.ID, a.FiredAt.Format(time.RFC3339), a.RuleName, a.Message, a.EventKey)
		}
	}
	return nil
}

// AlertsRmCmd removes a rule.
type AlertsRmCmd struct {
	ID int64 `arg:"" help:"Rule id."`
}

// Help implements kong.HelpProvider.
func (AlertsRmCmd) Help() string { return "Example:\n  sitrep alerts rm 3" }

func (c *AlertsRmCmd) Run(ctx context.Context, g *Globals) error {
	return withStore(ctx, g, func(st store.Store) error {
		if err := st.DeleteAlertRule(ctx, c.ID); err != nil {
			return err
		}
		fmt.Fprintf(g.stdout, "removed rule %d\n", c.ID)
		return nil
	})
}
