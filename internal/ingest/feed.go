package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sitrep-project/sitrep/internal/model"
)

// fullPageSize is the size of item content above which it is run through
// the boilerplate-removing extractor: long content:encoded often carries
// share bars and related links; short descriptions are plain text.
const fullPageSize = 3000

// readFeed reads an RSS, Atom or JSON feed: each item is an article.
// Sources are "NAME#ITEM" (1-based item number). mapped says whether
// data are the input's own bytes (not repaired), so that body offsets
// can point into them.
func (r *reader) readFeed(data []byte, mapped bool) error {
	s := bytes.TrimLeft(data, "\ufeff \t\r\n")
	if len(s) == 0 || (s[0] != '<' && s[0] != '{') {
		return r.whole(0, fmt.Errorf("%w: content starts with %q", ErrNotXML, string(s[:min(len(s), 20)])))
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if s[0] == '<' {
			return r.whole(-1, fmt.Errorf("%w: %w", ErrNotXML, err))
		}
		return r.whole(-1, fmt.Errorf("parse json feed: %w", err))
	}
	m := &rawMapper{}
	if mapped {
		m.raw = data
	}
	emitted := 0
	for i, it := range feed.Items {
		rec := i + 1
		a, err := r.feedItem(it, m)
		if err != nil {
			r.recordErr(rec, -1, err)
			continue
		}
		a.Source = fmt.Sprintf("%s#%d", r.name, rec)
		if err := r.finish(a); err != nil {
			return err
		}
		emitted++
	}
	if emitted == 0 {
		return r.whole(-1, fmt.Errorf("%w: feed has %d items, none with text", ErrNoArticle, len(feed.Items)))
	}
	return nil
}

func (r *reader) feedItem(it *gofeed.Item, m *rawMapper) (*model.Article, error) {
	content := it.Content
	if strings.TrimSpace(content) == "" {
		content = it.Description
	}
	if strings.TrimSpace(content) == "" {
		return nil, errors.New("item has no text")
	}
	title := strings.Join(strings.Fields(it.Title), " ")
	// Move the mapper to this item so that its words are found there.
	if title != "" {
		if i := m.find(title); i >= 0 {
			m.cursor = i
		}
	}
	var a *model.Article
	if len(content) >= fullPageSize && strings.Count(content, "<p") >= 3 {
		if pa, err := r.htmlArticle([]byte("<html><head><title>"+html.EscapeString(title)+"</title></head><body><article>"+content+"</article></body></html>"), m, it.Link); err == nil {
			pa.Published = model.Published{Source: model.DateUnknown} // the wrapper has no date of its own
			a = pa
		}
	}
	if a == nil {
		var err error
		a, err = fragmentArticle(content, title, m)
		if err != nil {
			return nil, err
		}
	}
	a.Title = model.Str(title)
	a.URL = model.Str(strings.TrimSpace(it.Link))
	switch {
	case it.PublishedParsed != nil:
		a.Published = metadataDate(*it.PublishedParsed, it.Published)
	case it.UpdatedParsed != nil:
		a.Published = metadataDate(*it.UpdatedParsed, it.Updated)
	}
	return a, nil
}

// fragmentArticle strips an HTML (or plain-text) fragment into an
// article body without boilerplate removal.
func fragmentArticle(content, title string, m *rawMapper) (*model.Article, error) {
	doc, err := html.Parse(strings.NewReader("<html><body>" + content + "</body></html>"))
	if err != nil {
		return nil, fmt.Errorf("parse item html: %w", err)
	}
	a := model.NewArticle()
	a.Captions = figCaptions(doc)
	body := findFirst(doc, isTag(atom.Body))
	if body == nil {
		body = doc
	}
	bb := blocksToBody(htmlBlocks(body), title, a.Captions, m)
	if bb.empty() {
		return nil, errors.New("item has no text")
	}
	bb.into(a)
	return a, nil
}
