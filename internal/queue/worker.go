package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Processor turns one raw document into fully processed articles (ingest
// and the analysis pipeline). The CLI injects it. It must honour ctx and
// may be called concurrently, and more than once for the same document
// (redelivery), so it must not have side effects beyond its result.
// Returning an error wrapped with Permanent sends the document to the
// dead-letter subject at once instead of retrying it; articles returned
// together with a Permanent error are stored first, so one bad record
// of a document costs only itself (the dead letter says what failed).
type Processor func(ctx context.Context, d Doc) ([]*model.Article, error)

// PermanentError marks a failure that retrying cannot fix (unreadable
// input, unsupported format).
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent wraps err so that the Worker dead-letters the document
// without further attempts. Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &PermanentError{Err: err}
}

// Worker pulls documents from the shared durable consumer, processes
// them and stores the articles. Any number of workers, in one process or
// many, may share the consumer; each message goes to one of them.
type Worker struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	cfg  Config
	st   store.Store
	proc Processor
	m    *Metrics
	log  *slog.Logger
}

// NewWorker returns a worker. m may be nil (unregistered metrics) and log
// may be nil (slog.Default()).
func NewWorker(nc *nats.Conn, cfg Config, st store.Store, proc Processor, m *Metrics, log *slog.Logger) (*Worker, error) {
	if nc == nil || st == nil || proc == nil {
		return nil, errors.New("new worker: connection, store and processor are required")
	}
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("new worker: %w", err)
	}
	if m == nil {
		m = NewMetrics(nil)
	}
	if log == nil {
		log = slog.Default()
	}
	log = log.With("component", "queue-worker", "stream", cfg.Stream, "consumer", cfg.Durable)
	return &Worker{nc: nc, js: js, cfg: cfg, st: st, proc: proc, m: m, log: log}, nil
}

// consumer ensures the streams and the shared durable consumer exist.
func (w *Worker) consumer(ctx context.Context) (jetstream.Consumer, error) {
	if _, err := EnsureStream(ctx, w.js, w.cfg); err != nil {
		return nil, err
	}
	cons, err := w.js.CreateOrUpdateConsumer(ctx, w.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       w.cfg.Durable,
		Description:   "sitrep workers (shared)",
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       w.cfg.AckWait,
		// One more than our own limit: the extra delivery reaches a
		// worker when every earlier attempt died with its worker
		// (SIGKILL, OOM) before it could ack or NAK, so the document
		// is dead-lettered instead of being stuck in the stream.
		MaxDeliver:    w.cfg.MaxDeliver + 1,
		MaxAckPending: w.cfg.ConsumerMaxAckPending,
		FilterSubject: w.cfg.SubjectPrefix + ".>",
	})
	if err != nil {
		return nil, fmt.Errorf("ensure consumer %s on %s: %w", w.cfg.Durable, w.cfg.Stream, err)
	}
	return cons, nil
}

// Run processes documents until ctx is cancelled, then stops pulling,
// lets in-flight documents finish (up to Config.DrainTimeout; those
// still running afterwards are NAKed for another worker) and returns
// nil. It returns an error when the stream or consumer cannot be set up
// or the connection is closed.
func (w *Worker) Run(ctx context.Context) error {
	cons, err := w.consumer(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil // cancelled while starting: nothing was taken
		}
		return fmt.Errorf("worker: %w", err)
	}
	w.log.Info("worker started", "max_ack_pending", w.cfg.MaxAckPending, "ack_wait", w.cfg.AckWait, "max_deliver", w.cfg.MaxDeliver)

	// In-flight documents keep running after ctx is cancelled, so a
	// shutdown does not waste work (and a delivery attempt), but no
	// longer than DrainTimeout.
	workCtx, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	stopDrain := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(w.cfg.DrainTimeout, cancelWork)
		context.AfterFunc(workCtx, func() { t.Stop() })
	})
	defer stopDrain()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.sampleLag(ctx, cons)
	}()

	// slots holds one token per free processing slot: a worker never
	// holds more than MaxAckPending un-acked messages, because it only
	// asks the server for as many messages as it has free slots.
	slots := make(chan struct{}, w.cfg.MaxAckPending)
	for range w.cfg.MaxAckPending {
		slots <- struct{}{}
	}
	var runErr error
	failures := 0
pull:
	for {
		select {
		case <-ctx.Done():
			break pull
		case <-slots:
		}
		n := 1
	more:
		for n < w.cfg.MaxAckPending {
			select {
			case <-slots:
				n++
			default:
				break more
			}
		}
		start := time.Now()
		batch, err := cons.Fetch(n, jetstream.FetchMaxWait(w.cfg.FetchWait))
		got := 0
		if err == nil {
			for msg := range batch.Messages() {
				got++
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer func() { slots <- struct{}{} }()
					w.handle(workCtx, msg)
				}()
			}
			err = batch.Error()
		}
		for ; got < n; got++ {
			slots <- struct{}{}
		}
		if err == nil {
			failures = 0
			continue
		}
		if w.nc.IsClosed() {
			runErr = fmt.Errorf("worker: nats connection closed: %w", err)
			break
		}
		w.m.Fail(StageFetch)
		failures++
		w.log.Warn("fetch failed", "err", err, "after", time.Since(start), "consecutive", failures)
		if errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) {
			// Someone deleted the consumer (or the stream was
			// re-created): re-create it rather than spin.
			if c, err := w.consumer(ctx); err == nil {
				cons = c
			}
		}
		// Back off on repeated failures (leader election, server
		// restart) instead of hammering the server.
		delay := min(time.Duration(failures)*200*time.Millisecond, 5*time.Second)
		select {
		case <-ctx.Done():
		case <-time.After(delay):
		}
	}
	wg.Wait()
	w.log.Info("worker stopped")
	return runErr
}

// sampleLag keeps the queue_lag gauge current until ctx is done.
func (w *Worker) sampleLag(ctx context.Context, cons jetstream.Consumer) {
	t := time.NewTicker(w.cfg.LagInterval)
	defer t.Stop()
	for {
		ictx, cancel := context.WithTimeout(ctx, w.cfg.LagInterval)
		if info, err := cons.Info(ictx); err == nil {
			w.m.QueueLag.Set(float64(info.NumPending))
		}
		cancel()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// handle processes one message and settles it: ack after the store
// commit, NAK with back-off on failure, dead letter after MaxDeliver.
func (w *Worker) handle(ctx context.Context, msg jetstream.Msg) {
	w.m.InFlight.Inc()
	defer w.m.InFlight.Dec()
	meta, err := msg.Metadata()
	if err != nil {
		// Fetch only yields JetStream messages; without metadata we
		// cannot count deliveries, so let the server redeliver.
		w.m.Fail(StageDecode)
		w.log.Error("message without JetStream metadata", "subject", msg.Subject(), "err", err)
		_ = msg.Nak()
		return
	}
	log := w.log.With("subject", msg.Subject(), "seq", meta.Sequence.Stream, "delivery", meta.NumDelivered)
	doc, err := decodeDoc(msg.Headers(), msg.Data())
	if err != nil {
		w.m.Fail(StageDecode)
		w.deadLetter(ctx, msg, meta, fmt.Errorf("decode message: %w", err), log)
		return
	}
	log = log.With("doc", docLabel(doc))
	if meta.NumDelivered > uint64(w.cfg.MaxDeliver) {
		w.deadLetter(ctx, msg, meta, fmt.Errorf("delivered %d times without an ack or nak: the workers processing it died or stalled", meta.NumDelivered-1), log)
		return
	}

	stop := w.heartbeat(msg, log)
	err = w.processAndStore(ctx, doc)
	stop()

	switch {
	case err == nil:
		start := time.Now()
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		aerr := msg.DoubleAck(actx)
		cancel()
		w.m.Observe(StageAck, time.Since(start))
		if aerr != nil {
			// The articles are committed; the redelivery will find
			// them stored (Inserted=false) and ack again.
			w.m.Fail(StageAck)
			log.Warn("ack failed after commit; the document will be redelivered and deduplicated by the store", "err", aerr)
			return
		}
		w.m.Docs.WithLabelValues("done").Inc()
		log.Debug("document done")
	case errors.As(err, new(*PermanentError)) || meta.NumDelivered >= uint64(w.cfg.MaxDeliver):
		w.deadLetter(ctx, msg, meta, err, log)
	case ctx.Err() != nil:
		// Drain timeout: hand the document to another worker now.
		log.Warn("document abandoned at shutdown", "err", err)
		_ = msg.Nak()
	default:
		delay := w.backoff(meta.NumDelivered)
		log.Warn("document failed; will retry", "err", err, "retry_in", delay)
		w.m.Docs.WithLabelValues("retry").Inc()
		if nerr := msg.NakWithDelay(delay); nerr != nil {
			log.Warn("nak failed; the server redelivers after ack wait", "err", nerr)
		}
	}
}

// backoff is the NAK delay after the n-th delivery failed.
func (w *Worker) backoff(n uint64) time.Duration {
	d := w.cfg.RetryDelay
	for i := uint64(1); i < n && d < w.cfg.MaxRetryDelay; i++ {
		d *= 2
	}
	return min(d, w.cfg.MaxRetryDelay)
}

// heartbeat tells the server every AckWait/3 that msg is still being
// worked on, so a long document is not redelivered to a second worker
// while the first is still busy with it. The returned func stops it and
// waits, so no heartbeat races the final ack.
func (w *Worker) heartbeat(msg jetstream.Msg, log *slog.Logger) (stop func()) {
	done := make(chan struct{})
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		t := time.NewTicker(max(w.cfg.AckWait/3, time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if err := msg.InProgress(); err != nil {
					log.Debug("in-progress heartbeat failed", "err", err)
				}
			}
		}
	}()
	return func() {
		close(done)
		<-exited
	}
}

// processAndStore runs the Processor and commits every article. A
// failure part-way is safe: articles already stored are found again on
// redelivery (PutArticle is idempotent).
func (w *Worker) processAndStore(ctx context.Context, doc Doc) error {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.MaxProcessTime)
	defer cancel()
	start := time.Now()
	arts, perr := w.runProcessor(ctx, doc)
	w.m.Observe(StageProcess, time.Since(start))
	if perr != nil {
		w.m.Fail(StageProcess)
		perr = fmt.Errorf("process %s: %w", docLabel(doc), perr)
		if !errors.As(perr, new(*PermanentError)) {
			return perr // retried whole: store nothing of a partial result
		}
	}
	for _, a := range arts {
		if a == nil {
			continue
		}
		start := time.Now()
		res, err := w.st.PutArticle(ctx, a)
		w.m.Observe(StageStore, time.Since(start))
		if err != nil {
			w.m.Fail(StageStore)
			return fmt.Errorf("store article %s of %s: %w", a.ID, docLabel(doc), err)
		}
		if res.Inserted {
			w.m.Articles.Inc()
			w.m.Events.Add(float64(res.Events))
		} else {
			w.m.Duplicates.Inc()
		}
	}
	return perr
}

// runProcessor calls the Processor, turning a panic into an error so one
// bad document cannot take the worker (and its in-flight neighbours)
// down; the document is retried and eventually dead-lettered.
func (w *Worker) runProcessor(ctx context.Context, doc Doc) (arts []*model.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			w.log.Error("processor panicked", "doc", docLabel(doc), "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("processor panic: %v", r)
		}
	}()
	return w.proc(ctx, doc)
}

// deadLetter copies msg with the failure to the dead-letter subject and
// then acks it, so it leaves the work queue without being lost. If the
// copy cannot be published the message is NAKed and tried again later.
func (w *Worker) deadLetter(ctx context.Context, msg jetstream.Msg, meta *jetstream.MsgMetadata, cause error, log *slog.Logger) {
	// Dead-lettering must finish even during a drain timeout.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	dl := nats.NewMsg(w.cfg.DeadLetterSubject)
	dl.Data = msg.Data()
	origID := ""
	for k, v := range msg.Headers() {
		if k == nats.MsgIdHdr && len(v) > 0 {
			origID = v[0]
		}
		if strings.HasPrefix(k, "Nats-") {
			continue
		}
		dl.Header[k] = v
	}
	dl.Header.Set(HeaderError, oneLine(cause.Error(), 2048))
	dl.Header.Set(HeaderDeliveries, strconv.FormatUint(meta.NumDelivered, 10))
	dl.Header.Set(HeaderSubject, msg.Subject())
	dl.Header.Set(HeaderStreamSeq, strconv.FormatUint(meta.Sequence.Stream, 10))
	dl.Header.Set(HeaderFailedAt, time.Now().UTC().Format(time.RFC3339))
	// A crash between this publish and the ack below redelivers the
	// message; the same id makes the second dead letter a no-op.
	id := fmt.Sprintf("%s-%d-%s", meta.Stream, meta.Sequence.Stream, origID)
	start := time.Now()
	_, err := w.js.PublishMsg(ctx, dl, jetstream.WithMsgID(id), jetstream.WithExpectStream(w.cfg.DeadLetterStream))
	w.m.Observe(StageDeadLetter, time.Since(start))
	if err != nil {
		w.m.Fail(StageDeadLetter)
		log.Error("dead-letter publish failed; will retry", "cause", cause, "err", err)
		_ = msg.NakWithDelay(w.cfg.MaxRetryDelay)
		return
	}
	// Ack rather than Term: on a WorkQueue stream an ack removes the
	// message on every server version, and the copy is safe in the
	// dead-letter stream.
	if err := msg.DoubleAck(ctx); err != nil {
		w.m.Fail(StageAck)
		log.Warn("ack of dead-lettered message failed; its redelivery is deduplicated", "err", err)
	}
	w.m.DeadLetters.Inc()
	w.m.Docs.WithLabelValues("dead").Inc()
	log.Error("document dead-lettered", "err", cause, "deliveries", meta.NumDelivered, "dead_letter_subject", w.cfg.DeadLetterSubject)
}
