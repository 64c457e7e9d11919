// Package queue is sitrep's scale-out plumbing: raw documents travel over
// a NATS JetStream work queue to any number of workers that process them
// and write the results to a shared store (PostgreSQL in production).
//
// The delivery contract is at-least-once: a Worker acknowledges a message
// only after every article made from it has been committed by
// store.Store.PutArticle. A worker that dies (even by SIGKILL) before the
// ack leaves the message un-acked, and JetStream redelivers it after
// Config.AckWait. Because PutArticle is idempotent (same article id,
// same content: nothing changes, Inserted=false), redelivery never
// stores an article twice, so the store sees exactly-once storage.
//
// A document that keeps failing is retried with exponential back-off
// (NAK with delay) until it has been delivered Config.MaxDeliver times;
// then it is copied with its last error to the dead-letter subject (kept
// by its own stream) and acknowledged, so one poison document never
// blocks the others and is never silently dropped.
//
// The package knows nothing about ingest or the analysis pipeline: the
// CLI injects a Processor that turns a Doc into articles. It depends only
// on internal/model and the store.Store interface.
//
// Pieces:
//   - EnsureStream creates or updates the work stream and the
//     dead-letter stream.
//   - Publisher puts documents on the work stream, deduplicated by
//     JetStream message id (hash of the bytes or of Doc.ID).
//   - Watcher polls feeds and publishes only new items.
//   - Worker pulls from the shared durable consumer, processes, stores,
//     acks; Config.MaxAckPending bounds its in-flight documents.
//   - Metrics exposes Prometheus counters, histograms and gauges.
//   - EmbeddedServer runs nats-server in-process for one-machine
//     deployments (`sitrep serve --embed-nats`) with the same code path.
package queue
