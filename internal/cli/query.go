package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// OutputFlags choose between a table and JSON.
type OutputFlags struct {
	Format string `help:"Output format." default:"table" enum:"table,json"`
	Limit  int    `help:"Rows per page (max 1000)." default:"50"`
	All    bool   `help:"Follow the cursor through every page."`
}

func writeJSONLines[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return nil
}

// pages calls fetch with successive cursors until the end (or one page
// when all is false) and hands each page to emit.
func pages[T any](ctx context.Context, all bool, fetch func(cursor string) (store.Page[T], error), emit func([]T) error) error {
	cursor := ""
	for {
		p, err := fetch(cursor)
		if err != nil {
			return err
		}
		if err := emit(p.Items); err != nil {
			return err
		}
		if !all || p.Next == "" || ctx.Err() != nil {
			return ctx.Err()
		}
		cursor = p.Next
	}
}

// list prints every page fetch returns, as JSON Lines or as a table
// with header and one row line per item (tab-separated columns).
func list[T any](ctx context.Context, g *Globals, of OutputFlags, header string, fetch func(cursor string) (store.Page[T], error), row func(T) string) error {
	tw := tabwriter.NewWriter(g.stdout, 2, 4, 2, ' ', 0)
	if of.Format == "table" {
		fmt.Fprintln(tw, header)
	}
	err := pages(ctx, of.All, fetch, func(items []T) error {
		if of.Format == "json" {
			return writeJSONLines(g.stdout, items)
		}
		for _, it := range items {
			fmt.Fprintln(tw, row(it))
		}
		return nil
	})
	if ferr := tw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// withStore opens the database for the length of fn.
func withStore(ctx context.Context, g *Globals, fn func(store.Store) error) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// ArticlesCmd lists stored articles.
type ArticlesCmd struct {
	OutputFlags
	Text  string `short:"q" aliases:"query" help:"Full-text query over titles and bodies (the API's text parameter; --query is its old name)."`
	Since string `help:"Published on or after (YYYY-MM-DD)."`
	Until string `help:"Published on or before (YYYY-MM-DD)."`
}

// Help implements kong.HelpProvider.
func (ArticlesCmd) Help() string {
	return "Example:\n  sitrep articles --text 'missile boat' --format json"
}

func (c *ArticlesCmd) Run(ctx context.Context, g *Globals) error {
	return withStore(ctx, g, func(st store.Store) error {
		return list(ctx, g, c.OutputFlags, "ID\tPUBLISHED\tSENT\tEVENTS\tTITLE", func(cur string) (store.Page[store.ArticleSummary], error) {
			return st.Articles(ctx, store.ArticleFilter{Text: c.Text, Since: c.Since, Until: c.Until, Limit: c.Limit, Cursor: cur})
		}, func(a store.ArticleSummary) string {
			dup := ""
			if a.DuplicateOf != "" {
				dup = " (duplicate of " + short(a.DuplicateOf) + ")"
			}
			return fmt.Sprintf("%s\t%s\t%d\t%d\t%s%s", short(a.ID), orDash(a.Published), a.Sentences, a.Events, a.Title, dup)
		})
	})
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// ShowCmd prints one article with marks.
type ShowCmd struct {
	Article string `arg:"" help:"Article id (or a unique prefix of at least 6 characters)."`
	JSON    bool   `help:"Print the article's JSON document instead."`
}

// Help implements kong.HelpProvider.
func (ShowCmd) Help() string {
	return `Entities are marked [text|TYPE CODE], events are listed under their sentence.

Example:
  sitrep show 3f2a9c1b7d0e`
}

func (c *ShowCmd) Run(ctx context.Context, g *Globals) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := findArticle(ctx, st, c.Article)
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(g.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	}
	renderArticle(g.stdout, a)
	return nil
}

// findArticle accepts a full id or a unique prefix.
func findArticle(ctx context.Context, st store.Store, id string) (*model.Article, error) {
	a, err := st.Article(ctx, id)
	if err == nil {
		return a, nil
	}
	if len(id) < 6 {
		return nil, fmt.Errorf("article %q: %w", id, err)
	}
	var match []string
	err = pages(ctx, true, func(cur string) (store.Page[store.ArticleSummary], error) {
		return st.Articles(ctx, store.ArticleFilter{Limit: store.MaxLimit, Cursor: cur})
	}, func(items []store.ArticleSummary) error {
		for _, s := range items {
			if strings.HasPrefix(s.ID, id) {
				match = append(match, s.ID)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	switch len(match) {
	case 0:
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	case 1:
		return st.Article(ctx, match[0])
	}
	return nil, fmt.Errorf("article prefix %q is ambiguous (%d matches)", id, len(match))
}

type mark struct {
	span  model.Span
	label string
}

// renderArticle prints the article with entity mentions marked inline
// and each sentence's events and quotes below it.
func renderArticle(w io.Writer, a *model.Article) {
	fmt.Fprintf(w, "# %s\n", model.Deref(a.Title))
	fmt.Fprintf(w, "id %s  published %s (%s)", a.ID, orDash(model.Deref(a.Published.Date)), a.Published.Source)
	if a.URL != nil {
		fmt.Fprintf(w, "  %s", *a.URL)
	}
	fmt.Fprintln(w)
	for _, c := range a.Captions {
		fmt.Fprintf(w, "caption: %s [%s]\n", c.Text, orDash(model.Deref(c.Credit)))
	}
	var marks []mark
	for _, e := range a.Entities {
		label := e.Type
		if e.Code != nil {
			label += " " + *e.Code
		}
		for _, m := range e.Mentions {
			marks = append(marks, mark{m.Span(), label})
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].span.Start < marks[j].span.Start })
	head := 0
	for _, s := range a.Sentences {
		for head < len(a.HeadingAt) && head < len(a.Subheadings) && a.HeadingAt[head] <= s.Start {
			fmt.Fprintf(w, "\n## %s\n", a.Subheadings[head])
			head++
		}
		fmt.Fprintf(w, "\n[%d] %s\n", s.Index, markText(a.Body, s.Span(), marks))
		for _, ev := range a.Events {
			if ev.Sentence != s.Index {
				continue
			}
			tgt := "-"
			if ev.Target != nil {
				tgt = ev.Target.Code
			}
			fmt.Fprintf(w, "    event %s: %s -> %s  CAMEO %s (%+.1f, quad %d) %s  date %s  %q\n", ev.ID, ev.Source.Code, tgt, ev.Cameo, ev.Goldstein, ev.QuadClass, ev.Modality, orDash(model.Deref(ev.Date.Value)), ev.Verb)
		}
		for _, q := range a.Quotes {
			if q.Sentence == s.Index {
				fmt.Fprintf(w, "    quote by %s: %q\n", speakerName(a, q.Speaker), q.Text)
			}
		}
	}
}

func speakerName(a *model.Article, id *string) string {
	for _, e := range a.Entities {
		if id != nil && e.ID == *id {
			return e.Name
		}
	}
	return "?"
}

// markText is body's span s with the marks inside it (sorted by start)
// written "[text|label]"; a span that does not fit the body (a document
// stored by another version, or edited) is clipped to it, and a mark
// that does not fit the span, or overlaps the one before, is left out.
func markText(body string, s model.Span, marks []mark) string {
	s.Start, s.End = max(0, min(s.Start, len(body))), max(0, min(s.End, len(body)))
	if s.End < s.Start {
		s.End = s.Start
	}
	var b strings.Builder
	pos := s.Start
	for _, m := range marks {
		if m.span.Start < pos || m.span.End > s.End || m.span.End < m.span.Start {
			continue
		}
		b.WriteString(body[pos:m.span.Start])
		fmt.Fprintf(&b, "[%s|%s]", body[m.span.Start:m.span.End], m.label)
		pos = m.span.End
	}
	b.WriteString(body[pos:s.End])
	return b.String()
}

// EntitiesCmd lists entities across the store.
type EntitiesCmd struct {
	OutputFlags
	Name string `help:"Substring of the name."`
	Type string `help:"Entity type." enum:",PERSON,ORG,PLACE,EQUIPMENT" default:""`
	Code string `help:"Actor code prefix (e.g. RUS, IGOUNO)."`
}

// Help implements kong.HelpProvider.
func (EntitiesCmd) Help() string { return "Example:\n  sitrep entities --type PERSON --code RUS" }

func (c *EntitiesCmd) Run(ctx context.Context, g *Globals) error {
	return withStore(ctx, g, func(st store.Store) error {
		return list(ctx, g, c.OutputFlags, "NAME\tTYPE\tCODE\tARTICLES\tMENTIONS", func(cur string) (store.Page[store.EntitySummary], error) {
			return st.Entities(ctx, store.EntityFilter{Name: c.Name, Type: c.Type, Code: c.Code, Limit: c.Limit, Cursor: cur})
		}, func(e store.EntitySummary) string {
			return fmt.Sprintf("%s\t%s\t%s\t%d\t%d", e.Name, e.Type, orDash(e.Code), e.Articles, e.Mentions)
		})
	})
}

// EventFlags are the event filters shared by events, export and timeline.
type EventFlags struct {
	Actor    string   `help:"Actor code prefix on either side (e.g. RUS)."`
	Dyad     string   `help:"Two actor code prefixes A,B (source,target; see --undirected)."`
	Directed bool     `help:"With --dyad: only A acting on B (default: both directions)."`
	Code     string   `help:"CAMEO code prefix (e.g. 19, 042)."`
	Modality []string `help:"Modality (asserted, future, possible, denied, alleged, habitual, negated); repeatable."`
	Since    string   `help:"Event date on or after (YYYY-MM-DD)."`
	Until    string   `help:"Event date on or before (YYYY-MM-DD)."`
	Text     string   `help:"Full-text query on the source sentence."`
	Country  string   `help:"Where the event took place: ISO 3166 alpha-3 code, any case (e.g. SDN)."`
	Region   string   `help:"The event's first-level division (state, province): code or name, any case (e.g. US.TX, Texas, Kano)."`
}

func (f EventFlags) filter() (store.EventFilter, error) {
	ef := store.EventFilter{Actor: f.Actor, Code: f.Code, Modality: f.Modality, Since: f.Since, Until: f.Until, Text: f.Text}
	ef.Country = strings.ToUpper(strings.TrimSpace(f.Country))
	ef.Region = strings.TrimSpace(f.Region)
	if f.Dyad != "" {
		parts := strings.Split(f.Dyad, ",")
		if len(parts) != 2 {
			return ef, fmt.Errorf("--dyad %q: want two actor codes A,B", f.Dyad)
		}
		ef.Source, ef.Target = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		ef.Undirected = !f.Directed
	}
	for _, d := range []string{f.Since, f.Until} {
		if _, ok := ingest.ParseDate(d); d != "" && !ok {
			return ef, fmt.Errorf("date %q: want YYYY-MM-DD", d)
		}
	}
	valid := map[string]bool{model.ModalityAsserted: true, model.ModalityFuture: true, model.ModalityPossible: true, model.ModalityDenied: true, model.ModalityAlleged: true, model.ModalityHabitual: true, model.ModalityNegated: true}
	for _, m := range f.Modality {
		if !valid[m] {
			return ef, fmt.Errorf("--modality %q: not a modality", m)
		}
	}
	return ef, nil
}

// EventsCmd lists events.
type EventsCmd struct {
	OutputFlags
	EventFlags
	Oldest bool `help:"Oldest first (default: newest first; undated events last)."`
}

// Help implements kong.HelpProvider.
func (EventsCmd) Help() string {
	return "Example:\n  sitrep events --dyad RUS,PRK --code 04 --modality future --format json"
}

func (c *EventsCmd) Run(ctx context.Context, g *Globals) error {
	f, err := c.filter()
	if err != nil {
		return err
	}
	return withStore(ctx, g, func(st store.Store) error {
		return list(ctx, g, c.OutputFlags, eventHeader, func(cur string) (store.Page[store.EventRecord], error) {
			f.Limit, f.Cursor, f.Newest = c.Limit, cur, !c.Oldest
			return st.Events(ctx, f)
		}, eventRow)
	})
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// QuotesCmd lists quotes.
type QuotesCmd struct {
	OutputFlags
	Speaker string `help:"Substring of the speaker's name."`
	Text    string `help:"Full-text query."`
}

// Help implements kong.HelpProvider.
func (QuotesCmd) Help() string { return "Example:\n  sitrep quotes --speaker Haines" }

func (c *QuotesCmd) Run(ctx context.Context, g *Globals) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return pages(ctx, c.All, func(cur string) (store.Page[store.QuoteRecord], error) {
		return st.Quotes(ctx, store.QuoteFilter{Speaker: c.Speaker, Text: c.Text, Limit: c.Limit, Cursor: cur})
	}, func(items []store.QuoteRecord) error {
		if c.Format == "json" {
			return writeJSONLines(g.stdout, items)
		}
		for _, q := range items {
			fmt.Fprintf(g.stdout, "%s (%s): “%s”\n", orDash(q.SpeakerName), orDash(q.SpeakerCode), q.Text)
		}
		return nil
	})
}

// TimelineCmd prints a dyad timeline.
type TimelineCmd struct {
	A        string `arg:"" help:"First actor code prefix (source when --directed)."`
	B        string `arg:"" optional:"" help:"Second actor code prefix (empty: any)."`
	Directed bool   `help:"Only A acting on B."`
	Code     string `help:"CAMEO prefix."`
	Interval string `help:"Bucket size: day, week or month." default:"day" enum:"day,week,month"`
	Since    string `help:"From (YYYY-MM-DD)."`
	Until    string `help:"To (YYYY-MM-DD)."`
	Format   string `help:"Output format." default:"table" enum:"table,json"`
}

// Help implements kong.HelpProvider.
func (TimelineCmd) Help() string { return "Example:\n  sitrep timeline RUS PRK --interval week" }

func (c *TimelineCmd) Run(ctx context.Context, g *Globals) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	pts, err := st.Timeline(ctx, store.TimelineQuery{A: c.A, B: c.B, Directed: c.Directed, Code: c.Code, Interval: c.Interval, Since: c.Since, Until: c.Until})
	if err != nil {
		return err
	}
	if c.Format == "json" {
		return writeJSONLines(g.stdout, pts)
	}
	return printTimeline(g.stdout, pts)
}
