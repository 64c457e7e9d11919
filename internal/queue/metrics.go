package queue

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Stage labels used by this package for failures_total and
// stage_latency_seconds. A Processor may record its own stages (ingest,
// text, entities, events) through Metrics.Observe and Metrics.Fail.
const (
	StageFetch      = "fetch"      // pulling from the consumer, or a Watcher fetching a feed
	StageDecode     = "decode"     // reading a message back into a Doc
	StageProcess    = "process"    // the injected Processor
	StageStore      = "store"      // PutArticle
	StageAck        = "ack"        // acknowledging after the commit
	StageDeadLetter = "deadletter" // publishing to the dead-letter subject
	StagePublish    = "publish"    // Publisher / Watcher publishing a document
)

// Metrics are the Prometheus instruments of the queue. One Metrics may be
// shared by all workers of a process. The zero value is not usable; use
// NewMetrics.
type Metrics struct {
	Articles     prometheus.Counter       // sitrep_articles_total: articles newly stored
	Duplicates   prometheus.Counter       // sitrep_duplicate_articles_total: PutArticle found the article already stored
	Events       prometheus.Counter       // sitrep_events_total: events stored
	Docs         *prometheus.CounterVec   // sitrep_docs_total{outcome="done|retry|dead"}
	Failures     *prometheus.CounterVec   // sitrep_failures_total{stage}
	DeadLetters  prometheus.Counter       // sitrep_dead_letters_total
	Published    *prometheus.CounterVec   // sitrep_published_total{result="new|duplicate"}
	StageLatency *prometheus.HistogramVec // sitrep_stage_latency_seconds{stage}
	QueueLag     prometheus.Gauge         // sitrep_queue_lag: consumer NumPending, sampled
	InFlight     prometheus.Gauge         // sitrep_in_flight: documents being processed by this process
}

// NewMetrics creates the instruments and registers them with reg (nil:
// not registered, e.g. in tests). Registering twice with the same
// registry reuses the already registered collectors, so several
// components of one process can each call NewMetrics.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Articles: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "sitrep", Name: "articles_total",
			Help: "Articles newly stored by queue workers.",
		}),
		Duplicates: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "sitrep", Name: "duplicate_articles_total",
			Help: "Articles a worker produced that were already stored (redeliveries, re-published inputs).",
		}),
		Events: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "sitrep", Name: "events_total",
			Help: "Events stored by queue workers.",
		}),
		Docs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "sitrep", Name: "docs_total",
			Help: "Documents handled by workers, by outcome (done, retry, dead).",
		}, []string{"outcome"}),
		Failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "sitrep", Name: "failures_total",
			Help: "Failures by stage.",
		}, []string{"stage"}),
		DeadLetters: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "sitrep", Name: "dead_letters_total",
			Help: "Documents moved to the dead-letter subject.",
		}),
		Published: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "sitrep", Name: "published_total",
			Help: "Documents published to the work stream, by result (new, duplicate).",
		}, []string{"result"}),
		StageLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "sitrep", Name: "stage_latency_seconds",
			Help: "Latency of each stage per document.",
			// 1 ms .. ~65 s: a small text is milliseconds, a WARC
			// record through the full pipeline can take seconds.
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 17),
		}, []string{"stage"}),
		QueueLag: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "sitrep", Name: "queue_lag",
			Help: "Documents waiting in the work stream for the shared consumer (NumPending, sampled).",
		}),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "sitrep", Name: "in_flight",
			Help: "Documents being processed by workers of this process.",
		}),
	}
	if reg != nil {
		m.Articles = register(reg, m.Articles)
		m.Duplicates = register(reg, m.Duplicates)
		m.Events = register(reg, m.Events)
		m.Docs = register(reg, m.Docs)
		m.Failures = register(reg, m.Failures)
		m.DeadLetters = register(reg, m.DeadLetters)
		m.Published = register(reg, m.Published)
		m.StageLatency = register(reg, m.StageLatency)
		m.QueueLag = register(reg, m.QueueLag)
		m.InFlight = register(reg, m.InFlight)
	}
	return m
}

// register registers c, or returns the collector already registered
// under the same description.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(C); ok {
				return existing
			}
		}
		// A conflicting metric of another type is a programming
		// error: fail loudly as MustRegister would.
		panic(err)
	}
	return c
}

// Observe records how long a stage took for one document.
func (m *Metrics) Observe(stage string, d time.Duration) {
	m.StageLatency.WithLabelValues(stage).Observe(d.Seconds())
}

// Fail counts a failure of a stage.
func (m *Metrics) Fail(stage string) {
	m.Failures.WithLabelValues(stage).Inc()
}
