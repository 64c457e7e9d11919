package queue

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/nats-io/nats.go"
)

// Headers of a document message. Values are query-escaped so that any
// name or URL (spaces, CR/LF, non-ASCII) survives the MIME-style header
// block unchanged.
const (
	HeaderName      = "Sitrep-Name"
	HeaderPublished = "Sitrep-Published"
	HeaderSource    = "Sitrep-Source"
	HeaderDocID     = "Sitrep-Doc-Id"

	// Dead-letter headers, added to a copy of the failed message.
	HeaderError      = "Sitrep-Error"
	HeaderDeliveries = "Sitrep-Deliveries"
	HeaderSubject    = "Sitrep-Subject"
	HeaderStreamSeq  = "Sitrep-Stream-Seq"
	HeaderFailedAt   = "Sitrep-Failed-At"
)

// maxTokenLen caps the source token so subjects stay short.
const maxTokenLen = 64

// SourceToken turns a document source into one NATS subject token: the
// host of a URL (without "www." and port) or the base name of a path
// (without a record position such as ":12" or "@10234"), lower-cased,
// with every byte outside [a-z0-9_-] replaced by '_'. It is never empty
// ("unknown") and never contains '.', '*', '>' or white space, so it
// cannot change the subject's shape.
func SourceToken(source string) string {
	s := strings.TrimSpace(source)
	if i := strings.IndexFunc(s, func(r rune) bool { return r <= ' ' }); i > 0 && strings.Contains(s[:i], "://") {
		// A URL ends at white space or a control byte; what
		// follows cannot be part of its host.
		s = s[:i]
	}
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		s = u.Hostname()
		s = strings.TrimPrefix(strings.ToLower(s), "www.")
	} else {
		s = path.Base(strings.ReplaceAll(s, "\\", "/"))
		// "feeds.jsonl:12", "crawl.warc.gz@10234": the position is
		// not part of the source's identity.
		if i := strings.LastIndexAny(s, ":@"); i > 0 && allDigits(s[i+1:]) {
			s = s[:i]
		}
	}
	var b strings.Builder
	lastUnderscore := true // trims leading '_'
	for i := 0; i < len(s) && b.Len() < maxTokenLen; i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-':
		default:
			c = '_'
		}
		if c == '_' {
			if lastUnderscore {
				continue
			}
			lastUnderscore = true
		} else {
			lastUnderscore = false
		}
		b.WriteByte(c)
	}
	tok := strings.TrimRight(b.String(), "_")
	if tok == "" {
		return "unknown"
	}
	return tok
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MsgID returns the JetStream message id of d: the hex SHA-256 of d.ID
// when set (prefixed "id-" so it can never equal a content hash), else
// of d.Data. JetStream drops a second message with the same id within
// the stream's dedup window.
func MsgID(d Doc) string {
	if d.ID != "" {
		h := sha256.Sum256([]byte(d.ID))
		return "id-" + hex.EncodeToString(h[:])
	}
	h := sha256.Sum256(d.Data)
	return hex.EncodeToString(h[:])
}

// encodeDoc builds the message of d on subject subj.
func encodeDoc(subj string, d Doc) *nats.Msg {
	m := nats.NewMsg(subj)
	m.Data = d.Data
	set := func(k, v string) {
		if v != "" {
			m.Header.Set(k, url.QueryEscape(v))
		}
	}
	set(HeaderName, d.Name)
	set(HeaderPublished, d.Published)
	set(HeaderSource, d.Source)
	set(HeaderDocID, d.ID)
	return m
}

// decodeDoc reads a document back from a message's headers and data.
func decodeDoc(h nats.Header, data []byte) (Doc, error) {
	var d Doc
	for _, f := range []struct {
		key string
		dst *string
	}{{HeaderName, &d.Name}, {HeaderPublished, &d.Published}, {HeaderSource, &d.Source}, {HeaderDocID, &d.ID}} {
		v, err := url.QueryUnescape(h.Get(f.key))
		if err != nil {
			return Doc{}, fmt.Errorf("header %s: %w", f.key, err)
		}
		*f.dst = v
	}
	d.Data = data
	return d, nil
}

// oneLine makes an error message fit a header value: CR/LF would end the
// header, and a stack of wrapped errors can be long.
func oneLine(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > limit {
		// Cut on a rune boundary so the value stays valid UTF-8.
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
