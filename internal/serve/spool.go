package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/sitrep-project/sitrep/internal/netguard"
)

// maxHead is how much of a spooled upload is read back to tell an empty
// body or a {"url": ...} request from a document.
const maxHead = 64 << 10

// spool copies a request body to a new file in SpoolDir. The body is
// already limited to MaxBodyBytes and to BodyTimeout by the middleware.
func (s *Server) spool(body io.Reader) (path string, size int64, err error) {
	f, err := os.CreateTemp(s.opts.SpoolDir, "sitrep-upload-*")
	if err != nil {
		return "", 0, fmt.Errorf("spool upload: %w", err)
	}
	size, err = io.Copy(f, body)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("spool upload: %w", cerr)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", 0, err
	}
	return f.Name(), size, nil
}

// spoolHead returns a small spooled document's bytes (nil for a large
// one) and whether it holds only white space.
func spoolHead(path string, size int64) (head []byte, blank bool, err error) {
	if size > maxHead {
		return nil, false, nil
	}
	head, err = os.ReadFile(path)
	if err != nil {
		return nil, false, fmt.Errorf("read spooled upload: %w", err)
	}
	return head, len(bytes.TrimSpace(head)) == 0, nil
}

// fetchError is a failed server-side fetch and the status it deserves.
type fetchError struct {
	status int
	code   string
	err    error
}

func (e *fetchError) Error() string { return e.err.Error() }
func (e *fetchError) Unwrap() error { return e.err }

// fetchToSpool fetches raw under the outbound-fetch policy (checked
// before the request, on every redirect hop and at dial time) into a
// spool file, at most MaxBodyBytes.
func (s *Server) fetchToSpool(ctx context.Context, raw string) (path string, size int64, err error) {
	if len(raw) > netguardMaxURL {
		return "", 0, &fetchError{http.StatusBadRequest, "bad_request", fmt.Errorf("url longer than %d bytes", netguardMaxURL)}
	}
	u, err := s.opts.Fetch.Check(ctx, raw)
	if err != nil {
		return "", 0, &fetchError{http.StatusBadRequest, "bad_request", err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", 0, &fetchError{http.StatusBadRequest, "bad_request", err}
	}
	req.Header.Set("User-Agent", "sitrep/1 (+ingest)")
	resp, err := s.fetch.Do(req)
	if err != nil {
		if errors.Is(err, netguard.ErrForbidden) || errors.Is(err, netguard.ErrBadURL) {
			return "", 0, &fetchError{http.StatusBadRequest, "bad_request", err}
		}
		return "", 0, &fetchError{http.StatusBadGateway, "fetch_failed", fmt.Errorf("fetch %s: %w", u.Redacted(), err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", 0, &fetchError{http.StatusBadGateway, "fetch_failed", fmt.Errorf("fetch %s: %s", u.Redacted(), resp.Status)}
	}
	path, size, err = s.spool(io.LimitReader(resp.Body, s.opts.MaxBodyBytes+1))
	if err != nil {
		return "", 0, &fetchError{http.StatusBadGateway, "fetch_failed", fmt.Errorf("fetch %s: %w", u.Redacted(), err)}
	}
	if size > s.opts.MaxBodyBytes {
		os.Remove(path)
		return "", 0, &fetchError{http.StatusRequestEntityTooLarge, "payload_too_large", fmt.Errorf("the document at %s exceeds %d bytes", u.Redacted(), s.opts.MaxBodyBytes)}
	}
	return path, size, nil
}

// netguardMaxURL bounds a URL posted for the server to fetch.
const netguardMaxURL = 2048

func (s *Server) fetchFailed(w http.ResponseWriter, r *http.Request, err error) {
	var fe *fetchError
	if !errors.As(err, &fe) {
		s.fail(w, r, err)
		return
	}
	if fe.status >= 500 {
		s.log.Warn("ingest fetch failed", "err", fe.err)
	}
	writeError(w, fe.status, fe.code, clipText(fe.err.Error(), maxErrorLen), "url")
}
