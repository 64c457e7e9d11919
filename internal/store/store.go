package store

import (
	"context"
	"errors"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// ErrNotFound is returned (wrapped) when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// ErrNoDatabase is returned (wrapped) when a store that must exist does
// not (see sqlite.Options.MustExist).
var ErrNoDatabase = errors.New("database does not exist")

// Store is sitrep's persistence. The SQLite implementation (package
// store/sqlite) is the embedded default; store/postgres implements the
// same contract for scale-out. Both pass the shared suite in
// store/storetest.
//
// All writes are transactional: PutArticle stores an article and every
// fact of it (sentences, entities, mentions, quantities, times, quotes,
// events, attributions) or nothing. Putting the same article (same ID)
// again changes nothing and reports Inserted=false.
type Store interface {
	// PutArticle stores a fully processed article. It assigns each new
	// event to a cluster (one real-world event reported many times; see
	// EventRecord.Cluster) and updates the dyad aggregates.
	PutArticle(ctx context.Context, a *model.Article) (PutResult, error)
	// Article returns one article with all its facts, as `sitrep
	// extract` would print it. ErrNotFound if absent.
	Article(ctx context.Context, id string) (*model.Article, error)
	// Articles lists article summaries, newest publication date first
	// (undated articles last), newest ingest first within a day.
	Articles(ctx context.Context, f ArticleFilter) (Page[ArticleSummary], error)
	// NearDuplicate returns the id of a stored article whose body
	// fingerprint is within maxDistance bits of fp, or "" if none.
	NearDuplicate(ctx context.Context, fp uint64, maxDistance int) (string, error)

	// Events lists events matching f, ordered by event date then id.
	Events(ctx context.Context, f EventFilter) (Page[EventRecord], error)
	// EachEvent streams every event matching f (ignoring Limit and
	// Cursor) in the same order, in constant memory; fn's error stops
	// the walk and is returned.
	EachEvent(ctx context.Context, f EventFilter, fn func(EventRecord) error) error
	// Clusters lists merged events: one row per real-world event with
	// its report count, article count and the modalities reported.
	Clusters(ctx context.Context, f EventFilter) (Page[Cluster], error)
	// Entities lists entities across articles grouped by name, type and
	// code, with mention counts.
	Entities(ctx context.Context, f EntityFilter) (Page[EntitySummary], error)
	// Quotes lists quotes with their speakers.
	Quotes(ctx context.Context, f QuoteFilter) (Page[QuoteRecord], error)
	// Timeline returns per-bucket counts by QuadClass and the Goldstein
	// sum for a dyad, from pre-aggregated tables.
	Timeline(ctx context.Context, q TimelineQuery) ([]TimelinePoint, error)

	// Alert rules and fired alerts.
	AddAlertRule(ctx context.Context, r AlertRule) (AlertRule, error)
	AlertRules(ctx context.Context) ([]AlertRule, error)
	DeleteAlertRule(ctx context.Context, id int64) error
	// PutAlert stores a fired alert and returns it with its ID.
	PutAlert(ctx context.Context, a Alert) (Alert, error)
	// Alerts lists fired alerts with ID > afterID, oldest first.
	Alerts(ctx context.Context, afterID int64, limit int) ([]Alert, error)

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// BatchPutter is implemented by stores that can store several articles
// in one transaction. The results and atomicity per article are those of
// PutArticle; callers use it where throughput matters (ingest, bench).
type BatchPutter interface {
	PutArticles(ctx context.Context, arts []*model.Article) ([]PutResult, error)
}

// PutResult says what PutArticle did.
type PutResult struct {
	Inserted bool // false when the article was already stored or failed
	Events   int  // events stored
	// Err is why PutArticles could not store this article (nil when
	// stored or already there); PutArticle returns it instead.
	Err error
}

// Page is one page of a listing; Next is the opaque cursor of the next
// page, "" at the end. There is no cap on the total.
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"`
}

// MaxLimit clamps page sizes; DefaultLimit is used when Limit <= 0.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// ArticleFilter selects articles. Text is a full-text query over titles
// and bodies. Since/Until bound the publication date (YYYY-MM-DD).
type ArticleFilter struct {
	Text   string
	Since  string
	Until  string
	Limit  int
	Cursor string
}

// ArticleSummary is one row of an article listing.
type ArticleSummary struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	URL         string    `json:"url"`
	Source      string    `json:"source"`
	Published   string    `json:"published"`
	DuplicateOf string    `json:"duplicate_of"`
	Sentences   int       `json:"sentences"`
	Entities    int       `json:"entities"`
	Events      int       `json:"events"`
	IngestedAt  time.Time `json:"ingested_at"`
}

// BBox is a lat/lon bounding box.
type BBox struct {
	MinLat, MinLon, MaxLat, MaxLon float64
}

// EventFilter selects events. Code fields are prefixes of actor codes
// ("RUS" matches "RUSGOV"). Actor matches either side; Source/Target
// match one side each; with Undirected, Source/Target match either
// orientation of the dyad.
type EventFilter struct {
	Actor      string
	Source     string
	Target     string
	Undirected bool
	Code       string   // CAMEO prefix
	Modality   []string // any of
	Since      string   // event date >= (YYYY-MM-DD)
	Until      string   // event date <= (YYYY-MM-DD)
	BBox       *BBox
	Text       string // full-text query on the source sentence
	ArticleID  string
	Cluster    string // events of one cluster
	// Country is the ISO alpha-3 code of the event's location country.
	Country string
	// Region is the event's first-level division: its code ("US.TX",
	// any case) or its name ("Texas", case-insensitive).
	Region string
	// Newest lists the latest events first (by day then key, both
	// descending; undated events come last). The default is oldest
	// first, which exports and cluster walks rely on.
	Newest bool
	Limit  int
	Cursor string
}

// EventRecord is a stored event with the context a reader needs.
type EventRecord struct {
	model.Event
	ArticleID    string `json:"article_id"`
	ArticleTitle string `json:"article_title"`
	ArticleURL   string `json:"article_url"`
	// SentenceText and SentenceStart let a client highlight the event's
	// spans (body offsets) inside its sentence.
	SentenceText  string `json:"sentence_text"`
	SentenceStart int    `json:"sentence_start"`
	SourceName    string `json:"source_name"`
	TargetName    string `json:"target_name"`
	// Day is the event date used for indexing and timelines
	// (YYYY-MM-DD; the first day of a month/year/range), "" if unknown.
	Day string `json:"day"`
	// Cluster is the id of the merged real-world event this report
	// belongs to (the id of its first report). A report joins the
	// earliest stored cluster whose first report has the same source,
	// target and CAMEO root, is dated within two days of it, and names
	// no other country; otherwise it founds its own.
	Cluster string `json:"cluster"`
	// Key is the event's globally unique id: article id + ":" + event id.
	Key string `json:"key"`
	// DatePrecision is how finely Day is known: "day", "month", "year",
	// "range", or "none" for an undated event (see store.DatePrecision).
	DatePrecision string `json:"date_precision"`
	// ArticlePublished is the article's publication date as stored
	// ("YYYY-MM-DD", "YYYY-MM", "YYYY", "" when unknown); ArticleSource
	// where it came from (a URL or a file position); IngestedAt when it
	// was stored (GDELT's DATEADDED).
	ArticlePublished string    `json:"article_published"`
	ArticleSource    string    `json:"article_source"`
	IngestedAt       time.Time `json:"ingested_at"`
	// LocationPrecision is how exact the event's place is: "point",
	// "city", "division" or "country" (a country's representative point:
	// a country-level guess, not a place), "" when unknown or unplaced.
	LocationPrecision string `json:"location_precision"`
	// Region and RegionName are the first-level division (state,
	// province) of the event's place: the GeoNames code with the ISO
	// alpha-2 country ("US.TX") and its name, "" when the place is a
	// country-level guess or unknown (see store.Regions).
	Region     string `json:"region"`
	RegionName string `json:"region_name"`
	// DayTo is the last day of a date range whose end is known
	// ("" otherwise): Day to DayTo is a closed span.
	DayTo string `json:"day_to"`
	// Fatalities is the number of people reported killed by this event
	// (0 when none was reported), read from the article's quantities by
	// store.Fatalities when the article was stored.
	Fatalities int `json:"fatalities"`
}

// Cluster is one real-world event merged from its reports.
type Cluster struct {
	ID         string      `json:"id"`
	First      EventRecord `json:"first"`
	Reports    int         `json:"reports"`
	Articles   int         `json:"articles"`
	Modalities []string    `json:"modalities"`
}

// EntityFilter selects entities; Name is a case-insensitive substring.
type EntityFilter struct {
	Name   string
	Type   string
	Code   string // prefix
	Limit  int
	Cursor string
}

// EntitySummary is one entity across the store.
type EntitySummary struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Code     string   `json:"code"`
	Country  string   `json:"country"`
	Lat      *float64 `json:"lat"`
	Lon      *float64 `json:"lon"`
	Articles int      `json:"articles"`
	Mentions int      `json:"mentions"`
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker   string // substring of the speaker's name
	ArticleID string
	Text      string
	Limit     int
	Cursor    string
}

// QuoteRecord is a stored quote with its speaker resolved.
type QuoteRecord struct {
	model.Quote
	ArticleID   string `json:"article_id"`
	SpeakerName string `json:"speaker_name"`
	SpeakerCode string `json:"speaker_code"`
}

// TimelineQuery asks for a dyad's history. A and B are actor code
// prefixes ("" = any actor); Directed means A is the source and B the
// target, otherwise both orientations count. Interval is "day", "week"
// (weeks start on Monday) or "month" (see Intervals).
type TimelineQuery struct {
	A, B     string
	Directed bool
	Code     string // CAMEO prefix, optional
	Interval string
	Since    string
	Until    string
}

// TimelinePoint is one bucket of a timeline. Quad[i] counts events of
// QuadClass i+1 (verbal coop, material coop, verbal conflict, material
// conflict). Index is the mean Goldstein score of the bucket's events
// (-10 conflict .. +10 cooperation), 0 for an empty bucket.
//
// A timeline counts every matching event exactly once. Dated buckets
// (Kind "") come first, in order, from the first to the last non-empty
// one. An event whose date is coarser than the interval (a month in a
// weekly timeline, a year, an open range such as "since 2016") is not
// drawn as a point on its first day: it is counted in a point of Kind
// "span" covering Bucket (its first day) to To (its last day, "" when
// open). Events without any date are counted in one last point of Kind
// "undated" (Bucket "undated"), whatever Since and Until say, since
// they cannot be placed inside or outside a date range.
type TimelinePoint struct {
	Bucket    string  `json:"bucket"`
	Count     int     `json:"count"`
	Quad      [4]int  `json:"quad"`
	Goldstein float64 `json:"goldstein_sum"`
	Index     float64 `json:"index"`
	// Kind is "" for a dated bucket, "span" or "undated" (see above).
	Kind string `json:"kind,omitempty"`
	// To and Precision describe a span: its last day ("" = open) and the
	// events' date precision ("month", "year" or "range").
	To        string `json:"to,omitempty"`
	Precision string `json:"precision,omitempty"`
	// Fatalities sums the events' fatalities (EventRecord.Fatalities).
	Fatalities int `json:"fatalities"`
}

// Timeline point kinds (TimelinePoint.Kind).
const (
	PointDated   = ""
	PointSpan    = "span"
	PointUndated = "undated"
)

// Intervals lists the timeline intervals.
func Intervals() []string { return []string{"day", "week", "month"} }

// Alert rule kinds.
const (
	RuleNewEvent   = "new_event"   // any new event matching the filter
	RuleSigma      = "sigma"       // daily count or index departs from its trailing baseline by K sigma
	RuleFirstEvent = "first_event" // first event of the filter's kind between the dyad
)

// AlertRule is a stored alert rule: an event filter plus a condition.
type AlertRule struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`
	Kind    string    `json:"kind"`
	Source  string    `json:"source"`  // actor code prefix
	Target  string    `json:"target"`  // actor code prefix
	Code    string    `json:"code"`    // CAMEO prefix
	K       float64   `json:"k"`       // sigma threshold for RuleSigma
	Window  int       `json:"window"`  // baseline length in days for RuleSigma
	Webhook string    `json:"webhook"` // optional URL to POST fired alerts to
	Created time.Time `json:"created"`
	// Paused rules are kept but not evaluated (see AlertRulePauser).
	Paused bool `json:"paused"`
}

// CountryCounter is implemented by stores that count events by location
// country (both SQL stores do): the map's choropleth.
type CountryCounter interface {
	// CountryCounts counts the events matching f (Limit and Cursor
	// ignored) per ISO alpha-3 country of their location, most first;
	// events without a country are left out.
	CountryCounts(ctx context.Context, f EventFilter) ([]CountryCount, error)
}

// CountryCount is the number of events located in one country and the
// fatalities they report.
type CountryCount struct {
	Country    string `json:"country"`
	Events     int    `json:"events"`
	Fatalities int    `json:"fatalities"`
}

// AlertRulePauser is implemented by stores that can pause and resume a
// rule in place (both SQL stores do).
type AlertRulePauser interface {
	PauseAlertRule(ctx context.Context, id int64, paused bool) error
}

// Alert is a fired alert.
type Alert struct {
	ID       int64     `json:"id"`
	RuleID   int64     `json:"rule_id"`
	RuleName string    `json:"rule_name"`
	FiredAt  time.Time `json:"fired_at"`
	Message  string    `json:"message"`
	EventKey string    `json:"event_key"`
	// Cluster is what the alert is about: the event cluster (one
	// real-world event, all its reports and near-duplicate copies) or a
	// rule's own key (a sigma rule's day). PutAlert stores one alert per
	// rule and non-empty Cluster: a later report updates that alert
	// (Reports, UpdatedAt, LastEventKey) instead of adding another.
	Cluster string `json:"cluster,omitempty"`
	// Reports counts the reports that fired or updated the alert.
	Reports      int        `json:"reports"`
	UpdatedAt    *time.Time `json:"updated_at,omitempty"`
	LastEventKey string     `json:"last_event_key,omitempty"`
	// Updated is set on the alert PutAlert returns when it updated an
	// existing alert rather than storing a new one.
	Updated bool `json:"-"`
}

// Stats counts stored records.
type Stats struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
	Entities int `json:"entities"`
	Quotes   int `json:"quotes"`
	Alerts   int `json:"alerts"`
}

// EventFacts are what a store derives from an event's article when it
// stores the article (fatalities from its quantities, the division and
// precision of its place from the place entity and the gazetteer). A bulk
// load (benchmarks, load tests) has no article and gives them directly.
type EventFacts struct {
	Fatalities        int
	Region            string
	RegionName        string
	LocationPrecision string
}

// DyadCounter is implemented by stores that sum events by dyad (both SQL
// stores do): the actor network.
type DyadCounter interface {
	// DyadCounts sums the events matching f (Limit and Cursor ignored)
	// that have a source and a target, per (source, target) code pair.
	DyadCounts(ctx context.Context, f EventFilter) ([]DyadCount, error)
}

// DyadCount is the number of events of one directed code pair and the
// sum of their Goldstein scores.
type DyadCount struct {
	Source    string
	Target    string
	Events    int
	Goldstein float64
}
