package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Doc is a raw document to process: the bytes of a file, a feed item or a
// fetched URL, before any ingest step.
type Doc struct {
	// Name is what ingest reads the bytes as (a file name whose
	// extension selects the reader, e.g. "crawl.warc.gz", "item.html").
	Name string
	// Data is the raw content.
	Data []byte
	// Published is a publication date known from outside the bytes
	// (feed metadata, --published), "" if none.
	Published string
	// Source is where the document came from: a URL or a path. Its
	// host or base name becomes the subject token.
	Source string
	// ID optionally names the document for deduplication (a feed item's
	// GUID or link). When empty the SHA-256 of Data is used, so the same
	// bytes published twice are stored once.
	ID string
}

// Config configures the stream, the consumer and the workers. Zero values
// take the DefaultConfig value, so callers can set only what they change.
type Config struct {
	// URL of the NATS server(s), comma separated. Used by the CLI to
	// connect; the package itself takes a connected *nats.Conn.
	URL string
	// Stream is the work stream's name.
	Stream string
	// SubjectPrefix is the subject root of raw documents; each document
	// goes to SubjectPrefix + "." + source token.
	SubjectPrefix string
	// Durable is the shared durable pull consumer all workers use.
	Durable string
	// MaxDeliver is how many times a document is tried before it goes to
	// the dead-letter subject.
	MaxDeliver int
	// AckWait is how long the server waits for an ack (or an in-progress
	// heartbeat) before redelivering. Workers send heartbeats every
	// AckWait/3 while a document is being processed.
	AckWait time.Duration
	// MaxAckPending bounds the documents one worker holds un-acked (and
	// processes concurrently): backpressure per worker.
	MaxAckPending int
	// ConsumerMaxAckPending bounds un-acked documents over all workers,
	// enforced by the server.
	ConsumerMaxAckPending int
	// DeadLetterSubject receives documents that failed MaxDeliver times.
	// Empty means derived from SubjectPrefix: its last token replaced by
	// "dead" ("sitrep.raw" → "sitrep.dead"), so that two deployments
	// with their own prefixes never share dead letters.
	DeadLetterSubject string
	// DeadLetterStream keeps the dead letters (Limits retention, no
	// expiry: nothing is lost). Empty means Stream + "_DEAD": two
	// deployments on one NATS with their own --stream must not rewrite
	// each other's dead-letter stream.
	DeadLetterStream string
	// Replicas is the stream replication factor (3 in the reference
	// cluster, 1 on a single server).
	Replicas int
	// DedupWindow is how long JetStream remembers message ids, so a
	// document re-published within it is stored once in the stream.
	DedupWindow time.Duration
	// RetryDelay is the NAK delay after the first failure; it doubles
	// with each further delivery up to MaxRetryDelay.
	RetryDelay    time.Duration
	MaxRetryDelay time.Duration
	// MaxProcessTime bounds one processing attempt, so a document that
	// hangs the pipeline fails (and is retried) instead of sending
	// in-progress heartbeats forever.
	MaxProcessTime time.Duration
	// FetchWait is how long one pull request waits for messages; it is
	// also the worst-case latency of noticing a shutdown.
	FetchWait time.Duration
	// DrainTimeout is how long in-flight documents may run after Run's
	// context is cancelled before they are abandoned (NAKed).
	DrainTimeout time.Duration
	// LagInterval is how often the queue_lag gauge is sampled.
	LagInterval time.Duration
}

// DefaultConfig returns the configuration of a single-server deployment.
func DefaultConfig() Config {
	return Config{
		URL:                   "nats://127.0.0.1:4222",
		Stream:                "SITREP",
		SubjectPrefix:         "sitrep.raw",
		Durable:               "sitrep-workers",
		MaxDeliver:            5,
		AckWait:               30 * time.Second,
		MaxAckPending:         4,
		ConsumerMaxAckPending: 1024,
		Replicas:              1,
		DedupWindow:           24 * time.Hour,
		RetryDelay:            time.Second,
		MaxRetryDelay:         time.Minute,
		MaxProcessTime:        5 * time.Minute,
		FetchWait:             2 * time.Second,
		DrainTimeout:          30 * time.Second,
		LagInterval:           5 * time.Second,
	}
}

// normalize fills zero fields from DefaultConfig and checks the rest.
func (c Config) normalize() (Config, error) {
	d := DefaultConfig()
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	defInt := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	defDur := func(p *time.Duration, v time.Duration) {
		if *p == 0 {
			*p = v
		}
	}
	def(&c.URL, d.URL)
	def(&c.Stream, d.Stream)
	def(&c.SubjectPrefix, d.SubjectPrefix)
	def(&c.Durable, d.Durable)
	def(&c.DeadLetterSubject, DeadLetterSubjectFor(c.SubjectPrefix))
	def(&c.DeadLetterStream, DeadLetterStreamFor(c.Stream))
	defInt(&c.MaxDeliver, d.MaxDeliver)
	defInt(&c.MaxAckPending, d.MaxAckPending)
	defInt(&c.ConsumerMaxAckPending, d.ConsumerMaxAckPending)
	defInt(&c.Replicas, d.Replicas)
	defDur(&c.AckWait, d.AckWait)
	defDur(&c.DedupWindow, d.DedupWindow)
	defDur(&c.RetryDelay, d.RetryDelay)
	defDur(&c.MaxRetryDelay, d.MaxRetryDelay)
	defDur(&c.MaxProcessTime, d.MaxProcessTime)
	defDur(&c.FetchWait, d.FetchWait)
	defDur(&c.DrainTimeout, d.DrainTimeout)
	defDur(&c.LagInterval, d.LagInterval)

	var errs []error
	for _, n := range []struct{ what, v string }{{"stream", c.Stream}, {"dead-letter stream", c.DeadLetterStream}, {"durable", c.Durable}} {
		if strings.ContainsAny(n.v, ". *>\t\r\n/\\") {
			errs = append(errs, fmt.Errorf("%s name %q: must not contain '.', '*', '>', '/', '\\' or spaces", n.what, n.v))
		}
	}
	if c.Stream == c.DeadLetterStream {
		errs = append(errs, fmt.Errorf("dead-letter stream %q: must differ from the work stream", c.DeadLetterStream))
	}
	for _, s := range []struct{ what, v string }{{"subject prefix", c.SubjectPrefix}, {"dead-letter subject", c.DeadLetterSubject}} {
		if !validSubject(s.v) {
			errs = append(errs, fmt.Errorf("%s %q: not a literal NATS subject", s.what, s.v))
		}
	}
	// The work stream owns SubjectPrefix.>; a dead-letter subject under
	// it would be captured by the work stream and re-processed.
	if c.DeadLetterSubject == c.SubjectPrefix || strings.HasPrefix(c.DeadLetterSubject, c.SubjectPrefix+".") {
		errs = append(errs, fmt.Errorf("dead-letter subject %q: must not lie under the subject prefix %q", c.DeadLetterSubject, c.SubjectPrefix))
	}
	if c.MaxDeliver < 1 {
		errs = append(errs, fmt.Errorf("max deliver %d: must be at least 1", c.MaxDeliver))
	}
	if c.MaxAckPending < 1 {
		errs = append(errs, fmt.Errorf("max ack pending %d: must be at least 1", c.MaxAckPending))
	}
	if c.ConsumerMaxAckPending < c.MaxAckPending {
		errs = append(errs, fmt.Errorf("consumer max ack pending %d: must be at least max ack pending %d", c.ConsumerMaxAckPending, c.MaxAckPending))
	}
	if c.Replicas < 1 || c.Replicas > 5 {
		errs = append(errs, fmt.Errorf("replicas %d: must be 1..5", c.Replicas))
	}
	if c.AckWait < 10*time.Millisecond {
		errs = append(errs, fmt.Errorf("ack wait %v: too short", c.AckWait))
	}
	for _, p := range []struct {
		what string
		v    time.Duration
	}{{"dedup window", c.DedupWindow}, {"retry delay", c.RetryDelay}, {"max retry delay", c.MaxRetryDelay}, {"max process time", c.MaxProcessTime}, {"fetch wait", c.FetchWait}, {"drain timeout", c.DrainTimeout}, {"lag interval", c.LagInterval}} {
		if p.v < 0 {
			errs = append(errs, fmt.Errorf("%s %v: must not be negative", p.what, p.v))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return c, fmt.Errorf("queue config: %w", err)
	}
	return c, nil
}

// DeadLetterStreamFor is the dead-letter stream of a work stream when
// none is configured: STREAM_DEAD.
func DeadLetterStreamFor(stream string) string { return stream + "_DEAD" }

// DeadLetterSubjectFor is the dead-letter subject of a subject prefix
// when none is configured: the prefix's last token replaced by "dead"
// ("sitrep.raw" → "sitrep.dead"), or PREFIX_dead for a one-token prefix.
// Either lies outside PREFIX.>, as the work stream owns that.
func DeadLetterSubjectFor(prefix string) string {
	if i := strings.LastIndexByte(prefix, '.'); i > 0 {
		if dead := prefix[:i] + ".dead"; dead != prefix {
			return dead
		}
		return prefix[:i] + ".dead_letters"
	}
	return prefix + "_dead"
}

// validSubject reports whether s is a literal subject: dot-separated
// non-empty tokens without wildcards or white space.
func validSubject(s string) bool {
	if s == "" {
		return false
	}
	for _, tok := range strings.Split(s, ".") {
		if tok == "" || strings.ContainsAny(tok, "*> \t\r\n") {
			return false
		}
	}
	return true
}

// EnsureStream creates the work stream (or updates it to cfg) and the
// dead-letter stream, and returns the work stream.
//
// The work stream uses WorkQueue retention: a message is deleted once a
// worker acks it, i.e. once its articles are committed to the store. The
// store, not the stream, is the system of record, so keeping processed
// documents (Limits retention) would only grow the stream without bound;
// the raw inputs can be re-published from their archive if needed, and
// idempotent PutArticle makes that harmless. WorkQueue also guarantees
// that only one consumer (the shared durable) takes each message.
// Storage is on file so a server restart loses nothing.
//
// The dead-letter stream uses Limits retention with no age or size limit:
// dead letters stay until an operator looks at them.
func EnsureStream(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Stream, error) {
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	work := jetstream.StreamConfig{
		Name:        cfg.Stream,
		Description: "sitrep raw documents awaiting processing",
		Subjects:    []string{cfg.SubjectPrefix + ".>"},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.DedupWindow,
		Discard:     jetstream.DiscardOld,
	}
	s, err := upsertStream(ctx, js, work)
	if err != nil {
		return nil, fmt.Errorf("ensure work stream %s: %w", cfg.Stream, err)
	}
	dead := jetstream.StreamConfig{
		Name:        cfg.DeadLetterStream,
		Description: "sitrep documents that failed processing",
		Subjects:    []string{cfg.DeadLetterSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.DedupWindow,
	}
	if _, err := upsertStream(ctx, js, dead); err != nil {
		return nil, fmt.Errorf("ensure dead-letter stream %s: %w", cfg.DeadLetterStream, err)
	}
	return s, nil
}

// upsertStream creates sc or updates an existing stream to it. Several
// workers starting at once race to create the stream; the loser of the
// race finds it existing and updates it to the same config.
func upsertStream(ctx context.Context, js jetstream.JetStream, sc jetstream.StreamConfig) (jetstream.Stream, error) {
	for attempt := 0; ; attempt++ {
		s, err := js.CreateOrUpdateStream(ctx, sc)
		if err == nil {
			return s, nil
		}
		if attempt < 2 && errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			continue
		}
		// The server reports a failure to create the stream's files
		// (JSStreamStoreFailed, 10049) when its disk is momentarily
		// overloaded; that is transient, so retry a few times.
		var apiErr *jetstream.APIError
		if attempt < 4 && errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.ErrorCode(10049) {
			select {
			case <-ctx.Done():
				return nil, err
			case <-time.After(time.Duration(attempt+1) * 200 * time.Millisecond):
			}
			continue
		}
		return nil, err
	}
}
