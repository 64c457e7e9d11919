package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// jsonRecord is one JSONL line. "body" and "content" are accepted as
// synonyms of "text", "date" of "published", since crawlers differ. The
// long fields stay raw until they are cut to size (rawJSONString): a
// 50 MB string is then never unescaped whole.
type jsonRecord struct {
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Date      string          `json:"date"`
	Text      json.RawMessage `json:"text"`
	Body      json.RawMessage `json:"body"`
	Content   json.RawMessage `json:"content"`
	HTML      json.RawMessage `json:"html"`
}

// rawJSONString decodes a raw JSON string value, reading at most about
// limit bytes of it (limit <= 0: all); cut reports that the rest was
// left out. null or absent is "".
func rawJSONString(name string, raw json.RawMessage, limit int) (s string, cut bool, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false, nil
	}
	if raw[0] != '"' {
		return "", false, fmt.Errorf("invalid JSON: %q is not a string", name)
	}
	if limit > 0 && len(raw) > limit+2 {
		// Cut between two characters or escapes, never inside one.
		i := 1
		for i < limit {
			switch {
			case raw[i] != '\\':
				i++
			case i+1 < len(raw) && raw[i+1] == 'u':
				i += 6
			default:
				i += 2
			}
		}
		raw = append(raw[:i:i], '"')
		cut = true
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false, fmt.Errorf("invalid JSON in %q: %w", name, err)
	}
	return s, cut, nil
}

// readJSONL reads one {url, title, published, text | html} object per
// line, streaming; Sources are "NAME:LINE". A line longer than MaxBytes
// is a record error and is skipped.
func (r *reader) readJSONL(br *bufio.Reader) error {
	lr := &lineReader{br: br, max: int(min(r.opts.MaxBytes, math.MaxInt32))}
	lineNo := 0
	emitted, bad := 0, 0
	for {
		line, start, long, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return &Error{Source: r.name, Record: lineNo + 1, Offset: start, Err: r.readErr(err)}
		}
		lineNo++
		if long {
			bad++
			r.recordErr(lineNo, start, fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, lr.max))
			if err := lr.skipLine(); err != nil {
				return &Error{Source: r.name, Record: lineNo, Offset: start, Err: r.readErr(err)}
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, err := r.jsonlRecord(line, start)
		lr.release()
		if err != nil {
			bad++
			r.recordErr(lineNo, start, err)
			continue
		}
		a.Source = fmt.Sprintf("%s:%d", r.name, lineNo)
		if err := r.finish(a); err != nil {
			return err
		}
		emitted++
	}
	if emitted == 0 && bad == 0 {
		return r.whole(-1, ErrEmpty)
	}
	return nil
}

func (r *reader) jsonlRecord(line []byte, start int64) (*model.Article, error) {
	// Body offsets point into the line; a line whose bytes had to be
	// repaired cannot be pointed into.
	m := &rawMapper{raw: line, base: int(start)}
	var warn string
	if !utf8.Valid(line) {
		fixed, first, nbad := repairUTF8(line)
		line = []byte(fixed)
		m.raw = nil
		warn = decodeWarning(start+int64(first), nbad)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	title := strings.Join(strings.Fields(rec.Title), " ")
	// Raw text is read up to three times the cap (escapes and dropped
	// lines make it longer than the body it gives), HTML up to four.
	limit := r.opts.MaxArticleBytes
	var text, page string
	var full int
	var cut bool
	for _, f := range []struct {
		name string
		raw  json.RawMessage
	}{{"text", rec.Text}, {"body", rec.Body}, {"content", rec.Content}} {
		t, c, err := rawJSONString(f.name, f.raw, 3*limit)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(t) != "" {
			text, cut, full = t, c, len(f.raw)
			break
		}
	}
	page, pageCut, err := rawJSONString("html", rec.HTML, 4*limit)
	if err != nil {
		return nil, err
	}
	var a *model.Article
	switch {
	case strings.TrimSpace(text) != "":
		t, c := capText(text, limit)
		a = buildDumpArticle(splitDumpLines([]byte(t)), dumpOpts{title: title, m: m, stated: true})
		if a == nil {
			return nil, errors.New("record text is only a headline or captions")
		}
		if c || cut {
			a.Warnings = append(a.Warnings, fmt.Sprintf("text of about %d bytes read only up to byte %d: an article is capped at %d bytes (ingest Options.MaxArticleBytes)", max(full, len(text)), len(t), limit))
		}
	case strings.TrimSpace(page) != "":
		a, err = r.htmlArticle([]byte(page), m, rec.URL)
		if err != nil {
			return nil, fmt.Errorf("html: %w", err)
		}
		if pageCut {
			a.Warnings = append(a.Warnings, fmt.Sprintf("html of about %d bytes read only up to byte %d (4 times the article cap)", len(rec.HTML), len(page)))
		}
		if title != "" {
			a.Title = model.Str(title)
		}
	default:
		return nil, errors.New(`record has no "text" or "html"`)
	}
	if warn != "" {
		addWarning(a, warn)
	}
	if u := strings.TrimSpace(rec.URL); u != "" {
		a.URL = model.Str(u)
	}
	if p := firstNonEmpty(rec.Published, rec.Date); p != "" {
		if pub, ok := parseLooseDate(p); ok {
			a.Published = pub
		} else {
			a.Warnings = append(a.Warnings, fmt.Sprintf("unreadable published date %q ignored", p))
		}
	}
	return a, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
