package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

// Ingest jobs. An upload is spooled to a file while it arrives (memory
// does not grow with it) and then processed in the background, one job
// at a time, while GET /api/ingest/{id} reports progress: a 30 MB dump
// is not one request held open for minutes, and the articles of a job
// are stored and forgotten one batch at a time instead of being
// collected for the answer.

// Limits on what a job remembers for its report.
const (
	maxJobItems  = 1000 // stored articles listed in the report
	maxJobErrors = 100  // record errors listed in the report
	maxErrorLen  = 500  // bytes of one error message
	keepJobs     = 100  // finished jobs kept for GET
)

// Job states.
const (
	JobQueued  = "queued"
	JobRunning = "running"
	JobDone    = "done"
	JobFailed  = "failed"
)

// IngestedArticle is one stored article of an ingest job.
type IngestedArticle struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Events      int    `json:"events"`
	DuplicateOf string `json:"duplicate_of"`
}

// IngestJob is what POST /api/ingest and GET /api/ingest/{id} report.
type IngestJob struct {
	ID    string `json:"id"`
	State string `json:"state"` // queued, running, done, failed
	// Name is the upload's file name hint or the fetched URL.
	Name string `json:"name"`
	// Bytes is the size of the document; BytesRead how much of it the
	// job has read so far.
	Bytes      int64 `json:"bytes"`
	BytesRead  int64 `json:"bytes_read"`
	Articles   int   `json:"articles"`   // articles stored so far
	Events     int   `json:"events"`     // events in them
	Duplicates int   `json:"duplicates"` // near-duplicates of stored articles
	// Items lists the first stored articles; ItemsOmitted counts the
	// rest.
	Items        []IngestedArticle `json:"items"`
	ItemsOmitted int               `json:"items_omitted"`
	// Errors are problems that cost a record, not the upload.
	Errors        []string `json:"errors"`
	ErrorsOmitted int      `json:"errors_omitted"`
	// Error says why the whole document failed (state failed).
	Error    string     `json:"error,omitempty"`
	Created  time.Time  `json:"created"`
	Started  *time.Time `json:"started,omitempty"`
	Finished *time.Time `json:"finished,omitempty"`
}

// job is one upload's processing; it is the IngestSink of its run.
type job struct {
	mu   sync.Mutex
	v    IngestJob
	path string
	done chan struct{}
}

func (j *job) Article(a IngestedArticle) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.v.Articles++
	j.v.Events += a.Events
	if a.DuplicateOf != "" {
		j.v.Duplicates++
	}
	if len(j.v.Items) < maxJobItems {
		j.v.Items = append(j.v.Items, a)
	} else {
		j.v.ItemsOmitted++
	}
}

func (j *job) Error(err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.v.Errors) < maxJobErrors {
		j.v.Errors = append(j.v.Errors, clipText(err.Error(), maxErrorLen))
	} else {
		j.v.ErrorsOmitted++
	}
}

func (j *job) Progress(read, _ int64) {
	j.mu.Lock()
	j.v.BytesRead = read
	j.mu.Unlock()
}

// view is a copy of the job's report.
func (j *job) view() IngestJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	v := j.v
	v.Items = append([]IngestedArticle{}, j.v.Items...)
	v.Errors = append([]string{}, j.v.Errors...)
	return v
}

func (j *job) set(f func(v *IngestJob)) {
	j.mu.Lock()
	f(&j.v)
	j.mu.Unlock()
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// jobs runs ingest jobs one at a time: the store takes one writer, and
// one document's articles at a time keep memory bounded.
type jobs struct {
	s      *Server
	ctx    context.Context
	cancel context.CancelFunc
	queue  chan *job
	start  sync.Once

	mu    sync.Mutex
	byID  map[string]*job
	order []*job
}

func newJobs(s *Server) *jobs {
	ctx, cancel := context.WithCancel(context.Background())
	return &jobs{s: s, ctx: ctx, cancel: cancel, queue: make(chan *job, s.opts.MaxJobs), byID: map[string]*job{}}
}

// errBusy means MaxJobs jobs are waiting or running.
var errBusy = errors.New("too many ingest jobs waiting")

// submit queues the spooled document at path. The job owns the file
// from here on and removes it when done.
func (js *jobs) submit(name, path string, size int64) (*job, error) {
	js.start.Do(func() { go js.run() })
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	j := &job{path: path, done: make(chan struct{}), v: IngestJob{
		ID: hex.EncodeToString(id), State: JobQueued, Name: name, Bytes: size,
		Items: []IngestedArticle{}, Errors: []string{}, Created: time.Now().UTC(),
	}}
	js.mu.Lock()
	defer js.mu.Unlock()
	select {
	case js.queue <- j:
	default:
		return nil, errBusy
	}
	js.byID[j.v.ID] = j
	js.order = append(js.order, j)
	js.prune()
	return j, nil
}

// prune forgets the oldest finished jobs beyond keepJobs.
func (js *jobs) prune() {
	for len(js.order) > keepJobs {
		old := js.order[0]
		select {
		case <-old.done:
		default:
			return // the oldest is still queued or running
		}
		delete(js.byID, old.v.ID)
		js.order = js.order[1:]
	}
}

func (js *jobs) get(id string) (*job, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.byID[id]
	return j, ok
}

func (js *jobs) run() {
	for {
		select {
		case <-js.ctx.Done():
			js.failQueued()
			return
		case j := <-js.queue:
			js.process(j)
		}
	}
}

func (js *jobs) process(j *job) {
	defer close(j.done)
	defer os.Remove(j.path)
	now := time.Now().UTC()
	j.set(func(v *IngestJob) { v.State, v.Started = JobRunning, &now })
	err := js.s.opts.Ingest(js.ctx, j.v.Name, j.path, j)
	end := time.Now().UTC()
	j.set(func(v *IngestJob) {
		v.Finished = &end
		switch {
		case err != nil:
			v.State, v.Error = JobFailed, clipText(err.Error(), maxErrorLen)
		case v.Articles == 0 && len(v.Errors) > 0:
			v.State, v.Error = JobFailed, v.Errors[0]
		default:
			v.State, v.BytesRead = JobDone, v.Bytes
		}
	})
	if err != nil {
		js.s.log.Warn("ingest job failed", "job", j.v.ID, "name", j.v.Name, "err", err)
	}
}

// failQueued ends the jobs still waiting at shutdown.
func (js *jobs) failQueued() {
	for {
		select {
		case j := <-js.queue:
			end := time.Now().UTC()
			j.set(func(v *IngestJob) {
				v.State, v.Error, v.Finished = JobFailed, "the server shut down before the job ran", &end
			})
			os.Remove(j.path)
			close(j.done)
		default:
			return
		}
	}
}

// close cancels the running job and ends the queued ones.
func (js *jobs) close() { js.cancel() }

// wait blocks until j is done or ctx ends.
func (j *job) wait(ctx context.Context) error {
	select {
	case <-j.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for ingest job: %w", ctx.Err())
	}
}
