package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/sitrep-project/sitrep/internal/model"
)

// readHTMLInput reads a single HTML page as one article. A page that is
// not valid UTF-8 is transcoded from the charset it declares or, when it
// declares none, has its bad bytes read as Windows-1252 with a warning;
// either way body offsets can no longer point into the input.
func (r *reader) readHTMLInput(data []byte) error {
	m := &rawMapper{raw: data}
	if !utf8.Valid(data) {
		m = nil
		if plain, ok := decodeDeclaredCharset(data, ""); ok {
			data = plain
		} else {
			fixed, first, bad := repairUTF8(data)
			r.warn = append(r.warn, decodeWarning(int64(first), bad))
			data = []byte(fixed)
		}
	}
	a, err := r.htmlArticle(data, m, r.url)
	if err != nil {
		return r.whole(-1, err)
	}
	a.Source = r.name
	return r.finish(a)
}

// decodeDeclaredCharset transcodes an HTML document that declares a
// non-UTF-8 charset (in contentType or a <meta> tag) to UTF-8. ok is false
// when data is not HTML or declares no usable charset.
func decodeDeclaredCharset(data []byte, contentType string) ([]byte, bool) {
	head := strings.ToLower(string(bytes.TrimLeft(data[:min(len(data), 1024)], "\ufeff \t\r\n")))
	if !strings.HasPrefix(head, "<") {
		return nil, false
	}
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain && contentType == "" && !strings.Contains(strings.ToLower(string(data[:min(len(data), 4096)])), "charset") {
		return nil, false
	}
	if name == "utf-8" {
		return nil, false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, false
	}
	return out, true
}

// htmlArticle extracts the main article of an HTML page. m maps body text
// back to raw bytes (nil: no mapping). Publication date comes from the
// page (meta tags, JSON-LD, OpenGraph, via go-htmldate) when it has one.
func (r *reader) htmlArticle(data []byte, m *rawMapper, pageURL string) (*model.Article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	if m != nil {
		// Body text is looked for after <body>, not in <head> metadata
		// that may repeat it (descriptions, JSON-LD).
		if i := indexFoldASCII(string(m.raw[m.cursor:min(len(m.raw), m.cursor+paraWindow*4)]), "<body", 0); i >= 0 {
			m.cursor += i
		}
	}
	a := model.NewArticle()
	if pageURL == "" {
		pageURL = canonicalURL(doc)
	}
	if pageURL != "" {
		a.URL = model.Str(pageURL)
	}
	title := pageTitle(doc)
	a.Title = model.Str(title)
	// The page's declared language, when it has one; detection is left to
	// the text stage.
	if h := findFirst(doc, isTag(atom.Html)); h != nil {
		if l := strings.ToLower(strings.TrimSpace(attr(h, "lang"))); len(l) >= 2 {
			a.Language = l[:2]
		}
	}
	a.Captions = figCaptions(doc)

	// The chosen extractor first; when it finds nothing that reads as an
	// article, the other one on a fresh parse (both modify the tree).
	// Each misses pages the other gets (docs/architecture.md, Ingest).
	var bb *bodyBuilder
	cursor := 0
	if m != nil {
		cursor = m.cursor
	}
	for i, ex := range extractorOrder(r.opts.Extractor) {
		if i > 0 {
			if doc, err = html.Parse(bytes.NewReader(data)); err != nil {
				return nil, fmt.Errorf("parse html: %w", err)
			}
			if m != nil {
				m.cursor = cursor
			}
		}
		content, xerr := extractMain(doc, pageURL, ex)
		if xerr != nil {
			err = xerr
			continue
		}
		if b := blocksToBody(htmlBlocks(content), title, a.Captions, m); looksLikeArticle(b.b.String()) {
			bb = b
			break
		}
		err = ErrNoArticle
	}
	if bb == nil {
		return nil, err
	}
	bb.into(a)

	// fast mode only: the extensive search needs go-dateparser, which
	// this build replaces by a stand-in that finds nothing (doc.go)
	if res, err := htmldate.FromDocument(doc, htmldate.Options{URL: pageURL, UseOriginalDate: true, SkipExtensiveSearch: true}); err == nil && !res.DateTime.IsZero() {
		a.Published = metadataDate(res.DateTime, res.SrcString)
	}
	return a, nil
}

// extractMain runs the chosen extractor and returns the node holding the
// main text. Both extractors mutate or clone the tree; figcaptions were
// read before.
func extractMain(doc *html.Node, pageURL, extractor string) (*html.Node, error) {
	var u *nurl.URL
	if pageURL != "" {
		u, _ = nurl.Parse(pageURL)
	}
	switch extractor {
	case ExtractorReadability:
		p := readability.NewParser()
		p.CharThresholds = 200
		art, err := p.ParseDocument(doc, u)
		if err != nil || art.Node == nil {
			return nil, fmt.Errorf("%w: readability: %v", ErrNoArticle, err)
		}
		return art.Node, nil
	default:
		res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
			OriginalURL:     u,
			ExcludeComments: true,
			HtmlDateMode:    trafilatura.Disabled,
			// Without its fallbacks trafilatura gives up on pages whose
			// paragraphs are <div>s and returns the whole page as one blob.
			EnableFallback: extractor != ExtractorTrafilaturaFast,
		})
		if err != nil || res == nil || res.ContentNode == nil {
			return nil, fmt.Errorf("%w: trafilatura: %v", ErrNoArticle, err)
		}
		return res.ContentNode, nil
	}
}

// block is a paragraph or heading of extracted HTML.
type block struct {
	text    string
	heading bool
	level   int // 1..6 for headings
}

var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Button: true, atom.Figcaption: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Select: true, atom.Head: true,
}

var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Figure: true, atom.Header: true, atom.Body: true, atom.Hr: true,
	atom.Summary: true, atom.Details: true, atom.Address: true,
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// htmlBlocks flattens a node into paragraphs and headings, collapsing
// whitespace.
func htmlBlocks(n *html.Node) []block {
	var out []block
	var buf strings.Builder
	flush := func() {
		t := strings.Join(strings.Fields(buf.String()), " ")
		buf.Reset()
		if t != "" {
			out = append(out, block{text: t})
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			buf.WriteString(n.Data)
			return
		case html.ElementNode:
			tag := tagAtom(n)
			if skipTags[tag] {
				return
			}
			lvl := headingLevel[tag]
			if lvl > 0 {
				flush()
				t := strings.Join(strings.Fields(textOf(n)), " ")
				if t != "" {
					out = append(out, block{text: t, heading: true, level: lvl})
				}
				return
			}
			if tag == atom.Br {
				flush()
				return
			}
			isBlock := blockTags[tag]
			if isBlock {
				flush()
			} else if tag == atom.Img {
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if isBlock {
				flush()
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return out
}

// blocksToBody builds the body: headings h2–h4 become subheadings, an h1
// repeating the title and paragraphs repeating a caption are dropped.
func blocksToBody(blocks []block, title string, caps []model.Caption, m *rawMapper) *bodyBuilder {
	capText := map[string]bool{}
	for _, c := range caps {
		capText[c.Text] = true
		if c.Credit != nil {
			capText[c.Text+" "+*c.Credit] = true
		}
	}
	bb := &bodyBuilder{}
	for _, b := range blocks {
		switch {
		case b.heading && (b.level == 1 || b.text == title):
			continue
		case b.heading && b.level <= 4:
			bb.heading(b.text)
		case capText[b.text] || isBoilerplatePara(b.text):
			continue
		default:
			if _, _, ok := splitCredit(b.text); ok && len(strings.Fields(b.text)) < 40 && capText[firstPart(b.text)] {
				continue
			}
			bb.paraMapped(b.text, m)
		}
	}
	return bb
}

// isBoilerplatePara: a short label that is not a sentence ("Sign up",
// "Share this article") or a run of separated links and labels
// ("About · Privacy · Cookie settings") that an extractor let through.
func isBoilerplatePara(p string) bool {
	if endsSentence(p) {
		return false
	}
	if len(strings.Fields(p)) <= 4 {
		return true
	}
	// "READ MORE: <linked headline>", "ALSO READ: …", "WATCH: …"
	if i := strings.Index(p, ":"); i > 0 && i < 20 && isAllCaps(p[:i]) {
		return true
	}
	seps := 0
	for _, r := range p {
		if r == '·' || r == '|' || r == '•' || r == '»' {
			seps++
		}
	}
	return seps >= 2
}

func firstPart(s string) string {
	t, _, _ := splitCredit(s)
	return t
}

// looksLikeArticle: some running prose, not just link lists and labels.
// A two-sentence brief is an article; so are paragraphs too long to be
// headlines that lack final stops (live pages, captions-style copy).
func looksLikeArticle(body string) bool {
	words, long := 0, 0
	for p := range strings.SplitSeq(body, "\n") {
		n := countWords(p)
		if n >= 8 && endsSentence(p) {
			words += n
		}
		if n >= 15 {
			long++
		}
	}
	return words >= 10 || long >= 2
}

// extractorOrder is the chosen extractor and the one to fall back on.
func extractorOrder(chosen string) []string {
	if chosen == ExtractorReadability {
		return []string{ExtractorReadability, ExtractorTrafilatura}
	}
	return []string{chosen, ExtractorReadability}
}

// tagAtom returns the element's atom; extractors build nodes with only
// Data set, so the name is looked up when DataAtom is missing.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

func isTag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return tagAtom(n) == a }
}

func metaContent(doc *html.Node, keys ...string) string {
	for _, key := range keys {
		for _, n := range findAll(doc, isTag(atom.Meta)) {
			if strings.EqualFold(attr(n, "property"), key) || strings.EqualFold(attr(n, "name"), key) {
				if v := strings.TrimSpace(attr(n, "content")); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// pageTitle prefers the publisher's declared headline (OpenGraph,
// JSON-LD) over <h1> and <title>, which often carry the site name.
func pageTitle(doc *html.Node) string {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if t := metaContent(doc, "og:title", "twitter:title"); t != "" {
		return norm(t)
	}
	if t := jsonLDString(doc, "headline"); t != "" {
		return norm(t)
	}
	if h := findFirst(doc, isTag(atom.H1)); h != nil {
		if t := norm(textOf(h)); t != "" {
			return t
		}
	}
	if h := findFirst(doc, isTag(atom.Title)); h != nil {
		t := norm(textOf(h))
		for _, sep := range []string{" | ", " - ", " — ", " – "} {
			if i := strings.LastIndex(t, sep); i > 0 {
				t = t[:i]
			}
		}
		return t
	}
	return ""
}

func canonicalURL(doc *html.Node) string {
	for _, n := range findAll(doc, isTag(atom.Link)) {
		if strings.EqualFold(attr(n, "rel"), "canonical") {
			if h := strings.TrimSpace(attr(n, "href")); isURL(h) {
				return h
			}
		}
	}
	if u := metaContent(doc, "og:url"); isURL(u) {
		return u
	}
	return ""
}

// jsonLDString returns a top-level string field of the first JSON-LD
// object that has it (also inside "@graph").
func jsonLDString(doc *html.Node, key string) string {
	for _, n := range findAll(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && strings.Contains(attr(n, "type"), "ld+json")
	}) {
		var v any
		if json.Unmarshal([]byte(textOf(n)), &v) != nil {
			continue
		}
		if s := findJSONKey(v, key); s != "" {
			return s
		}
	}
	return ""
}

func findJSONKey(v any, key string) string {
	switch t := v.(type) {
	case map[string]any:
		if s, ok := t[key].(string); ok && s != "" {
			return s
		}
		if g, ok := t["@graph"]; ok {
			return findJSONKey(g, key)
		}
	case []any:
		for _, e := range t {
			if s := findJSONKey(e, key); s != "" {
				return s
			}
		}
	}
	return ""
}

// figCaptions reads the <figcaption>s of the article (of <article> or
// <main> when the page has one), splitting credits off: an element
// marked as credit, <small> or <cite>, or a credit at the end of the text.
func figCaptions(doc *html.Node) []model.Caption {
	root := findFirst(doc, isTag(atom.Article))
	if root == nil {
		root = findFirst(doc, isTag(atom.Main))
	}
	if root == nil {
		root = doc
	}
	out := []model.Caption{}
	seen := map[string]bool{}
	for _, fc := range findAll(root, isTag(atom.Figcaption)) {
		credit := ""
		creditNode := findFirst(fc, func(n *html.Node) bool {
			cls := strings.ToLower(attr(n, "class"))
			return n.DataAtom == atom.Small || n.DataAtom == atom.Cite ||
				strings.Contains(cls, "credit") || strings.Contains(cls, "copyright") || strings.Contains(cls, "source")
		})
		full := strings.Join(strings.Fields(textOf(fc)), " ")
		text := full
		if creditNode != nil {
			credit = strings.Join(strings.Fields(textOf(creditNode)), " ")
			text = strings.TrimSpace(strings.Replace(full, credit, "", 1))
			if _, c, ok := labelledCredit("x. " + credit); ok {
				credit = c
			}
			credit = strings.Trim(credit, "() ")
			text = cleanCaptionText(text)
		} else if t, c, ok := splitCredit(full); ok {
			text, credit = t, c
		}
		if text == "" {
			continue
		}
		key := text + "\x00" + credit
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, model.Caption{Text: text, Credit: model.Str(credit)})
	}
	return out
}
