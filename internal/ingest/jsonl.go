package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
// line; Sources are "NAME:LINE".
func (r *reader) readJSONL(data []byte) error {
	lineNo := 0
	emitted, bad := 0, 0
	for pos := 0; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += pos
		}
		lineNo++
		line := data[pos:end]
		start := pos
		pos = end + 1
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, err := r.jsonlRecord(line, start)
		if err != nil {
			bad++
			r.recordErr(lineNo, int64(start), err)
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

func (r *reader) jsonlRecord(line []byte, start int) (*model.Article, error) {
	var rec jsonRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("invalid JSON: more than one value on the line")
	}
	m := &rawMapper{raw: line, base: start}
	title := strings.Join(strings.Fields(rec.Title), " ")
	text := firstNonEmpty(rec.Text, rec.Body, rec.Content)
	var a *model.Article
	switch {
	case strings.TrimSpace(text) != "":
		a = buildDumpArticle(splitDumpLines([]byte(text)), dumpOpts{title: title, m: m})
		if a == nil {
			return nil, errors.New("record text is only a headline or captions")
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
