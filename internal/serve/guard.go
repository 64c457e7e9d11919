package serve

import (
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
)

// allowedHosts returns the Host names the server answers, or nil for
// any: the configured list, or the loopback names when the server
// listens on loopback only. A server on loopback is meant for the
// machine's own browser; without the check, a page on any site whose
// name the attacker points at 127.0.0.1 (DNS rebinding) could read the
// API from that browser.
func allowedHosts(addr string, configured []string) []string {
	var out []string
	for _, h := range configured {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			out = append(out, strings.Trim(h, "[]"))
		}
	}
	if len(out) > 0 {
		return out
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	loopback := strings.EqualFold(host, "localhost")
	if a, err := netip.ParseAddr(host); err == nil {
		loopback = a.IsLoopback()
	}
	if !loopback {
		return nil
	}
	return []string{"localhost", "127.0.0.1", "::1"}
}

// hostAllowed checks a request's Host header (port ignored).
func (s *Server) hostAllowed(hostport string) bool {
	if s.hosts == nil {
		return true
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	return slices.Contains(s.hosts, host)
}

// bodyDeadline gives a request that carries a body BodyTimeout to send
// it. The deadline is the connection's read deadline, so it must be
// lifted once the body is read (bodyRead): a read deadline that passes
// while the handler still works cancels the request.
func (s *Server) bodyDeadline(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
		return
	}
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.opts.BodyTimeout))
}

// bodyRead lifts the body deadline after the whole body was read, and
// gives the response its own write time from now (the body may have
// taken most of the request's WriteTimeout).
func (s *Server) bodyRead(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout))
}

// refuseBody prepares a response to a request whose body will not be
// read: the connection is closed after the response, and the read
// deadline is now, so net/http does not drain (up to 256 KiB of) the
// body before or after answering.
func refuseBody(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	_ = http.NewResponseController(w).SetReadDeadline(time.Now())
}

// isTimeout reports a body read cut by the body deadline.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// knownParams answers 400 for a query parameter the endpoint does not
// know, naming it.
func knownParams(names []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			writeError(w, http.StatusBadRequest, "bad_request", "malformed query string", "")
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !slices.Contains(names, k) {
				msg := "unknown query parameter " + quoteParam(k)
				if len(names) == 0 {
					msg += "; this endpoint takes none"
				} else {
					msg += " (known: " + strings.Join(names, ", ") + ")"
				}
				writeError(w, http.StatusBadRequest, "unknown_parameter", msg, clipParam(k))
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func quoteParam(k string) string { return `"` + clipParam(k) + `"` }

// clipParam bounds a parameter name echoed in an error.
func clipParam(k string) string {
	if len(k) > maxParamName {
		return k[:maxParamName] + "…"
	}
	return k
}
