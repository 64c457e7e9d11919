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

	"github.com/sitrep-project/sitrep/internal/model"
)

// jsonRecord is one JSONL line. "body" and "content" are accepted as
// synonyms of "text", "date" of "published", since crawlers differ.
type jsonRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Text      string `json:"text"`
	Body      string `json:"body"`
	Content   string `json:"content"`
	HTML      string `json:"html"`
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
	if fixed, first, nbad := repairUTF8(line); first >= 0 {
		line = []byte(fixed)
		m.raw = nil
		warn = decodeWarning(start+int64(first), nbad)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	title := strings.Join(strings.Fields(rec.Title), " ")
	text := firstNonEmpty(rec.Text, rec.Body, rec.Content)
	var a *model.Article
	switch {
	case strings.TrimSpace(text) != "":
		full := len(text)
		text, cut := capText(text, r.opts.MaxArticleBytes)
		a = buildDumpArticle(splitDumpLines([]byte(text)), dumpOpts{title: title, m: m})
		if a == nil {
			return nil, errors.New("record text is only a headline or captions")
		}
		if cut {
			a.Warnings = append(a.Warnings, fmt.Sprintf("text of %d bytes read only up to byte %d: an article is capped at %d bytes (ingest Options.MaxArticleBytes)", full, len(text), r.opts.MaxArticleBytes))
		}
	case strings.TrimSpace(rec.HTML) != "":
		var err error
		a, err = r.htmlArticle([]byte(rec.HTML), m, rec.URL)
		if err != nil {
			return nil, fmt.Errorf("html: %w", err)
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
