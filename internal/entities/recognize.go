package entities

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// Options tune the recogniser.
type Options struct {
	// UseContext lets the title and photo captions introduce people
	// ("North Korean leader Kim Jong Un") whom the body then calls by
	// surname only. Such entities are output only when the body mentions
	// them.
	UseContext bool
	// MaxEntities bounds the entities kept per article (pathological
	// input); 0 means no bound.
	MaxEntities int
	// WindowTokens bounds how far an apposition or title is searched.
	WindowTokens int
	// NameMargin is how far the name classifier's best class must lead
	// the next before an unknown name is typed by it (see nameclass.go).
	NameMargin float32
}

// DefaultOptions returns the options sitrep runs with.
func DefaultOptions() Options {
	return Options{UseContext: true, MaxEntities: 2000, WindowTokens: 14, NameMargin: 3}
}

// Recognizer is the entities stage. It is safe for concurrent use: all
// per-article state lives in Process.
type Recognizer struct {
	lex  *Lexicon
	opts Options
}

// New returns a recogniser over lex.
func New(lex *Lexicon, opts Options) *Recognizer {
	if opts.WindowTokens <= 0 {
		opts.WindowTokens = DefaultOptions().WindowTokens
	}
	return &Recognizer{lex: lex, opts: opts}
}

// Name implements model.Stage.
func (r *Recognizer) Name() string { return "entities" }

type itemKind uint8

const (
	iLex itemKind = iota + 1
	iRole
	iOrg
	iEquip
	iName
	iPron
)

// item is one recognised piece of a sentence, token indices [s, e).
type item struct {
	kind  itemKind
	s, e  int
	lex   entry
	role  role
	org   orgType
	class string
	ent   int  // entity index once resolved, -1 before
	done  bool // resolved early (see resolveAhead)
}

// ent is an entity under construction.
type ent struct {
	key              string
	name             string
	typ              string
	country          string
	sector           string
	code             string
	roles            []string
	former           bool
	lat, lon         float64
	hasLL            bool
	mentions         []model.Mention
	gender           byte
	surname          string
	alias            string // a second short form ("Xi" of "Xi Jinping")
	first            string // first word of a full name ("Abiy" of "Abiy Ahmed")
	head             string // organisation head word ("ministry") or role head for "the minister"
	last             int    // body offset of the latest mention, for recency
	rank             int
	island           bool
	mainland         string
	capital          bool
	town             bool   // a city or town that is no capital: not an actor for "its"
	club             bool   // a sports club named after its town (see newClub)
	placeAlias       string // a town a company is also called by (see companyAliases)
	cc               string // alpha-2 of a gazetteer place, for the article's context
	admin1           string // "US.TX": the first-level division a gazetteer place lies in
	precision, basis string
	adj              []int // starts of mentions that are demonyms (output as affiliations)
}

// doc is the per-article state.
type doc struct {
	r        *Recognizer
	art      *model.Article
	body     string
	ents     []*ent
	byKey    map[string]int
	sentIdx  int
	inBody   bool
	toks     []tok
	items    []item
	buf      []byte
	countryN map[string]int // mentions per country, for the article's focus
	country1 map[string]int // order of each country's first counted mention
	order    []mref         // mentions in text order (entity, offset, sentence)
	subject  []int          // subject entity per sentence (-1 none)
	hasEquip bool
	cue      bool   // the sentence talks about leaders (see topLevelCues)
	words    int    // body words seen
	english  int    // of which English function words
	pair     [2]int // the latest "X and Y" of actors, for they/their
	pairSent int
	quotes   []int             // quote marks before each token, for inQuote
	admin1N  map[string]int    // mentions per first-level division ("US.TX"), for geocoding
	cc2      map[string]int    // countryN by alpha-2, for geocoding
	gctx     gazetteer.Context // reused by geoContext
	points   []gazetteer.Point // places resolved so far, for geocoding
	affil    bool              // the mention being recorded is a demonym
	sports   bool              // the article reports sport (see isSportsReport)
	samples  *[]NameSample     // training: spans typed by lexicon or rule (see NameSamples)
	feats    []uint64          // name classifier features, reused
	scores   []float32         // name classifier scores, reused
}

type mref struct{ ent, off, sent int }

// Process fills art.Entities.
func (r *Recognizer) Process(ctx context.Context, art *model.Article) error {
	return r.process(ctx, art, nil)
}

// process is Process; a non-nil samples collects the spans typed by
// lexicon or rule (for training the name classifier, which is then off).
func (r *Recognizer) process(ctx context.Context, art *model.Article, samples *[]NameSample) error {
	if _, err := r.lex.Gazetteer(); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	d := &doc{r: r, art: art, samples: samples, body: art.Body, byKey: map[string]int{}, countryN: map[string]int{}, country1: map[string]int{}, admin1N: map[string]int{}, cc2: map[string]int{}, pair: [2]int{-1, -1}, pairSent: -10}
	if r.opts.UseContext {
		var ctxTexts []string
		if art.Title != nil {
			ctxTexts = append(ctxTexts, *art.Title)
		}
		for _, c := range art.Captions {
			ctxTexts = append(ctxTexts, c.Text)
		}
		for _, t := range ctxTexts {
			d.sentence(-1, t, 0, nil)
		}
	}
	d.inBody = true
	d.sports = isSportsReport(art.Body)
	d.subject = make([]int, len(art.Sentences))
	caps, letters := 0, 0
	for i, s := range art.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("entities: %w", err)
			}
		}
		d.subject[i] = -1
		if s.Start < 0 || s.End > len(art.Body) || s.Start > s.End {
			return fmt.Errorf("entities: sentence %d span [%d,%d) outside body", i, s.Start, s.End)
		}
		var tags []model.Token
		if i < len(art.Tokens) {
			tags = art.Tokens[i]
		}
		text := art.Body[s.Start:s.End]
		for _, c := range text {
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					caps++
				}
			}
		}
		d.sentence(i, text, s.Start, tags)
	}
	d.warn(caps, letters)
	if d.words > 150 && d.english*6 < d.words && (d.art.Language == "" || d.art.Language == "en") {
		d.art.Warnings = append(d.art.Warnings, "entities: text does not look like English; names and roles will be poor")
	}
	art.Entities = d.output()
	return nil
}

func (d *doc) warn(caps, letters int) {
	add := func(w string) { d.art.Warnings = append(d.art.Warnings, w) }
	if d.art.Language != "" && d.art.Language != "en" {
		add("entities: text is not English (" + d.art.Language + "); names and roles will be poor")
	}
	if letters > 200 {
		switch {
		case caps*10 > letters*8:
			add("entities: text is mostly upper case; names cannot be told from words")
		case caps*200 < letters:
			add("entities: text has almost no capitals; names will be missed")
		}
	}
	for _, s := range d.art.Sentences {
		if s.End-s.Start > 5000 {
			add(fmt.Sprintf("entities: sentence %d is %d bytes long; coreference there is unreliable", s.Index, s.End-s.Start))
			break
		}
	}
}

// sentence recognises one sentence; si < 0 is title/caption context
// whose mentions are not recorded.
func (d *doc) sentence(si int, text string, base int, tags []model.Token) {
	d.sentIdx = si
	d.toks = tokenize(text, base, d.toks[:0])
	d.foldCaps()
	if len(tags) > 0 {
		k := 0
		for i := range d.toks {
			for k < len(tags) && tags[k].Start < d.toks[i].start {
				k++
			}
			if k < len(tags) && tags[k].Start == d.toks[i].start {
				d.toks[i].tag = tags[k].Tag
			}
		}
	}
	d.cue = false
	d.quotes = d.quotes[:0]
	n := 0
	for _, t := range d.toks {
		if d.inBody && t.word {
			d.words++
			if functionWords[t.lower] {
				d.english++
			}
		}
		d.quotes = append(d.quotes, n)
		switch t.text {
		case "\"", "“", "”":
			n++
		}
		if topLevelCues[t.lower] {
			d.cue = true
		}
	}
	d.scan()
	d.resolve()
}

func (d *doc) tokAt(i int) tok {
	if i < 0 || i >= len(d.toks) {
		return tok{}
	}
	return d.toks[i]
}

// scan cuts the sentence into items.
func (d *doc) scan() {
	lex := d.r.lex
	toks := d.toks
	d.items = d.items[:0]
	d.hasEquip = false
	for i := range toks {
		if _, n, ok := lex.equip.match(toks, i, true, &d.buf); ok && n > 0 {
			d.hasEquip = true
			break
		}
		if toks[i].lower == "missile" || toks[i].lower == "missiles" || toks[i].lower == "system" || toks[i].lower == "systems" {
			d.hasEquip = true
			break
		}
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word {
			i++
			continue
		}
		if t.folded && t.cap {
			// a headline in capitals: only lexicon and gazetteer names,
			// never a run of its ordinary words
			if _, n, ok := lex.proper.match(toks, i, false, &d.buf); ok {
				if gn := d.gazRun(i); gn > n {
					n = gn
				}
				d.items = append(d.items, item{kind: iName, s: i, e: i + n, ent: -1})
				if e, n2, _ := lex.proper.match(toks, i, false, &d.buf); n2 == n {
					d.items[len(d.items)-1] = item{kind: iLex, s: i, e: i + n, lex: e, ent: -1}
				}
				i += n
				continue
			}
			if gn := d.gazRun(i); gn > 0 {
				d.items = append(d.items, item{kind: iName, s: i, e: i + gn, ent: -1})
				i += gn
				continue
			}
			if d.r.lex.gaz().Has(t.text) || d.knownShortName(t.text) {
				d.items = append(d.items, item{kind: iName, s: i, e: i + 1, ent: -1})
			}
			i++
			continue
		}
		if t.cap {
			// "New South Wales", "British Columbia", "New Mexico": a
			// gazetteer name longer than the lexicon name inside it
			if gn := d.gazRun(i); gn > 0 {
				d.items = append(d.items, item{kind: iName, s: i, e: i + gn, ent: -1})
				i += gn
				continue
			}
		}
		if t.cap || isDigit(t.text) {
			if e, n, ok := lex.proper.match(toks, i, false, &d.buf); ok && !(e.kind == kSystem && e.context && !d.hasEquip && !d.followedByClass(i+n)) {
				// "Moscow State University": a known name opening a longer
				// organisation name
				if j := d.orgRunEnd(i + n); j > i+n && e.kind != kIGO && e.kind != kMedia {
					d.items = append(d.items, item{kind: iName, s: i, e: j, ent: -1, lex: e})
					i = j
					continue
				}
				// "Amnesty International Kenya": the national section of a
				// transnational organisation belongs to that country
				if e.kind == kSeat && e.country == "" && i+n < len(toks) && toks[i+n].cap {
					if c, n2, ok := lex.proper.match(toks, i+n, false, &d.buf); ok && c.kind == kCountry {
						e.name = d.spanText(i, i+n+n2)
						e.country = c.country
						n += n2
					}
				}
				d.items = append(d.items, item{kind: iLex, s: i, e: i + n, lex: e, ent: -1})
				i += n
				continue
			}
		}
		// role, organisation word or equipment class: the longest wins
		best, bn := item{}, 0
		if ab, ok := lex.abbrevs[t.text]; ok && t.cap {
			best, bn = item{kind: iRole, s: i, e: i + 1, role: ab}, 1
			if i+1 < len(toks) {
				if ab2, ok := lex.abbrevs[t.text+" "+toks[i+1].text]; ok {
					best, bn = item{kind: iRole, s: i, e: i + 2, role: ab2}, 2
				}
			}
		}
		if rl, n, ok := lex.roles.match(toks, i, true, &d.buf); ok && n > bn && (t.cap == toks[i+n-1].cap || !t.cap || i == 0 && d.tokAt(i+n).cap) {
			// ("Army chief Abdel Fattah al-Burhan" opens a sentence)
			best, bn = item{kind: iRole, s: i, e: i + n, role: rl}, n
		}
		if o, n, ok := lex.orgs.match(toks, i, true, &d.buf); ok && n >= bn && (o.common || t.cap) {
			best, bn = item{kind: iOrg, s: i, e: i + n, org: o}, n
		}
		if c, n, ok := lex.equip.match(toks, i, true, &d.buf); ok && n > bn && !t.cap {
			best, bn = item{kind: iEquip, s: i, e: i + n, class: c}, n
		}
		if bn > 0 {
			// a capitalised organisation suffix inside a name run belongs
			// to the name ("Stimson Center"): handled by the run below
			if best.kind == iOrg && t.cap && !best.org.common {
				bn = 0
			}
			// "Ministry of Defence", "Council on Foreign Relations": a name
			if best.kind == iOrg && t.cap && bn > 0 && d.connectorAt(i+bn) {
				bn = 0
			}
		}
		if bn > 0 {
			best.ent = -1
			d.items = append(d.items, best)
			i += bn
			continue
		}
		if isPronoun(t.lower) {
			d.items = append(d.items, item{kind: iPron, s: i, e: i + 1, ent: -1})
			i++
			continue
		}
		if t.cap || (isDigit(t.text) && d.tokAt(i+1).cap) {
			j := d.nameRunEnd(i)
			for j > i+1 && !toks[j-1].cap && (toks[j-1].lower == "the" || d.connectorWord(toks[j-1].lower)) {
				j-- // "Kola Nickel on Monday": a connector never ends a name
			}
			if !t.cap && !d.isOrgWord(j-1) {
				i++ // "3 Sevilla 1" is a score, "192 Fleet" a unit
				continue
			}
			s := d.trimRunStart(i, j)
			if s < j {
				d.items = append(d.items, item{kind: iName, s: s, e: j, ent: -1})
			}
			if j == i {
				j++
			}
			i = j
			continue
		}
		i++
	}
}

func (d *doc) followedByClass(i int) bool {
	if i >= len(d.toks) {
		return false
	}
	_, _, ok := d.r.lex.equip.match(d.toks, i, true, &d.buf)
	return ok
}

// orgRunEnd returns the end of a capitalised run from i that ends in an
// organisation suffix ("State University"), or i.
func (d *doc) orgRunEnd(i int) int {
	j := i
	end := i
	for j < len(d.toks) && j-i < 6 && d.toks[j].cap && d.toks[j].word {
		if o, ok := d.r.lex.orgs.m[d.toks[j].lower]; ok && o.suffix {
			end = j + 1
		}
		j++
	}
	return end
}

// nameRunEnd extends a capitalised run: capitalised words, Roman
// numerals, name particles, a leading number ("192 Fleet"), stopping
// where a known name starts.
func (d *doc) nameRunEnd(i int) int {
	toks := d.toks
	j := i
	orgSeen := false
	for j < len(toks) && j-i < 8 {
		t := toks[j]
		if !t.word {
			break
		}
		if j > i && t.cap {
			if _, _, ok := d.r.lex.proper.match(toks, j, false, &d.buf); ok {
				break
			}
			if _, ok := d.r.lex.abbrevs[t.text]; ok {
				break
			}
			// "Kharkiv Mayor Ihor Terekhov": a title starts a new run
			if _, n, ok := d.r.lex.roles.match(toks, j, true, &d.buf); ok && d.tokAt(j+n).cap && !orgSeen {
				break
			}
		}
		if d.isOrgWord(j) {
			orgSeen = true
		}
		if t.lower == "and" && j > i && d.isOrgWord(j-1) && d.r.lex.orgs.m[toks[j-1].lower].sector == "BUS" {
			return j // "Acme Holdings and Zenith Mining": two companies
		}
		if !t.cap && j > i && orgSeen && d.connectorAt(j) {
			j++
			if d.toks[j].lower == "the" {
				j++
			}
			continue
		}
		switch {
		case t.cap:
			if weekdays[t.text] || months[t.text] && !(j > i && d.givenAt(j-1)) {
				return j // "Theresa May" keeps its surname
			}
		case j == i && isDigit(t.text):
		case j > i && nameParticle[t.lower] && j+1 < len(toks) && toks[j+1].cap:
		case j > i && particleHyphen(t.text) != "":
			// "Abdel Fattah al-Burhan", "Abdel Fattah el-Sisi"
		default:
			return j
		}
		j++
	}
	return j
}

// connectorWord reports the words connectorAt looks for.
func (d *doc) connectorWord(w string) bool {
	return w == "of" || w == "for" || w == "on" || w == "and"
}

// connectorAt reports "of"/"for"/"on"/"and" (optionally + "the") then a
// capitalised word at j: the inside of "Institute for the Study of War".
func (d *doc) connectorAt(j int) bool {
	switch d.tokAt(j).lower {
	case "of", "for", "on", "and":
	default:
		return false
	}
	if d.tokAt(j+1).lower == "the" {
		return d.tokAt(j + 2).cap
	}
	return d.tokAt(j + 1).cap
}

func (d *doc) hasConnector(s, e int) bool {
	for j := s; j < e; j++ {
		if !d.toks[j].cap && d.toks[j].word {
			return true
		}
	}
	return false
}

// isOrgWord reports a capitalised organisation word at i ("Institute",
// "Ministry").
func (d *doc) isOrgWord(i int) bool {
	if i >= len(d.toks) || !d.toks[i].cap {
		return false
	}
	o, ok := d.r.lex.orgs.m[d.toks[i].lower]
	return ok && o.suffix
}

func (d *doc) givenAt(j int) bool {
	_, ok := d.r.lex.given[d.tokAt(j).text]
	return ok
}

var nameParticle = set("bin bint al el de da del della di van von der le la ibn abu")

// particleHyphen returns the name after a hyphenated lower-case particle
// ("Burhan" of "al-Burhan"), or "".
func particleHyphen(w string) string {
	k := strings.IndexByte(w, '-')
	if k <= 0 || k+1 >= len(w) || !nameParticle[w[:k]] {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(w[k+1:])
	if !unicode.IsUpper(r) {
		return ""
	}
	return w[k+1:]
}

// trimRunStart drops sentence-initial function words and headline
// words from the start of a run.
func (d *doc) trimRunStart(s, e int) int {
	for s < e {
		t := d.toks[s]
		initial := s == 0 || !d.toks[s-1].word && (d.toks[s-1].text == "\"" || d.toks[s-1].text == "“" || d.toks[s-1].text == "(" || d.toks[s-1].text == "‘")
		if functionWords[t.lower] || months[t.text] || weekdays[t.text] || honorifics[strings.TrimSuffix(t.lower, ".")] {
			s++
			continue
		}
		if initial {
			if e-s == 1 && d.knownShortName(t.text) {
				break // a person named before, whatever the tagger guessed
			}
			if t.tag != "" && !strings.HasPrefix(t.tag, "NNP") && !(e-s == 1 && d.bigCity(t.text)) {
				s++
				continue
			}
			if t.tag == "" && e-s == 1 {
				// a lone sentence-initial capital is a name only with support
				if _, ok := d.r.lex.given[t.text]; !ok && !speechVerbs[d.tokAt(s+1).lower] && !d.tokAt(s+1).isPossessive() && !d.bigCity(t.text) && !d.knownShortName(t.text) {
					s++
					continue
				}
			}
			if t.tag == "" && (strings.HasSuffix(t.lower, "ing") || strings.HasSuffix(t.lower, "ly") || strings.HasSuffix(t.lower, "ed")) {
				s++
				continue
			}
		}
		break
	}
	// all-caps multiword runs are headings
	if e-s >= 2 {
		all := true
		for k := s; k < e; k++ {
			if !isAllCaps(d.toks[k].text) {
				all = false
				break
			}
		}
		if all {
			return e
		}
	}
	return s
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 1
}

func isDigit(s string) bool {
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

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "him", "his", "her", "hers", "himself", "herself", "it", "its", "itself", "they", "their", "them", "theirs", "themselves":
		return true
	}
	return false
}

// text returns the body text of tokens [s, e).
func (d *doc) text(s, e int) string {
	if s >= e {
		return ""
	}
	return d.body[d.toks[s].start:d.toks[e-1].end]
}

// spanText returns the text of tokens [s,e): from the body, or joined
// token texts for title and caption sentences, which are not in it.
func (d *doc) spanText(s, e int) string {
	if d.inBody && !d.foldedIn(s, e) {
		return d.text(s, e)
	}
	return d.tokText(s, e)
}

// mention records tokens [s, e) as a mention of entity x.
func (d *doc) mention(x, s, e int) {
	en := d.ents[x]
	if !d.inBody {
		return
	}
	m := model.Mention{Sentence: d.sentIdx, Start: d.toks[s].start, End: d.toks[e-1].end}
	m.Text = d.body[m.Start:m.End]
	for q := len(en.mentions) - 1; q >= 0 && q >= len(en.mentions)-4; q-- {
		if o := en.mentions[q]; o.Start == m.Start && o.End == m.End {
			return
		}
	}
	en.mentions = append(en.mentions, m)
	if d.affil {
		en.adj = append(en.adj, m.Start)
	}
	en.last = m.Start
	if en.admin1 != "" {
		d.admin1N[en.admin1]++
	}
	if en.typ == model.TypePlace && en.hasLL && len(en.mentions) == 1 {
		d.points = append(d.points, gazetteer.Point{Lat: en.lat, Lon: en.lon})
	}
	d.order = append(d.order, mref{x, m.Start, d.sentIdx})
	if en.country != "" && (en.typ == model.TypePlace || en.typ == model.TypeOrg && en.sector == "GOV") {
		if _, ok := d.country1[en.country]; !ok {
			d.country1[en.country] = len(d.country1)
		}
		d.countryN[en.country]++
		if c := d.r.lex.countries[en.country]; c != nil {
			d.cc2[c.Alpha2]++
		}
	}
	if d.sentIdx >= 0 && d.sentIdx < len(d.subject) && d.subject[d.sentIdx] < 0 && !prepositions[d.tokAt(s-1).lower] {
		d.subject[d.sentIdx] = x
	}
}

// entity returns the entity with key, creating it with mk.
func (d *doc) entity(key string, mk func() *ent) int {
	if x, ok := d.byKey[key]; ok {
		return x
	}
	if d.r.opts.MaxEntities > 0 && len(d.ents) >= d.r.opts.MaxEntities {
		return -1
	}
	e := mk()
	e.key = key
	d.ents = append(d.ents, e)
	d.byKey[key] = len(d.ents) - 1
	return len(d.ents) - 1
}

func (d *doc) lexEntity(e entry) int {
	switch e.kind {
	case kCountry, kDemonym:
		c := d.r.lex.countries[e.country]
		return d.entity("C:"+e.country, func() *ent {
			x := &ent{name: e.name, typ: model.TypePlace, country: e.country, code: e.country, lat: e.lat, lon: e.lon, hasLL: true, precision: gazetteer.PrecisionCountry, basis: gazetteer.BasisLexicon}
			if c != nil {
				x.name, x.lat, x.lon, x.island, x.mainland = c.Name, c.Lat, c.Lon, c.Island, c.Mainland
			}
			return x
		})
	case kCapital:
		return d.entity("P:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypePlace, country: e.country, sector: "GOV", lat: e.lat, lon: e.lon, hasLL: true, capital: true, precision: gazetteer.PrecisionCity, basis: gazetteer.BasisLexicon}
		})
	case kFeature:
		return d.entity("P:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypePlace, country: e.country, code: e.country, lat: e.lat, lon: e.lon, hasLL: true, town: e.class == "city", precision: featurePrecision(e.class), basis: gazetteer.BasisLexicon}
		})
	case kSeat:
		return d.entity("O:"+e.name, func() *ent {
			x := &ent{name: e.name, typ: model.TypeOrg, country: e.country, sector: e.sector, head: strings.ToLower(e.name)}
			if e.country == "" {
				x.code = e.sector // a transnational NGO: CAMEO "NGO"
			}
			return x
		})
	case kIGO:
		return d.entity("O:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypeOrg, code: e.code}
		})
	case kMedia:
		return d.entity("O:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypeOrg, country: e.country, sector: "MED"}
		})
	case kSystem:
		return d.entity("E:"+e.name, func() *ent {
			return &ent{name: e.name, typ: model.TypeEquipment, roles: []string{e.class}}
		})
	}
	return -1
}

// modifier is a country (and maybe sector) read off the words before a
// role, name or organisation word: "South Korea's", "Russian", "Kremlin",
// "the island's", "Seoul-based".
type modifier struct {
	country, sector string
	former          bool
	start           int // first token of the modifier
}

// modifierBefore looks at the items ending right before token i.
func (d *doc) modifierBefore(k, i int) modifier {
	m := modifier{start: i}
	j := i
	for k >= 0 && k < len(d.items) {
		it := d.items[k]
		end := it.e
		// possessive marker between
		if end < j && d.toks[end].isPossessive() && end+1 == j {
			end = j
		}
		// "then"/"former" between
		for end < j && formerWords[d.toks[end].lower] {
			end++
			m.former = true
		}
		for j > 0 && formerWords[d.toks[j-1].lower] {
			m.former = true
			j--
		}
		if end != j {
			break
		}
		if it.kind == iLex {
			switch it.lex.kind {
			case kCountry, kDemonym, kCapital, kSeat, kFeature:
				if m.country == "" {
					m.country = it.lex.country
					if it.lex.kind == kSeat {
						m.sector = it.lex.sector
					}
					m.start = it.s
				}
			case kIGO:
				m.sector = "IGO"
				m.country = it.lex.code
				m.start = it.s
			case kMedia:
				m.country = it.lex.country
				m.sector = "MED"
				m.start = it.s
			}
			return m
		}
		if it.kind == iName && it.ent >= 0 {
			en := d.ents[it.ent]
			if en.country != "" {
				m.country, m.start = en.country, it.s
				if en.typ == model.TypeOrg {
					m.sector = en.sector
				}
			}
			return m
		}
		if it.kind == iOrg && it.ent >= 0 {
			en := d.ents[it.ent]
			m.country, m.sector, m.start = en.country, en.sector, it.s
			return m
		}
		break
	}
	// "the island's", "the mainland's"
	if j >= 2 && d.toks[j-1].isPossessive() && (d.toks[j-2].lower == "island" || d.toks[j-2].lower == "mainland") {
		if x := d.defPlace(d.toks[j-2].lower); x >= 0 {
			m.country = d.ents[x].country
			m.start = j - 2
		}
	}
	// "Seoul-based", "Russia-backed": NAME - based
	if j >= 3 && d.toks[j-1].word && hyphenSuffixes[d.toks[j-1].lower] && d.toks[j-2].text == "-" {
		if e, _, ok := d.r.lex.proper.match(d.toks, j-3, false, &d.buf); ok && e.country != "" {
			m.country = e.country
		}
	}
	return m
}

// focusCountry is the country most mentioned so far, ties going to the
// one mentioned first (the lead names the story's country).
func (d *doc) focusCountry() string { return d.articleFocus() }

// sentenceCountry is the latest country (not capital) named in the
// sentence before token i, or "".
func (d *doc) sentenceCountry(i int) string {
	for k := len(d.items) - 1; k >= 0; k-- {
		it := d.items[k]
		if it.e <= i && it.kind == iLex && it.lex.kind == kCountry {
			return it.lex.country
		}
	}
	return ""
}

// onlyCountry is the one country the current sentence names, or "" when
// it names none or several; with where, only places after a locative
// preposition count ("in central Nairobi", not "the Russian embassy" or
// "denounced Russia").
func (d *doc) onlyCountry(where bool) string {
	only := ""
	for _, it := range d.items {
		if it.kind != iLex || it.lex.country == "" {
			continue
		}
		switch it.lex.kind {
		case kCountry, kDemonym, kCapital, kSeat:
			if where && (it.lex.kind == kDemonym || !d.locative(it.s)) {
				continue
			}
			if only != "" && only != it.lex.country {
				return ""
			}
			only = it.lex.country
		}
	}
	return only
}

// locative reports whether the place at token i follows a preposition of
// place, across "the" and a compass or "central" ("in central Nairobi").
func (d *doc) locative(i int) bool {
	j := i - 1
	for n := 0; n < 2 && placeModifiers[d.tokAt(j).lower]; n++ {
		j--
	}
	return locativePreps[d.tokAt(j).lower]
}

// articleFocus is the country the whole article is most about: the most
// mentioned one (countries, their capitals and cities, government
// bodies), ties going to the one mentioned first.
func (d *doc) articleFocus() string {
	first := d.country1
	best, bn := "", 0
	for c, n := range d.countryN {
		if _, ok := d.r.lex.countries[c]; !ok {
			continue
		}
		if n > bn || n == bn && (first[c] < first[best] || first[c] == first[best] && c < best) {
			best, bn = c, n
		}
	}
	return best
}

// nationalRole reports a role that implies a national government or high
// command: a president, a minister, an army chief.
func (d *doc) nationalRole(r string) bool {
	rl, ok := d.r.lex.roles.m[r]
	if !ok {
		return false
	}
	switch rl.sector {
	case "GOV", "MIL", "SPY":
		return nationalHeads[lastWord(r)]
	case "OPP":
		return lastWord(r) == "leader" // "Opposition leader Raila Odinga"
	}
	return false
}

// defPlace resolves "the island" and "the mainland".
func (d *doc) defPlace(w string) int {
	// most recent island country mentioned
	best, bl := -1, -2
	for x, e := range d.ents {
		if e.island && e.typ == model.TypePlace && e.code != "" && len(e.mentions) > 0 && e.last > bl {
			best, bl = x, e.last
		}
	}
	if w == "island" {
		return best
	}
	// the mainland: of the most recent country that has one
	ml, ll := "", -2
	for _, e := range d.ents {
		if e.mainland != "" && e.last > ll && len(e.mentions) > 0 {
			ml, ll = e.mainland, e.last
		}
	}
	if ml == "" {
		return -1
	}
	return d.lexEntity(entry{kind: kCountry, country: ml})
}

func (d *doc) addRole(x int, r string, former bool) {
	e := d.ents[x]
	for _, o := range e.roles {
		if o == r {
			return
		}
	}
	e.roles = append(e.roles, r)
	if former {
		e.former = true
	}
	if rk := roleRank(r); rk > e.rank {
		e.rank = rk
	}
	if e.head == "" {
		e.head = lastWord(r)
	}
}

func lastWord(s string) string {
	if k := strings.LastIndexByte(s, ' '); k >= 0 {
		return s[k+1:]
	}
	return s
}

// resolve turns the sentence's items into entities and mentions.
func (d *doc) resolve() {
	for k := range d.items {
		it := &d.items[k]
		if it.done {
			continue
		}
		switch it.kind {
		case iLex:
			if (it.lex.kind == kCapital || it.lex.kind == kFeature && it.lex.class == "city") && d.teamContext(it.s, it.e) {
				d.newClub(k) // "Madrid 2 Valencia 1"
				continue
			}
			x := d.lexEntity(it.lex)
			if y := d.divisionReading(k); y >= 0 {
				x = y
			}
			if x < 0 {
				continue
			}
			it.ent = x
			d.affil = it.lex.kind == kDemonym
			d.mention(x, it.s, it.e)
			d.affil = false
			if it.lex.kind != kDemonym {
				d.sample(k)
			}
		case iName:
			d.resolveName(k)
			d.sample(k)
		case iOrg:
			d.resolveOrg(k)
		case iRole:
			d.resolveRole(k)
		case iPron:
			d.resolvePronoun(k)
		}
	}
	d.resolveDefinites()
}

// resolveOrg handles a common organisation word: "Seoul's foreign
// ministry", "the navy", "Congress".
func (d *doc) resolveOrg(k int) {
	it := &d.items[k]
	if k > 0 && (d.items[k-1].kind == iName || d.items[k-1].kind == iLex && d.items[k-1].lex.kind == kMedia) && d.items[k-1].e == it.s && namedKind(it.org.sector) {
		return // "Vedomosti newspaper": the type of the name before it
	}
	if det := d.tokAt(it.s - 1).lower; det == "a" || det == "an" || det == "-" || hyphenSuffixes[det] {
		return // "a Seoul-based website" describes, it does not refer
	}
	words := it.org.words
	m := d.modifierBefore(k-1, it.s)
	if m.sector == "IGO" {
		return
	}
	det := d.tokAt(it.s - 1).lower
	if m.country == "" && (det == "the" || det == "its") {
		// "the ministry": the latest organisation with this head
		best, bl := -1, -1
		for x, e := range d.ents {
			if e.typ == model.TypeOrg && (e.head == words || strings.HasSuffix(e.head, " "+words)) && e.last > bl {
				best, bl = x, e.last
			}
		}
		if best >= 0 {
			it.ent = best
			d.mention(best, it.s, it.e)
			return
		}
	}
	capital := d.toks[it.s].cap
	if m.country == "" && it.org.crowd {
		// "protesters in central Nairobi", "police in London": a crowd is
		// where it gathers, when the sentence places one country only;
		// else as any common noun ("the police": the article's country).
		m.country = d.onlyCountry(true)
	}
	// "marched on parliament", "a bill before parliament": a bare
	// legislature after a preposition is the country's own.
	bareLegislature := it.org.sector == "LEG" && !pluralCommon(words) && prepositions[det] && m.start == it.s
	if m.country == "" && !capital && det != "the" && !bareLegislature {
		return // "a newspaper", "government officials"
	}
	if m.country == "" {
		switch {
		case it.org.sector == "LEG" && words == "congress":
			// unqualified "Congress" in English news is the US one, unless
			// the article is about another country with a congress
			m.country = "USA"
			if f := d.focusCountry(); congressCountries[f] {
				m.country = f
			}
		case bareLegislature:
			// the country the sentence names, else the article's
			if m.country = d.onlyCountry(false); m.country == "" {
				m.country = d.focusCountry()
			}
		case it.org.sector == "MIL" && det == "the":
			// "the war in Sudan, where ... the army": the country named
			// in the sentence, else the article's
			if m.country = d.sentenceCountry(it.s); m.country == "" {
				m.country = d.focusCountry()
			}
		default:
			m.country = d.focusCountry()
		}
	}
	if m.country == "" {
		return
	}
	key := "O:" + m.country + ":" + words
	x := d.entity(key, func() *ent {
		name := words
		if capital {
			name = d.spanText(it.s, it.e)
		}
		return &ent{name: name, typ: model.TypeOrg, country: m.country, sector: it.org.sector, head: words}
	})
	if x < 0 {
		return
	}
	it.ent = x
	d.mention(x, it.s, it.e)
	// "Indian and Pakistani troops": the noun names both countries' forces
	if c := d.coordinatedCountry(k, m); c != "" && c != m.country {
		y := d.entity("O:"+c+":"+words, func() *ent {
			return &ent{name: words, typ: model.TypeOrg, country: c, sector: it.org.sector, head: words}
		})
		if y >= 0 {
			d.mention(y, it.s, it.e)
		}
	}
}

// coordinatedCountry reads "Indian and" before the modifier m of the
// organisation word at item k: the first of two coordinated countries.
func (d *doc) coordinatedCountry(k int, m modifier) string {
	if m.country == "" || m.sector != "" || d.tokAt(m.start-1).lower != "and" {
		return ""
	}
	for q := k - 1; q >= 0; q-- {
		o := d.items[q]
		if o.e == m.start-1 {
			if o.kind == iLex && (o.lex.kind == kDemonym || o.lex.kind == kCountry) {
				return o.lex.country
			}
			return ""
		}
		if o.e < m.start-1 {
			return ""
		}
	}
	return ""
}

// resolveRole handles a role noun not attached to a name: "the minister"
// refers back to the latest person holding it.
func (d *doc) resolveRole(k int) {
	it := &d.items[k]
	if d.tokAt(it.s-1).lower != "the" {
		return
	}
	nx := d.tokAt(it.e)
	if nx.cap || nx.lower == "of" || nx.text == "," {
		return
	}
	head := lastWord(it.role.phrase)
	best, bl := -1, -1
	for x, e := range d.ents {
		if e.typ != model.TypePerson || e.last < bl {
			continue
		}
		for _, r := range e.roles {
			if lastWord(r) == head {
				best, bl = x, e.last
				break
			}
		}
	}
	if best >= 0 {
		it.ent = best
		d.mention(best, it.s-1, it.e)
	}
}

// resolveName classifies a run of capitalised tokens.
func (d *doc) resolveName(k int) {
	it := &d.items[k]
	toks := d.toks
	name := d.spanText(it.s, it.e)
	if d.inBody {
		name = strings.Join(strings.Fields(name), " ")
	}
	// known already (also "The Tuo Chiang" after "Tuo Chiang-class")
	for _, pre := range []string{"E:", "O:", "P:", "H:"} {
		if x, ok := d.byKey[pre+name]; ok {
			if d.ents[x].club && (locPrepositions[d.tokAt(it.s-1).lower] || !d.teamContext(it.s, it.e) && d.r.lex.knownPlace(name)) {
				continue // "fans celebrated in Leeds": the town, not the club
			}
			if d.ents[x].placeAlias == name && locPrepositions[d.tokAt(it.s-1).lower] {
				continue // "the smelter in Kola": the town, not the company
			}
			it.ent = x
			d.mention(x, it.s, it.e)
			d.personContext(k, x)
			return
		}
	}
	if d.clubName(it.s, it.e) {
		d.newClub(k) // "Leeds United", "Leeds 2 Chelsea 1"
		return
	}
	if d.foldedIn(it.s, it.e) {
		// a headline in capitals: known people and gazetteer places only
		if x := d.surname(k, name); x >= 0 {
			it.ent = x
			d.mention(x, it.s, it.e)
		} else if x := d.city(k, name); x >= 0 {
			it.ent = x
			d.mention(x, it.s, it.e)
		}
		return
	}
	// equipment: "Tuo Chiang-class corvette", "Kuang Hua VI missile boats"
	j := it.e
	if j+1 < len(toks) && toks[j].text == "-" && toks[j+1].lower == "class" {
		class := ""
		if j+2 < len(toks) {
			if c, _, ok := d.r.lex.equip.match(toks, j+2, true, &d.buf); ok {
				class = c
			}
		}
		d.newEquipment(it, name, class)
		return
	}
	if c, _, ok := d.r.lex.equip.match(toks, j, true, &d.buf); ok && j < len(toks) && !toks[j].cap {
		d.newEquipment(it, name, c)
		return
	}
	last := toks[it.e-1]
	// organisation by suffix: "Stimson Center", "192 Fleet"
	if o, ok := d.r.lex.orgs.m[last.lower]; ok && o.suffix && (it.e-it.s > 1) {
		d.newOrg(k, name, o.sector)
		return
	}
	if o, ok := d.r.lex.orgs.m[toks[it.s].lower]; ok && o.suffix && it.e-it.s > 2 && d.hasConnector(it.s, it.e) {
		d.newOrg(k, name, o.sector) // "Institute for the Study of War"
		return
	}
	// organisation by the type word after it: "Vedomosti newspaper",
	// or an apposition "NK Pro, a Seoul-based website"
	if k+1 < len(d.items) && d.items[k+1].kind == iOrg && d.items[k+1].s == it.e && d.items[k+1].org.common && namedKind(d.items[k+1].org.sector) {
		d.newOrg(k, name, d.items[k+1].org.sector)
		return
	}
	if _, given := d.r.lex.given[toks[it.s].text]; given && it.e-it.s > 1 {
		// a known given name: a person whatever follows
	} else if sec, ok := d.appositionOrg(k); ok {
		d.newOrg(k, name, sec)
		return
	}
	// a known person's surname or full name
	if x := d.surname(k, name); x >= 0 {
		it.ent = x
		d.mention(x, it.s, it.e)
		d.personContext(k, x)
		return
	}
	// place from the gazetteer
	if x := d.city(k, name); x >= 0 {
		it.ent = x
		d.mention(x, it.s, it.e)
		return
	}
	if d.acronymOrg(k) || d.placeNamedOrg(k) {
		d.newOrg(k, name, "")
		return
	}
	if d.classifyName(k, name) {
		return
	}
	if d.looksLikePerson(k) {
		first := toks[it.s].text
		x := -1
		if it.e-it.s > 1 {
			// "President Biden" earlier, "Joe Biden" now: one person
			if y, ok := d.byKey["H:"+toks[it.e-1].text]; ok && len(d.ents[y].roles) > 0 {
				x = y
				d.ents[y].name = name
				d.byKey["H:"+name] = y
			}
		}
		if x < 0 {
			x = d.entity("H:"+name, func() *ent {
				e := &ent{name: name, typ: model.TypePerson}
				e.gender = d.r.lex.given[first]
				e.surname = toks[it.e-1].text
				if it.e-it.s > 1 && isEastAsianStyle(toks[it.s:it.e]) {
					e.surname = first // "Kim Jong Un", "Kim Hong-kyun"
				} else if _, given := d.r.lex.given[first]; !given && it.e-it.s > 1 && utf8.RuneCountInString(first) <= 3 {
					e.alias = first // "Xi Jinping" is "Xi"
				}
				if b := particleHyphen(e.surname); b != "" && e.alias == "" {
					e.alias = b // "al-Burhan" is also "Burhan"
				}
				if it.e-it.s > 1 {
					e.first = first
				}
				return e
			})
		}
		if x < 0 {
			return
		}
		it.ent = x
		d.mention(x, it.s, it.e)
		d.personContext(k, x)
	}
}

// bigCity reports a city of at least 100,000 people: enough to take a
// sentence-initial capitalised word for its name ("Kharkiv came under
// fire").
func (d *doc) bigCity(name string) bool {
	for _, p := range d.r.lex.gaz().Lookup(name) {
		if p.Pop >= 100000 && p.Kind == gazetteer.KindCity || p.Kind == gazetteer.KindAdmin1 && !genericDivision[name] {
			return true
		}
	}
	return false
}

// isEastAsianStyle guesses family-name-first order: a short family name
// then a given name, possibly hyphenated ("Kim Hong-kyun") or in two
// syllables ("Kim Jong Un").
func isEastAsianStyle(ts []tok) bool {
	if len(ts) < 2 {
		return false
	}
	f := ts[0].text
	if utf8.RuneCountInString(f) > 5 {
		return false
	}
	if len(ts) == 2 {
		return strings.Contains(ts[1].text, "-") && strings.ToLower(ts[1].text[strings.IndexByte(ts[1].text, '-')+1:]) == ts[1].text[strings.IndexByte(ts[1].text, '-')+1:]
	}
	for _, t := range ts[1:] {
		if utf8.RuneCountInString(t.text) > 5 {
			return false
		}
	}
	return true
}

func (d *doc) newEquipment(it *item, name, class string) {
	x := d.entity("E:"+name, func() *ent {
		e := &ent{name: name, typ: model.TypeEquipment}
		if class != "" {
			e.roles = []string{class}
		}
		return e
	})
	if x < 0 {
		return
	}
	if class != "" && len(d.ents[x].roles) == 0 {
		d.ents[x].roles = []string{class}
	}
	it.ent = x
	d.mention(x, it.s, it.e)
}

// namedKind reports organisation kinds whose type word follows a name
// ("Vedomosti newspaper", "Stimson Center think tank"); a name before
// "government" or "navy" is a modifier instead ("Communist government").
func namedKind(sector string) bool {
	switch sector {
	case "MED", "NGO", "EDU", "BUS":
		return true
	}
	return false
}

func (d *doc) newOrg(k int, name, sector string) {
	it := &d.items[k]
	m := d.modifierBefore(k-1, it.s)
	country := m.country
	if it.lex.country != "" && it.lex.kind != kIGO && it.lex.kind != kMedia {
		country = it.lex.country // "Israel Defense Forces", "Moscow State University"
	}
	if country == "" || m.sector == "IGO" {
		country = d.placeAfter(it.e)
	}
	if country == "" {
		country = d.basedIn(it.e)
	}
	if country == "" && sector == "MIL" {
		country = d.focusCountry()
	}
	x := d.entity("O:"+name, func() *ent {
		return &ent{name: name, typ: model.TypeOrg, country: country, sector: sector, head: strings.ToLower(name)}
	})
	if x < 0 {
		return
	}
	if d.ents[x].country == "" {
		d.ents[x].country = country
	}
	d.companyAliases(k, x)
	it.ent = x
	d.mention(x, it.s, it.e)
}

// placeAfter finds "in Washington" within a few tokens after i ("the
// Stimson Center think tank in Washington").
func (d *doc) placeAfter(i int) string {
	for j := i; j < len(d.toks) && j < i+5; j++ {
		t := d.toks[j]
		if t.text == "," || t.text == "." || t.text == ";" {
			return ""
		}
		if t.lower == "in" || t.lower == "of" || t.lower == "from" {
			if j+1 < len(d.toks) {
				if e, _, ok := d.r.lex.proper.match(d.toks, j+1, false, &d.buf); ok && e.country != "" && (e.kind == kCapital || e.kind == kCountry) {
					return e.country
				}
				if e := d.nameRunEnd(j + 1); e > j+1 {
					if cs := d.r.lex.gaz().Lookup(d.spanText(j+1, e)); len(cs) > 0 && (cs[0].Pop >= d.r.lex.minPop || cs[0].Kind == gazetteer.KindAdmin1) {
						return d.r.lex.alpha2[cs[0].CC]
					}
				}
			}
			return ""
		}
	}
	return ""
}

// basedIn reads ", a Seoul-based website" after a name.
func (d *doc) basedIn(i int) string {
	if d.tokAt(i).text != "," {
		return ""
	}
	for j := i + 1; j < len(d.toks) && j < i+6; j++ {
		if d.toks[j].text == "-" && hyphenSuffixes[d.tokAt(j+1).lower] && j >= 1 {
			for s := j - 1; s > i; s-- {
				if e, n, ok := d.r.lex.proper.match(d.toks, s, false, &d.buf); ok && s+n == j && e.country != "" {
					return e.country
				}
			}
		}
	}
	return ""
}

// appositionOrg reads "NAME, a (Seoul-based) website" and returns the
// organisation word's sector.
func (d *doc) appositionOrg(k int) (string, bool) {
	it := d.items[k]
	if d.tokAt(it.e).text != "," {
		return "", false
	}
	det := d.tokAt(it.e + 1).lower
	if det != "a" && det != "an" && det != "the" {
		return "", false
	}
	for n := k + 1; n < len(d.items) && d.items[n].s < it.e+10; n++ {
		if d.stopBetween(it.e+1, d.items[n].s) {
			break
		}
		if d.items[n].kind == iRole {
			return "", false // "X, the ministry spokeswoman": a person
		}
	}
	for n := k + 1; n < len(d.items) && d.items[n].s < it.e+8; n++ {
		o := d.items[n]
		if o.kind == iRole {
			return "", false
		}
		if o.kind == iOrg && o.org.common {
			// nothing but modifiers in between
			for j := it.e + 2; j < o.s; j++ {
				if d.toks[j].text == "," {
					return "", false
				}
			}
			return o.org.sector, true
		}
	}
	return "", false
}

// looksLikePerson decides whether an unknown capitalised run names a
// person: a title before it, an apposition with a role after it, a
// speech verb next to it, a known given name, or two to four
// capitalised words.
func (d *doc) looksLikePerson(k int) bool {
	it := d.items[k]
	n := 0 // capitalised words: particles do not count ("Lula da Silva")
	first := d.toks[it.s]
	for q := it.s; q < it.e; q++ {
		if isAllCaps(d.toks[q].text) || isDigit(d.toks[q].text) || d.toks[q].folded {
			return false // headline words in capitals: only known names count
		}
		if d.toks[q].cap {
			n++
		}
	}
	if n > 4 {
		return false
	}
	if k > 0 && d.items[k-1].kind == iRole && d.items[k-1].e == it.s {
		return it.e-it.s > 1 || !nonNameWords[first.lower] // "Premier League" is no premier
	}
	if _, ok := d.r.lex.given[first.text]; ok {
		return true
	}
	if locPrepositions[d.tokAt(it.s-1).lower] || d.tokAt(it.s-1).lower == "of" && settlementNouns[d.tokAt(it.s-2).lower] {
		return false // "in Khan Younis", "the village of X": places the gazetteer does not know
	}
	if speechVerbs[d.tokAt(it.e).lower] || speechVerbs[d.tokAt(it.s-1).lower] || d.honorific(it.s) != 0 {
		return true
	}
	if d.tokAt(it.e).text == "," {
		for q := k + 1; q < len(d.items) && d.items[q].s <= it.e+4; q++ {
			if d.items[q].kind == iRole {
				return true
			}
		}
	}
	if n < 2 || first.tag != "" && !strings.HasPrefix(first.tag, "NNP") {
		return false
	}
	for q := it.s; q < it.e; q++ {
		if nonNameWords[d.toks[q].lower] {
			return false
		}
	}
	return true
}

// personContext attaches titles and appositions to person x.
func (d *doc) personContext(k int, x int) {
	e := d.ents[x]
	if e.typ != model.TypePerson {
		return
	}
	it := d.items[k]
	var country, sector, igo string
	// titles before: [modifier] role+ NAME
	q := k - 1
	for q >= 0 && d.items[q].kind == iRole && (d.items[q].e == it.s || d.items[q].e == d.items[q+1].s || d.tokAt(d.items[q].e).lower == "and") {
		r := d.items[q]
		m := d.modifierBefore(q-1, r.s)
		d.addRole(x, r.role.phrase, m.former || d.formerBefore(m.start))
		if sector == "" {
			sector = r.role.sector
		}
		if m.country != "" && country == "" {
			country = m.country
			if m.sector != "" && m.sector != "IGO" {
				sector = m.sector
			} else if m.sector == "IGO" {
				country, sector, igo = "", "", m.country
			}
		}
		q--
	}
	// reverse apposition: [modifier] role , NAME
	if k >= 1 && d.tokAt(it.s-1).text == "," && d.items[k-1].kind == iRole && d.items[k-1].e == it.s-1 {
		r := d.items[k-1]
		m := d.modifierBefore(k-2, r.s)
		d.addRole(x, r.role.phrase, m.former || d.formerBefore(m.start))
		sector = r.role.sector
		if m.country != "" {
			country = m.country
			if m.sector == "IGO" {
				country, sector, igo = "", "", m.country
			}
		}
	}
	// apposition after: NAME , [a|the|then] [modifier] role (and role)* (of|with|at ORG)
	if d.tokAt(it.e).text == "," {
		lim := it.e + d.r.opts.WindowTokens
		fwd := false
		for q := k + 1; q < len(d.items) && d.items[q].s < lim; q++ {
			o := d.items[q]
			if d.stopBetween(it.e+1, o.s) {
				break
			}
			if !fwd && d.prepBetween(it.e+1, o.s) {
				break
			}
			switch o.kind {
			case iRole:
				m := d.modifierBefore(q-1, o.s)
				former := m.former || d.formerBetween(it.e+1, o.s)
				d.addRole(x, o.role.phrase, former)
				fwd = true
				if sector == "" || sector == "GOV" && o.role.sector != "GOV" && o.role.sector != "" {
					sector = o.role.sector
				}
				if m.country != "" && country == "" {
					country = m.country
				}
			case iOrg, iLex, iName:
				if o.ent < 0 {
					d.resolveAhead(q)
					o = d.items[q]
				}
				if o.ent >= 0 && fwd {
					oe := d.ents[o.ent]
					if oe.typ == model.TypeOrg || oe.capital || oe.typ == model.TypePlace {
						if country == "" {
							country = oe.country
						}
						if oe.typ == model.TypeOrg && oe.sector != "" && oe.code == "" && (sector == "" || sector == "GOV" || sector == "EDU") {
							sector = oe.sector
						}
						if oe.code != "" && strings.HasPrefix(oe.code, "IGO") {
							country, sector, igo = "", "", oe.code
						}
					}
				}
			}
		}
	}
	if sector == "" && len(e.roles) > 0 {
		for _, r := range e.roles {
			if rl, ok := d.r.lex.roles.m[r]; ok && rl.sector != "" {
				sector = rl.sector
				break
			}
		}
	}
	// "President Jair Bolsonaro of Brazil", "Chairperson X of the
	// African Union"
	if country == "" && igo == "" && len(e.roles) > 0 && d.tokAt(it.e).lower == "of" {
		at := it.e + 1
		if d.tokAt(at).lower == "the" {
			at++
		}
		if le, _, ok := d.r.lex.proper.match(d.toks, at, false, &d.buf); ok {
			switch {
			case le.kind == kCountry && at == it.e+1:
				country = le.country
			case le.kind == kIGO:
				igo = le.code
			}
		}
	}
	if igo != "" && e.code == "" && e.country == "" {
		e.code = igo
		country, sector = "", ""
	}
	if country == "" && sector == "MIL" {
		country = d.focusCountry()
	}
	if e.country == "" && country != "" {
		e.country = country
	}
	if e.sector == "" && sector != "" {
		e.sector = sector
	}
	if e.gender == 0 {
		for _, r := range e.roles {
			if rl, ok := d.r.lex.roles.m[r]; ok && rl.gender != 0 {
				e.gender = rl.gender
			}
		}
	}
	if g := d.honorific(it.s); g == 'm' || g == 'f' {
		e.gender = g
	}
}

func (d *doc) honorific(i int) byte {
	switch strings.TrimSuffix(d.tokAt(i-1).text, ".") {
	case "Dr", "Prof":
		return '-'
	case "Mr", "Sir", "Lord":
		return 'm'
	case "Mrs", "Ms", "Miss", "Madam", "Dame", "Lady":
		return 'f'
	}
	return 0
}

// stopBetween reports a clause boundary in tokens [a, b): an apposition
// ends at a full stop, a quote or a verb of saying.
func (d *doc) stopBetween(a, b int) bool {
	for j := a; j < b && j < len(d.toks); j++ {
		t := d.toks[j]
		if t.text == "." || t.text == ";" || t.text == "\"" || t.text == "“" || t.text == "”" || t.text == "(" || speechVerbs[t.lower] {
			return true
		}
		if t.text == "," && j > a {
			return true
		}
	}
	return false
}

func (d *doc) prepBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if prepositions[d.toks[j].lower] {
			return true
		}
	}
	return false
}

// formerBefore reports "former", "then" or "ex-" right before token i.
func (d *doc) formerBefore(i int) bool {
	if d.tokAt(i-1).text == "-" {
		i--
	}
	return formerWords[d.tokAt(i-1).lower]
}

func (d *doc) formerBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if formerWords[d.toks[j].lower] {
			return true
		}
	}
	return false
}

// resolveAhead resolves item q early (an apposition needs its
// organisation); resolve() skips it later because ent is set.
func (d *doc) resolveAhead(q int) {
	it := &d.items[q]
	switch it.kind {
	case iName:
		d.resolveName(q)
	case iOrg:
		d.resolveOrg(q)
	case iLex:
		if x := d.lexEntity(it.lex); x >= 0 {
			it.ent = x
			d.affil = it.lex.kind == kDemonym
			d.mention(x, it.s, it.e)
			d.affil = false
		}
	}
	it.done = true
}

// surname links a one-word name (or a full name) to a person seen
// before. Between namesakes it prefers one mentioned in the last few
// sentences, then the most prominent role when the sentence is about
// leaders, then the most recent.
func (d *doc) surname(k int, name string) int {
	it := d.items[k]
	if it.e-it.s != 1 {
		return -1
	}
	var cands []int
	for x, e := range d.ents {
		if e.typ == model.TypePerson && (e.surname == name || e.alias == name) && e.name != name {
			cands = append(cands, x)
		}
	}
	if len(cands) == 0 {
		cands = d.firstNameRef(name)
	}
	if len(cands) == 0 {
		return -1
	}
	if len(cands) == 1 {
		return cands[0]
	}
	cue := d.cue
	here := 0
	if len(d.toks) > 0 {
		here = d.toks[0].start
	}
	best, bs := -1, -1<<30
	for _, x := range cands {
		e := d.ents[x]
		score := 0
		if len(e.mentions) > 0 {
			// recency within about three sentences (~600 bytes) dominates
			gap := here - e.last
			if gap < 600 {
				score += 100 - gap/10
			}
			score += e.last / 1000
		}
		if cue {
			score += 30 * e.rank
		} else {
			score += 5 * e.rank
		}
		if score > bs {
			best, bs = x, score
		}
	}
	return best
}

// firstNameRef returns the people a lone given name can refer to: where
// names are patronymic (Ethiopia, Eritrea, Iceland) the first name is the
// usual short form ("Abiy" for Abiy Ahmed); elsewhere a lone first word
// refers back to a full name only when no one has it as a surname and it
// is not a town's name.
func (d *doc) firstNameRef(name string) []int {
	var cands []int
	for x, e := range d.ents {
		if e.typ == model.TypePerson && e.first == name && len(e.mentions) > 0 {
			cands = append(cands, x)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	for _, x := range cands {
		if patronymicCountries[d.ents[x].country] {
			return cands
		}
	}
	for _, e := range d.ents {
		if e.surname == name || e.alias == name || e.name == name {
			return nil
		}
	}
	if _, ok := d.byKey["P:"+name]; ok || d.r.lex.knownPlace(name) {
		return nil
	}
	return cands
}

// knownShortName reports a single word that refers to a person seen
// before: enough to keep a sentence-initial capital ("Abiy is expected").
func (d *doc) knownShortName(w string) bool {
	for _, e := range d.ents {
		if e.typ == model.TypePerson && (e.surname == w || e.alias == w || e.first == w && patronymicCountries[e.country]) && e.name != w {
			return true
		}
	}
	return false
}

// resolvePronoun links he/she/his/her to the latest compatible person
// and it/its to the sentence's actor.
func (d *doc) resolvePronoun(k int) {
	it := &d.items[k]
	w := d.toks[it.s].lower
	if d.inQuote(it.s) {
		return
	}
	var gender byte
	switch w {
	case "he", "him", "his", "himself":
		gender = 'm'
	case "she", "her", "hers", "herself":
		gender = 'f'
	}
	if gender != 0 {
		// the latest compatible person; one whose gender is known to
		// match beats a slightly later one of unknown gender
		best, bl := -1, -1
		for x, e := range d.ents {
			if e.typ != model.TypePerson || len(e.mentions) == 0 || e.gender != 0 && e.gender != gender {
				continue
			}
			score := e.last
			if e.gender == gender {
				score += 60
			}
			if score > bl {
				best, bl = x, score
			}
		}
		if best >= 0 {
			if d.ents[best].gender == 0 {
				d.ents[best].gender = gender
			}
			it.ent = best
			d.mention(best, it.s, it.e)
		}
		return
	}
	if w == "they" || w == "their" || w == "them" || w == "theirs" || w == "themselves" {
		d.resolvePlural(k)
		return
	}
	// it / its: a country or organisation that is the sentence's subject
	// ("Taiwan demanded ... which it said ..."), or the latest actor
	// before "its" in the same sentence
	if w == "it" && speechVerbs[d.tokAt(it.e).lower] || w == "it" && d.tokAt(it.e).lower == "has" && speechVerbs[d.tokAt(it.e+1).lower] {
		if d.sentIdx >= 0 && d.sentIdx < len(d.subject) {
			if x := d.subject[d.sentIdx]; x >= 0 && isActorEnt(d.ents[x]) {
				it.ent = x
				d.mention(x, it.s, it.e)
			}
		}
		return
	}
	if w == "its" {
		for q := k - 1; q >= 0; q-- {
			o := d.items[q]
			if o.kind == iLex && o.lex.kind == kDemonym {
				continue // "Pakistani forces ... its posts": an adjective is no antecedent
			}
			if o.ent >= 0 && isActorEnt(d.ents[o.ent]) && !pluralCommon(d.ents[o.ent].name) {
				it.ent = o.ent
				d.mention(o.ent, it.s, it.e)
				return
			}
		}
	}
}

// resolvePlural links they/their/them to the latest pair of actors
// joined by "and" in this or the previous sentence ("Egypt and Qatar said
// they ..."); the mention goes to both.
func (d *doc) resolvePlural(k int) {
	it := &d.items[k]
	// a pair earlier in this sentence
	for q := k - 1; q >= 1; q-- {
		a, b := d.items[q-1], d.items[q]
		if a.ent >= 0 && b.ent >= 0 && a.ent != b.ent && d.tokAt(a.e).lower == "and" && b.s == a.e+1 && isActorEnt2(d.ents[a.ent]) && isActorEnt2(d.ents[b.ent]) {
			d.pair, d.pairSent = [2]int{a.ent, b.ent}, d.sentIdx
			break
		}
	}
	if d.pair[0] < 0 || d.sentIdx-d.pairSent > 1 {
		return
	}
	d.mention(d.pair[0], it.s, it.e)
	d.mention(d.pair[1], it.s, it.e)
}

// pluralCommon reports a common-noun organisation in the plural
// ("forces", "troops"), which "its" cannot refer to.
func pluralCommon(name string) bool {
	return name != "" && strings.ToLower(name) == name && strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss")
}

// isActorEnt2 accepts people too (pairs of leaders).
func isActorEnt2(e *ent) bool { return e.typ == model.TypePerson || isActorEnt(e) }

func isActorEnt(e *ent) bool {
	return e.typ == model.TypeOrg || e.typ == model.TypePlace && (e.code != "" && len(e.code) == 3 && !e.town || e.capital)
}

// inQuote reports whether token i sits inside a quotation of the
// sentence (an odd number of quote marks before it).
func (d *doc) inQuote(i int) bool {
	return i < len(d.quotes) && d.quotes[i]%2 == 1
}

// resolveDefinites handles "the island", "the mainland" and "the two
// sides/countries", which are not capitalised and not items.
func (d *doc) resolveDefinites() {
	toks := d.toks
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "the" {
			continue
		}
		nx := toks[i+1].lower
		switch {
		case nx == "island" || nx == "mainland":
			if i+2 < len(toks) && toks[i+2].cap {
				continue // "the island of Hainan"
			}
			if x := d.defPlace(nx); x >= 0 {
				d.mention(x, i, i+2)
			}
		case nx == "capital" && !d.tokAt(i+2).cap && d.tokAt(i+2).lower != "of":
			// "the capital": the latest capital city mentioned
			best, bl := -1, -1
			for x, e := range d.ents {
				if e.capital && len(e.mentions) > 0 && e.last < toks[i].start && e.last > bl {
					best, bl = x, e.last
				}
			}
			if best >= 0 {
				d.mention(best, i, i+2)
			}
		case groupNouns[nx] && d.headEnds(i+2) || groupAdjectives[nx] && groupNouns[d.tokAt(i+2).lower] && d.headEnds(i+3):
			// "the group", "the militant group": the latest armed or
			// political group named
			n := 2
			if groupAdjectives[nx] {
				n = 3
			}
			best, bl := -1, -1
			for x, e := range d.ents {
				if e.typ == model.TypeOrg && (e.sector == "REB" || e.sector == "OPP") && e.name != strings.ToLower(e.name) && len(e.mentions) > 0 && e.last < toks[i].start && e.last > bl {
					best, bl = x, e.last
				}
			}
			if best >= 0 {
				d.mention(best, i, i+n)
			}
		case nx == "two" && i+2 < len(toks) && pairNouns[toks[i+2].lower]:
			var a, b int
			if personPairNouns[toks[i+2].lower] {
				a, b = d.recentPeople(toks[i].start)
			} else {
				// "Brazil offered to mediate between the two countries":
				// the sentence's opening subject stands between them
				skip := ""
				if d.tokAt(i-1).lower == "between" {
					skip = d.openingCountry()
				}
				a, b = d.recentPair(toks[i].start, skip)
			}
			if a >= 0 && b >= 0 {
				d.mention(a, i, i+3)
				d.mention(b, i, i+3)
			}
		}
	}
}

// headEnds reports that the noun phrase ends before token j: no name
// follows ("the group Hamas") and no "of" + noun ("the group of seven"),
// though "accused the group of using" is a verb's complement.
func (d *doc) headEnds(j int) bool {
	t := d.tokAt(j)
	if t.cap {
		return false
	}
	return t.lower != "of" || strings.HasSuffix(d.tokAt(j+1).lower, "ing")
}

// recentPair returns the two most recently mentioned distinct countries
// (as entities: the country itself when it has one), media and
// international bodies aside.
func (d *doc) recentPair(before int, skip string) (int, int) {
	var got []string
	for q := len(d.order) - 1; q >= 0 && len(got) < 2; q-- {
		if d.order[q].off >= before {
			continue
		}
		if skip != "" && d.ents[d.order[q].ent].country == skip {
			continue
		}
		e := d.ents[d.order[q].ent]
		if e.country == "" || e.sector == "MED" || e.typ == model.TypeEquipment || e.typ == model.TypePlace && !e.capital && len(e.code) != 3 {
			continue
		}
		if len(got) == 1 && got[0] == e.country {
			continue
		}
		if _, ok := d.r.lex.countries[e.country]; !ok {
			continue
		}
		got = append(got, e.country)
	}
	if len(got) < 2 {
		return -1, -1
	}
	pick := func(c string) int {
		if x, ok := d.byKey["C:"+c]; ok {
			return x
		}
		best, bl := -1, -1
		for x, e := range d.ents {
			if e.country == c && e.last > bl && len(e.mentions) > 0 {
				best, bl = x, e.last
			}
		}
		return best
	}
	return pick(got[0]), pick(got[1])
}

// openingCountry is the country of the entity that opens the sentence
// ("Brazil offered ...", "The Kremlin said ..."), or "".
func (d *doc) openingCountry() string {
	s := 0
	if d.tokAt(0).lower == "the" {
		s = 1
	}
	for _, it := range d.items {
		if it.s == s && it.ent >= 0 {
			return d.ents[it.ent].country
		}
	}
	return ""
}

// recentPeople returns the two people mentioned most recently before
// offset before ("the two leaders").
func (d *doc) recentPeople(before int) (int, int) {
	got := [2]int{-1, -1}
	n := 0
	for q := len(d.order) - 1; q >= 0 && n < 2; q-- {
		x := d.order[q].ent
		if d.order[q].off >= before || d.ents[x].typ != model.TypePerson || n == 1 && got[0] == x {
			continue
		}
		got[n] = x
		n++
	}
	return got[0], got[1]
}

// output builds the model entities: only those with body mentions, ids
// in order of first mention, mentions sorted.
func (d *doc) output() []model.Entity {
	var live []*ent
	for _, e := range d.ents {
		if len(e.mentions) > 0 {
			sort.Slice(e.mentions, func(i, j int) bool {
				if e.mentions[i].Start != e.mentions[j].Start {
					return e.mentions[i].Start < e.mentions[j].Start
				}
				return e.mentions[i].End < e.mentions[j].End
			})
			live = append(live, e)
		}
	}
	sort.SliceStable(live, func(i, j int) bool { return live[i].mentions[0].Start < live[j].mentions[0].Start })
	// people with a national title and no country: the article's focus
	// (explicit "Peru's president", demonyms and appositions came first)
	if focus := d.articleFocus(); focus != "" {
		for _, e := range live {
			if e.typ != model.TypePerson || e.country != "" || e.code != "" || e.sector != "" && e.sector != "GOV" && e.sector != "MIL" && e.sector != "SPY" && e.sector != "OPP" {
				continue
			}
			for _, r := range e.roles {
				if d.nationalRole(r) {
					e.country = focus
					if e.sector == "" {
						e.sector = d.r.lex.roles.m[r].sector
					}
					break
				}
			}
		}
	}
	out := make([]model.Entity, 0, len(live))
	for i, e := range live {
		me := model.Entity{ID: "e" + strconv.Itoa(i+1), Name: e.name, Type: e.typ, Roles: e.roles, Former: e.former}
		me.Mentions, me.Affiliations = splitAffiliations(e.mentions, e.adj)
		if me.Roles == nil {
			me.Roles = []string{}
		}
		code := e.code
		if code == "" && e.country != "" {
			code = e.country + e.sector
		}
		me.Code = model.Str(code)
		me.Country = model.Str(e.country)
		if e.hasLL && e.typ == model.TypePlace {
			me.Lat, me.Lon = model.Float(e.lat), model.Float(e.lon)
			me.Precision = e.precision
		}
		if e.typ == model.TypePlace {
			me.Basis = e.basis
		}
		out = append(out, me)
	}
	return out
}
