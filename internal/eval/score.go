package eval

import (
	"fmt"
	"math"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Failure is one thing the run got wrong, with the sentence it concerns.
type Failure struct {
	Article  string // gold article id
	Kind     string // "missed-event", "false-positive", "forbidden", "entity", "time", ...
	What     string
	Sentence string
}

func (f Failure) String() string {
	s := fmt.Sprintf("[%s] %s: %s", f.Article, f.Kind, f.What)
	if f.Sentence != "" {
		s += "\n      in: " + f.Sentence
	}
	return s
}

// Counts is a hit/total pair.
type Counts struct{ Hit, Total int }

// Ratio returns Hit/Total, or 1 when Total is 0.
func (c Counts) Ratio() float64 {
	if c.Total == 0 {
		return 1
	}
	return float64(c.Hit) / float64(c.Total)
}

func (c *Counts) add(ok bool) {
	c.Total++
	if ok {
		c.Hit++
	}
}

// Report is the result of scoring a run against a gold file.
type Report struct {
	Recall      Counts // required events matched / required
	Precision   Counts // extracted events matching required|optional / extracted
	Forbidden   int    // extracted events matching a forbidden entry
	Entities    Counts
	NotEntities Counts // must_not_find_entities respected
	Coreference Counts
	Times       Counts
	Quantities  Counts
	Quotes      Counts
	Published   Counts // dates inferred (or reported unknown) correctly
	Structure   Counts // titles, captions, subheadings, body checks
	Failures    []Failure
}

// normQuotes folds curly quotes and apostrophes to straight ones and
// collapses whitespace, so evidence strings compare as the scorer says.
func normQuotes(s string) string {
	r := strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u2018", "'", "\u2019", "'", "\u00a0", " ")
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

func hasPrefixAny(code string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// eventMatches implements the gold matching rule for one extracted event.
func eventMatches(a *model.Article, ev model.Event, g GoldEvent) bool {
	if ev.Sentence < 0 || ev.Sentence >= len(a.Sentences) {
		return false
	}
	if !strings.Contains(normQuotes(a.Sentences[ev.Sentence].Text), normQuotes(g.Evidence)) {
		return false
	}
	if !hasPrefixAny(ev.Source.Code, g.Source) {
		return false
	}
	if !targetMatches(ev.Target, g.Target) {
		return false
	}
	if !hasPrefixAny(ev.Cameo, g.Cameo) {
		return false
	}
	if g.Date != "" && !strings.HasPrefix(model.Deref(ev.Date.Value), g.Date) {
		return false
	}
	if len(g.Modality) > 0 {
		ok := false
		for _, m := range g.Modality {
			ok = ok || ev.Modality == m
		}
		if !ok {
			return false
		}
	}
	return true
}

// targetMatches: an empty list or one holding "" accepts anything; "-"
// accepts a missing target; other entries are code prefixes.
func targetMatches(t *model.Actor, gold []string) bool {
	if len(gold) == 0 {
		return true
	}
	var prefixes []string
	for _, g := range gold {
		switch g {
		case "":
			return true
		case "-":
			if t == nil {
				return true
			}
		default:
			prefixes = append(prefixes, g)
		}
	}
	return t != nil && hasPrefixAny(t.Code, prefixes)
}

func describeEvent(ev model.Event) string {
	tgt := "-"
	if ev.Target != nil {
		tgt = ev.Target.Code
	}
	return fmt.Sprintf("%s %s→%s %s (%s, %s) %q", ev.ID, ev.Source.Code, tgt, ev.Cameo, ev.Modality, model.Deref(ev.Date.Value), ev.Verb)
}

func describeGold(g GoldEvent) string {
	id := g.ID
	if id == "" {
		id = g.Evidence
	}
	return fmt.Sprintf("%s: %v→%v cameo %v date %q modality %v", id, g.Source, g.Target, g.Cameo, g.Date, []string(g.Modality))
}

func sentenceOf(a *model.Article, evidence string) string {
	for _, s := range a.Sentences {
		if strings.Contains(normQuotes(s.Text), normQuotes(evidence)) {
			return s.Text
		}
	}
	return "(no sentence contains the evidence)"
}

// ScoreEvents adds one article's event scores to r.
func (r *Report) ScoreEvents(id string, a *model.Article, g GoldArticle) {
	for _, req := range g.Events.Required {
		ok := false
		for _, ev := range a.Events {
			if eventMatches(a, ev, req) {
				ok = true
				break
			}
		}
		r.Recall.add(ok)
		if !ok {
			r.Failures = append(r.Failures, Failure{id, "missed-event", describeGold(req), sentenceOf(a, req.Evidence)})
		}
	}
	for _, ev := range a.Events {
		good := false
		for _, list := range [][]GoldEvent{g.Events.Required, g.Events.Optional} {
			for _, ge := range list {
				good = good || eventMatches(a, ev, ge)
			}
		}
		r.Precision.add(good)
		sent := ""
		if ev.Sentence >= 0 && ev.Sentence < len(a.Sentences) {
			sent = a.Sentences[ev.Sentence].Text
		}
		if !good {
			r.Failures = append(r.Failures, Failure{id, "false-positive", describeEvent(ev), sent})
		}
		for _, f := range g.Forbidden {
			if eventMatches(a, ev, f) {
				r.Forbidden++
				r.Failures = append(r.Failures, Failure{id, "FORBIDDEN", describeEvent(ev) + " matches " + describeGold(f), sent})
			}
		}
	}
}

// haversineKM is the great-circle distance between two points.
func haversineKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// nameMatches accepts an entity for a gold name when its canonical name
// or one of its mentions equals the name, ignoring case and quote style.
func nameMatches(e model.Entity, name string) bool {
	n := strings.ToLower(normQuotes(name))
	if strings.ToLower(normQuotes(e.Name)) == n {
		return true
	}
	for _, m := range e.Mentions {
		if strings.ToLower(normQuotes(m.Text)) == n {
			return true
		}
	}
	return false
}

// entityProblem returns "" when e satisfies g, else what is wrong.
func entityProblem(e model.Entity, g GoldEntity) string {
	if g.Type != "" && e.Type != g.Type {
		return fmt.Sprintf("type %s, want %s", e.Type, g.Type)
	}
	if g.Actor != "" {
		code := model.Deref(e.Code)
		if code == "" {
			code = model.Deref(e.Country)
		}
		if !strings.HasPrefix(code, g.Actor) {
			return fmt.Sprintf("code %q, want prefix %s", code, g.Actor)
		}
	}
	for _, want := range g.Role {
		found := false
		for _, have := range e.Roles {
			found = found || strings.Contains(strings.ToLower(have), strings.ToLower(want))
		}
		if !found {
			return fmt.Sprintf("roles %q lack %q", e.Roles, want)
		}
	}
	if g.RoleIsFormer && !e.Former {
		return "not marked former"
	}
	if g.Lat != nil && g.Lon != nil {
		if e.Lat == nil || e.Lon == nil {
			return "no coordinates"
		}
		tol := g.ToleranceKM
		if tol == 0 {
			tol = 50
		}
		if d := haversineKM(*e.Lat, *e.Lon, *g.Lat, *g.Lon); d > tol {
			return fmt.Sprintf("%.0f km from the gold coordinates", d)
		}
	}
	return ""
}

func findEntity(a *model.Article, name string) []model.Entity {
	var out []model.Entity
	for _, e := range a.Entities {
		if nameMatches(e, name) {
			out = append(out, e)
		}
	}
	return out
}

// ScoreEntities scores entities, forbidden entities and coreference.
func (r *Report) ScoreEntities(id string, a *model.Article, g GoldArticle) {
	for _, ge := range g.Entities {
		cands := findEntity(a, ge.Name)
		problem := "not found"
		for _, e := range cands {
			p := entityProblem(e, ge)
			if p == "" {
				problem = ""
				break
			}
			problem = p
		}
		r.Entities.add(problem == "")
		if problem != "" {
			r.Failures = append(r.Failures, Failure{id, "entity", fmt.Sprintf("%s %s: %s", ge.Type, ge.Name, problem), ""})
		}
	}
	for _, ge := range g.MustNotFindEntities {
		bad := false
		for _, e := range a.Entities {
			bad = bad || (e.Type == ge.Type && strings.EqualFold(e.Name, ge.Name))
		}
		r.NotEntities.add(!bad)
		if bad {
			r.Failures = append(r.Failures, Failure{id, "entity", fmt.Sprintf("%s %s must not be found", ge.Type, ge.Name), ""})
		}
	}
	for _, c := range g.Coreference {
		ok := false
		idx := sentenceIndex(a, c.Sentence)
		for _, e := range findEntity(a, c.Entity) {
			for _, m := range e.Mentions {
				ok = ok || (m.Sentence == idx && strings.EqualFold(normQuotes(m.Text), normQuotes(c.Mention)))
			}
		}
		r.Coreference.add(ok)
		if !ok {
			r.Failures = append(r.Failures, Failure{id, "coreference", fmt.Sprintf("%q should resolve to %s", c.Mention, c.Entity), sentenceOf(a, c.Sentence)})
		}
	}
}

func sentenceIndex(a *model.Article, contains string) int {
	for i, s := range a.Sentences {
		if strings.Contains(normQuotes(s.Text), normQuotes(contains)) {
			return i
		}
	}
	return -1
}

// ScoreTimes scores time expressions and quantities.
func (r *Report) ScoreTimes(id string, a *model.Article, g GoldArticle) {
	for _, gt := range g.Times {
		idx := sentenceIndex(a, gt.Sentence)
		problem := "not found"
		for _, t := range a.Times {
			if t.Sentence != idx || !strings.EqualFold(normQuotes(t.Text), normQuotes(gt.Text)) {
				continue
			}
			switch {
			case gt.Value != "" && model.Deref(t.Value) != gt.Value:
				problem = fmt.Sprintf("value %q, want %q", model.Deref(t.Value), gt.Value)
			case gt.Precision != "" && t.Precision != gt.Precision:
				problem = fmt.Sprintf("precision %q, want %q", t.Precision, gt.Precision)
			case gt.From != "" && !strings.HasPrefix(model.Deref(t.From), gt.From):
				problem = fmt.Sprintf("from %q, want %q", model.Deref(t.From), gt.From)
			case gt.To != "" && !strings.HasPrefix(model.Deref(t.To), gt.To):
				problem = fmt.Sprintf("to %q, want %q", model.Deref(t.To), gt.To)
			default:
				problem = ""
			}
			if problem == "" {
				break
			}
		}
		r.Times.add(problem == "")
		if problem != "" {
			r.Failures = append(r.Failures, Failure{id, "time", fmt.Sprintf("%q: %s", gt.Text, problem), sentenceOf(a, gt.Sentence)})
		}
	}
	for _, gq := range g.Quantities {
		problem := "not found"
		for _, q := range a.Quantities {
			if !strings.Contains(normQuotes(q.Text), normQuotes(gq.Text)) && !strings.Contains(normQuotes(gq.Text), normQuotes(q.Text)) {
				continue
			}
			problem = quantityProblem(q, gq)
			if problem == "" {
				break
			}
		}
		r.Quantities.add(problem == "")
		if problem != "" {
			r.Failures = append(r.Failures, Failure{id, "quantity", fmt.Sprintf("%q: %s", gq.Text, problem), ""})
		}
	}
}

func quantityProblem(q model.Quantity, g GoldQuantity) string {
	if q.Value != g.Value || !sameUnit(q.Unit, g.Unit) {
		return fmt.Sprintf("%v %s, want %v %s", q.Value, q.Unit, g.Value, g.Unit)
	}
	for _, want := range g.Also {
		ok := false
		for _, have := range q.Also {
			ok = ok || (have.Value == want.Value && sameUnit(have.Unit, want.Unit))
		}
		if !ok {
			return fmt.Sprintf("no second reading %v %s", want.Value, want.Unit)
		}
	}
	return ""
}

func sameUnit(a, b string) bool {
	norm := func(u string) string {
		u = strings.ToLower(u)
		if u == "people" || u == "persons" {
			return "person"
		}
		return u
	}
	return norm(a) == norm(b)
}

// ScoreQuotes checks each gold quote's speaker.
func (r *Report) ScoreQuotes(id string, a *model.Article, g GoldArticle) {
	byID := map[string]model.Entity{}
	for _, e := range a.Entities {
		byID[e.ID] = e
	}
	for _, gq := range g.Quotes {
		problem := "not found"
		for _, q := range a.Quotes {
			if !strings.HasPrefix(normQuotes(q.Text), normQuotes(gq.Starts)) {
				continue
			}
			sp, ok := byID[model.Deref(q.Speaker)]
			switch {
			case !ok:
				problem = "no speaker"
			case gq.Speaker != "" && !nameMatches(sp, gq.Speaker):
				problem = fmt.Sprintf("speaker %q, want %q", sp.Name, gq.Speaker)
			case gq.SpeakerActor != "" && !strings.HasPrefix(model.Deref(sp.Code), gq.SpeakerActor):
				problem = fmt.Sprintf("speaker %q code %q, want prefix %s", sp.Name, model.Deref(sp.Code), gq.SpeakerActor)
			default:
				problem = ""
			}
			if problem == "" {
				break
			}
		}
		r.Quotes.add(problem == "")
		if problem != "" {
			r.Failures = append(r.Failures, Failure{id, "quote", fmt.Sprintf("%q: %s", gq.Starts, problem), sentenceOf(a, gq.Starts)})
		}
	}
}

// ScoreStructure checks title, captions, subheadings and body rules.
func (r *Report) ScoreStructure(id string, a *model.Article, g GoldArticle) {
	check := func(ok bool, what string) {
		r.Structure.add(ok)
		if !ok {
			r.Failures = append(r.Failures, Failure{id, "structure", what, ""})
		}
	}
	if g.Title != "" {
		check(normQuotes(model.Deref(a.Title)) == normQuotes(g.Title), fmt.Sprintf("title %q, want %q", model.Deref(a.Title), g.Title))
	}
	for _, gc := range g.Captions {
		ok := false
		for _, c := range a.Captions {
			ok = ok || (normQuotes(c.Text) == normQuotes(gc.Text) && (gc.Credit == "" || model.Deref(c.Credit) == gc.Credit))
		}
		check(ok, fmt.Sprintf("caption %q (credit %q) not found", gc.Text, gc.Credit))
	}
	for _, sh := range g.Subheadings {
		ok := false
		for _, h := range a.Subheadings {
			ok = ok || h == sh
		}
		check(ok, fmt.Sprintf("subheading %q not found", sh))
	}
	for _, bad := range g.BodyMustNotContain {
		check(!strings.Contains(a.Body, bad), fmt.Sprintf("body contains %q", bad))
	}
	if g.BodySentencesAtLeast > 0 {
		check(len(a.Sentences) >= g.BodySentencesAtLeast, fmt.Sprintf("%d body sentences, want at least %d", len(a.Sentences), g.BodySentencesAtLeast))
	}
}

// ScorePublished checks the date of an article ingested without a
// publication date.
func (r *Report) ScorePublished(id string, a *model.Article, g GoldArticle) {
	p := a.Published
	date := model.Deref(p.Date)
	var ok bool
	var want string
	switch {
	case p.Source == model.DateFromMetadata && g.Published != "":
		// The input itself carries the date (feed, page, JSONL): it must
		// agree with the gold date.
		ok = date == g.Published
		want = "metadata " + g.Published
	case g.PublishedInferableFrom != nil && *g.PublishedInferableFrom != "":
		ok = p.Source == model.DateFromInferred && date == g.Published
		want = fmt.Sprintf("inferred %s from %q", g.Published, *g.PublishedInferableFrom)
	case g.PublishedAcceptable != "":
		ok = p.Source == model.DateUnknown || strings.HasPrefix(date, g.PublishedAcceptable)
		want = "unknown or " + g.PublishedAcceptable
	default:
		ok = p.Source == model.DateUnknown
		want = "unknown"
	}
	r.Published.add(ok)
	if !ok {
		r.Failures = append(r.Failures, Failure{id, "published", fmt.Sprintf("got %s %q (evidence %q), want %s", p.Source, date, model.Deref(p.Evidence), want), ""})
	}
}
