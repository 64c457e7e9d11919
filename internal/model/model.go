package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// Span is a half-open range of byte offsets [Start, End) into an
// article's Body, as in go/token: Body[s.Start:s.End] is the text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Date precisions used throughout the output (see docs/output.md).
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
	PrecisionRange = "range"
)

// Sources of a publication date.
const (
	DateFromMetadata = "metadata" // the feed, page or JSONL record said so
	DateFromFlag     = "flag"     // the user gave --published
	DateFromInferred = "inferred" // read off the text, with Evidence
	DateUnknown      = "unknown"  // nothing reliable; Date is nil
)

// Published is an article's publication date with its provenance.
// Date is "YYYY-MM-DD", "YYYY-MM" or "YYYY" matching Precision, or nil.
type Published struct {
	Date      *string `json:"date"`
	Precision *string `json:"precision"`
	Source    string  `json:"source"`
	Evidence  *string `json:"evidence"`
}

// Caption is a photo caption split off the body, with its credit
// ("AFP", "EPA/RITCHIE B. TONGO") when one was found.
type Caption struct {
	Text   string  `json:"text"`
	Credit *string `json:"credit"`
}

// Sentence is one body sentence: Body[Start:End] == Text.
type Sentence struct {
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Tokens are the sentence's tokens with their tags, lemmas and, for
	// parsed sentences, heads and relations: only in the output of
	// `sitrep extract --tokens` (docs/output.md), never stored.
	Tokens []Token `json:"tokens,omitempty"`
}

// Span returns the sentence's byte span in the body.
func (s Sentence) Span() Span { return Span{s.Start, s.End} }

// Token is a word or punctuation mark of a sentence. Start/End are byte
// offsets into the article Body (not into the sentence). Tag is a Penn
// Treebank part-of-speech tag when a tagger ran, else "".
type Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Tag   string `json:"tag,omitempty"`
	// Syntax, filled by the syntax parser (internal/syntax) for the
	// sentences it parses, empty otherwise. Tag then holds the Penn
	// (XPOS) tag. Lemma is the dictionary form; UPOS the Universal
	// Dependencies part of speech.
	Lemma string `json:"lemma,omitempty"`
	UPOS  string `json:"upos,omitempty"`
	// Head is the 1-based index within the sentence of the token's
	// syntactic head (the CoNLL-U convention): Tokens[s][Head-1] is the
	// head, and 0 means the token is the root of the sentence, or that
	// the sentence was not parsed (Rel == "").
	Head int `json:"head,omitempty"`
	// Rel is the Universal Dependencies relation to the head, with its
	// subtype ("nsubj", "nsubj:pass", "obl:unmarked", "root").
	Rel string `json:"rel,omitempty"`
}

// Span returns the token's byte span in the body.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// Mention is a piece of a sentence: Body[Start:End] == Text, and the
// span lies inside Sentences[Sentence]. Quantities, times and quotes
// embed it, so every fact carries the same provenance.
type Mention struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Span returns the mention's byte span in the body.
func (m Mention) Span() Span { return Span{m.Start, m.End} }

// Entity types.
const (
	TypePerson    = "PERSON"
	TypeOrg       = "ORG"
	TypePlace     = "PLACE"
	TypeEquipment = "EQUIPMENT"
)

// Entity groups the mentions of one real thing within an article.
// Code is a CAMEO-style actor code (country alpha-3 then sectors, e.g.
// "KORGOV", "IGOUNO"); Country the ISO 3166 alpha-3 code; Lat/Lon are
// set for places. Mentions are in text order and include pronouns and
// surnames resolved by coreference.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Code     *string   `json:"code"`
	Country  *string   `json:"country"`
	Roles    []string  `json:"roles"`
	Former   bool      `json:"former"`
	Lat      *float64  `json:"lat"`
	Lon      *float64  `json:"lon"`
	Mentions []Mention `json:"mentions"`
	// Precision says how exact Lat/Lon are for a place: "point" (a
	// landmark or facility), "city", "division" (a representative point of
	// a state, province or county) or "country" (of a country or larger
	// region). Empty for other types and for places without coordinates.
	Precision string `json:"precision,omitempty"`
	// Basis says why this reading of a place name was chosen: "lexicon"
	// (the lexicon's one reading: countries, capitals, named features),
	// "qualifier" ("Paris, Texas"), "context" (the article's other
	// countries, divisions and nearby places), "prominence" (no context:
	// the most populous or highest-level reading) or "only" (the
	// gazetteer's one reading).
	Basis string `json:"basis,omitempty"`
	// Affiliations are mentions that name the entity only as the
	// affiliation of another noun: a nationality adjective or demonym
	// ("Syrian" in "Syrian troops", "the Chinese"). They are not
	// mentions of the place itself; actor coding reads them like
	// Mentions.
	Affiliations []Mention `json:"affiliations,omitempty"`
}

// Reading is one value/unit interpretation of a quantity.
type Reading struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// Quantity is a number with a normalised unit ("km", "nmi", "person",
// "USD", ...). Also holds further consistent readings of the same span,
// as in "44-kilometer (24-nautical mile)".
type Quantity struct {
	Mention
	Value float64   `json:"value"`
	Unit  string    `json:"unit"`
	Also  []Reading `json:"also"`
}

// Time is a time expression resolved against the publication date.
// Value is "YYYY-MM-DD", "YYYY-MM" or "YYYY" per Precision; for
// Precision "range", From and To bound the period where known (either
// may be nil for an open range) and Value may be nil.
type Time struct {
	Mention
	Value     *string `json:"value"`
	Precision string  `json:"precision"`
	From      *string `json:"from"`
	To        *string `json:"to"`
}

// Quote is a direct quotation (without its quote marks) and the entity
// id of its speaker, or nil when no speaker was found.
type Quote struct {
	Mention
	Speaker *string `json:"speaker"`
}

// Actor is one side of an event: an entity id of the same article (nil
// for actors without an entity, e.g. from a dictionary match) and the
// CAMEO-style actor code.
type Actor struct {
	Entity *string `json:"entity"`
	Code   string  `json:"code"`
	// Span of the actor's words in the body; not part of the output
	// contract but kept for highlighting.
	Start int `json:"start,omitempty"`
	End   int `json:"end,omitempty"`
}

// Plover is the PLOVER coding of an event.
type Plover struct {
	Type    string   `json:"type"`
	Mode    *string  `json:"mode"`
	Context []string `json:"context"`
}

// EventDate is when an event happened. FromText is the time expression it
// was resolved from, or nil when the publication date was used. From and
// To bound a range ("since 2016", "from March to May") as its time
// expression resolved them; To is nil when the end is open or unknown.
type EventDate struct {
	Value     *string `json:"value"`
	Precision *string `json:"precision"`
	FromText  *string `json:"from_text"`
	From      *string `json:"from,omitempty"`
	To        *string `json:"to,omitempty"`
}

// Attribution is one link of an event's claim chain: who says so
// ("according to Seoul's foreign ministry", "Reuters reported").
type Attribution struct {
	Entity *string `json:"entity"`
	Code   *string `json:"code"`
	Text   string  `json:"text"`
	Verb   string  `json:"verb,omitempty"`
	Medium *string `json:"medium,omitempty"`
}

// Location is where an event took place. Basis says how it was chosen:
// "clause" (a place named in the event's clause) or "article" (the
// article's focus place).
type Location struct {
	Entity  *string  `json:"entity"`
	Name    string   `json:"name"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
	Country *string  `json:"country"`
	Basis   string   `json:"basis,omitempty"`
}

// Event modalities.
const (
	ModalityAsserted = "asserted"
	ModalityFuture   = "future"
	ModalityPossible = "possible"
	ModalityDenied   = "denied"
	ModalityAlleged  = "alleged"
	ModalityHabitual = "habitual"
	ModalityNegated  = "negated"
)

// Event is one coded action: Source did Cameo to Target. Start/End is
// the span of the event's clause (or at least its verb phrase) in the
// body, inside Sentences[Sentence]. Events of one compound actor share a
// Group.
type Event struct {
	ID          string        `json:"id"`
	Sentence    int           `json:"sentence"`
	Start       int           `json:"start"`
	End         int           `json:"end"`
	Group       *string       `json:"group"`
	Source      Actor         `json:"source"`
	Target      *Actor        `json:"target"`
	Cameo       string        `json:"cameo"`
	Goldstein   float64       `json:"goldstein"`
	QuadClass   int           `json:"quad_class"`
	Plover      Plover        `json:"plover"`
	Modality    string        `json:"modality"`
	Date        EventDate     `json:"date"`
	Attribution []Attribution `json:"attribution"`
	Location    *Location     `json:"location"`
	// Verb is the action's words as found (e.g. "pledged continued
	// cooperation"), for display; Action its span.
	Verb   string `json:"verb,omitempty"`
	Action *Span  `json:"action,omitempty"`
}

// Article is the unit of the pipeline and of the output contract
// (shared/spec/output.md): one JSON Lines record of `sitrep extract`.
// Field order follows the contract.
type Article struct {
	ID          string     `json:"id"`
	Title       *string    `json:"title"`
	URL         *string    `json:"url"`
	Published   Published  `json:"published"`
	Captions    []Caption  `json:"captions"`
	Subheadings []string   `json:"subheadings"`
	Body        string     `json:"body"`
	DuplicateOf *string    `json:"duplicate_of"`
	Sentences   []Sentence `json:"sentences"`
	Entities    []Entity   `json:"entities"`
	Quantities  []Quantity `json:"quantities"`
	Times       []Time     `json:"times"`
	Quotes      []Quote    `json:"quotes"`
	Events      []Event    `json:"events"`

	// Source names where the article came from: a file path with a
	// record position ("feeds.jsonl:12", "crawl.warc.gz@10234") or a URL.
	Source string `json:"source,omitempty"`
	// Language is the detected language code ("en" when unsure).
	Language string `json:"language,omitempty"`
	// Warnings are quality notes from any stage (non-English text,
	// overlong sentences, ...).
	Warnings []string `json:"warnings,omitempty"`
	// Offsets maps body bytes back to the raw input where cleaning
	// changed the text (dump splitting, HTML extraction).
	Offsets OffsetMap `json:"-"`
	// Tokens holds each sentence's tokens (Tokens[i] belongs to
	// Sentences[i]); filled by the text stage, not serialised.
	Tokens [][]Token `json:"-"`
	// HeadingAt records where each subheading stood: the body offset of
	// the first byte after it. Parallel to Subheadings.
	HeadingAt []int `json:"-"`
	// Fingerprint is the 64-bit simhash of the body, for near-duplicate
	// detection (see ingest.Simhash).
	Fingerprint uint64 `json:"-"`
}

// NewArticle returns an article with every slice non-nil (the contract
// wants [] rather than null) and an unknown publication date.
func NewArticle() *Article {
	return &Article{
		Published:   Published{Source: DateUnknown},
		Captions:    []Caption{},
		Subheadings: []string{},
		Sentences:   []Sentence{},
		Entities:    []Entity{},
		Quantities:  []Quantity{},
		Times:       []Time{},
		Quotes:      []Quote{},
		Events:      []Event{},
	}
}

// Normalize makes every slice non-nil so that the JSON output carries
// [] rather than null, as the contract demands.
func (a *Article) Normalize() {
	if a.Captions == nil {
		a.Captions = []Caption{}
	}
	if a.Subheadings == nil {
		a.Subheadings = []string{}
	}
	if a.Sentences == nil {
		a.Sentences = []Sentence{}
	}
	if a.Entities == nil {
		a.Entities = []Entity{}
	}
	for i := range a.Entities {
		if a.Entities[i].Roles == nil {
			a.Entities[i].Roles = []string{}
		}
		if a.Entities[i].Mentions == nil {
			a.Entities[i].Mentions = []Mention{}
		}
	}
	if a.Quantities == nil {
		a.Quantities = []Quantity{}
	}
	for i := range a.Quantities {
		if a.Quantities[i].Also == nil {
			a.Quantities[i].Also = []Reading{}
		}
	}
	if a.Times == nil {
		a.Times = []Time{}
	}
	if a.Quotes == nil {
		a.Quotes = []Quote{}
	}
	if a.Events == nil {
		a.Events = []Event{}
	}
	for i := range a.Events {
		if a.Events[i].Attribution == nil {
			a.Events[i].Attribution = []Attribution{}
		}
		if a.Events[i].Plover.Context == nil {
			a.Events[i].Plover.Context = []string{}
		}
	}
}

// ContentID returns the article id: the hex SHA-256 of the normalised
// body (whitespace runs collapsed to one space, trimmed), so the same
// text ingested from two forms gets the same id.
func ContentID(body string) string {
	h := sha256.Sum256([]byte(strings.Join(strings.Fields(body), " ")))
	return hex.EncodeToString(h[:])
}

// Str returns a pointer to s, or nil when s is empty; a convenience for
// the many nullable string fields of the contract.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Float returns a pointer to f.
func Float(f float64) *float64 { return &f }

// Deref returns *p, or "" when p is nil.
func Deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Clip shortens s to at most n bytes on a character boundary, marking the
// cut with "…": for error messages and warnings that quote input.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
