package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Publisher puts raw documents on the work stream.
type Publisher struct {
	cfg Config
	nc  *nats.Conn
	js  jetstream.JetStream
	m   *Metrics
	log *slog.Logger
}

// NewPublisher ensures the streams exist (see EnsureStream) and returns a
// publisher on nc. Metrics and logger default to unregistered metrics and
// slog.Default(); set them with WithMetrics / WithLogger.
func NewPublisher(ctx context.Context, nc *nats.Conn, cfg Config) (*Publisher, error) {
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("new publisher: %w", err)
	}
	if _, err := EnsureStream(ctx, js, cfg); err != nil {
		return nil, fmt.Errorf("new publisher: %w", err)
	}
	return &Publisher{cfg: cfg, nc: nc, js: js, m: NewMetrics(nil), log: slog.Default()}, nil
}

// WithMetrics makes p count into m and returns p.
func (p *Publisher) WithMetrics(m *Metrics) *Publisher {
	if m != nil {
		p.m = m
	}
	return p
}

// WithLogger makes p log to log and returns p.
func (p *Publisher) WithLogger(log *slog.Logger) *Publisher {
	if log != nil {
		p.log = log
	}
	return p
}

// Subject returns the subject d is published on:
// SubjectPrefix + "." + SourceToken(d.Source).
func (p *Publisher) Subject(d Doc) string {
	return p.cfg.SubjectPrefix + "." + SourceToken(d.Source)
}

// Publish stores d in the work stream and waits for the server's ack, so
// a nil error means the document is durable. The message id is MsgID(d):
// publishing the same document again within Config.DedupWindow is a
// no-op for the stream.
func (p *Publisher) Publish(ctx context.Context, d Doc) error {
	_, err := p.publish(ctx, d)
	return err
}

// PublishNew is Publish that also says whether the stream stored the
// document (true) or already held it (false: JetStream's PubAck
// reported a duplicate id within the dedup window), so that callers
// can count what was really new.
func (p *Publisher) PublishNew(ctx context.Context, d Doc) (stored bool, err error) {
	dup, err := p.publish(ctx, d)
	return err == nil && !dup, err
}

// publish is Publish that also reports whether the server found the
// document to be a duplicate.
func (p *Publisher) publish(ctx context.Context, d Doc) (dup bool, err error) {
	if len(d.Data) == 0 {
		return false, fmt.Errorf("publish %s: empty document", docLabel(d))
	}
	msg := encodeDoc(p.Subject(d), d)
	// Headers and protocol overhead share the payload limit; leave
	// room for them so the error names the document, not the server.
	if limit := p.nc.MaxPayload(); limit > 0 && int64(len(d.Data))+4096 > limit {
		p.m.Fail(StagePublish)
		return false, fmt.Errorf("publish %s: %d bytes exceed the server's max payload %d; split it into records before publishing", docLabel(d), len(d.Data), limit)
	}
	start := time.Now()
	ack, err := p.js.PublishMsg(ctx, msg, jetstream.WithMsgID(MsgID(d)), jetstream.WithExpectStream(p.cfg.Stream))
	p.m.Observe(StagePublish, time.Since(start))
	if err != nil {
		p.m.Fail(StagePublish)
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return false, fmt.Errorf("publish %s: %w", docLabel(d), err)
		}
		return false, fmt.Errorf("publish %s to %s: %w", docLabel(d), msg.Subject, err)
	}
	if ack.Duplicate {
		p.m.Published.WithLabelValues("duplicate").Inc()
	} else {
		p.m.Published.WithLabelValues("new").Inc()
	}
	return ack.Duplicate, nil
}

// docLabel names a document in errors and logs.
func docLabel(d Doc) string {
	switch {
	case d.Source != "":
		return d.Source
	case d.Name != "":
		return d.Name
	case d.ID != "":
		return d.ID
	}
	return MsgID(d)[:12]
}
