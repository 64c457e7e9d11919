// Package dateparser stands in for github.com/markusmobius/go-dateparser
// in sitrep's build (the replace directive in sitrep's go.mod).
//
// go-htmldate imports go-dateparser for its "extensive search", which
// parses any text that looks like a date in any of 200 languages; the
// package compiles some 4,500 regular expressions when the program
// starts, about 25 MB of heap that every sitrep process kept whether it
// read HTML or not (docs/performance.md, Ingest memory). sitrep never
// runs that search: internal/ingest calls htmldate with
// SkipExtensiveSearch and go-trafilatura with its htmldate step
// disabled, and reads dates in running text itself (internal/timex). So
// the real package is dead code here, and this one keeps only the names
// htmldate and go-trafilatura refer to. Parse finds nothing and says
// why.
package dateparser

import (
	"errors"
	"time"
)

// ErrNotLinked is Parse's error: the real parser is not in this build.
var ErrNotLinked = errors.New("go-dateparser is not linked into sitrep: use htmldate's fast mode (SkipExtensiveSearch)")

// ParserType is a kind of date the real parser tries.
type ParserType uint8

// The parser kinds, in the real package's order.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource tells the real parser which way an incomplete
// date leans.
type PreferredDateSource uint8

// The date sources, in the real package's order.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration keeps the fields of the real configuration that callers
// set.
type Configuration struct {
	Locales             []string
	Languages           []string
	CurrentTime         time.Time
	DefaultTimezone     *time.Location
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Date is a parsed date (here never one).
type Date struct {
	Time time.Time
}

// Parser is the real parser's shape.
type Parser struct {
	ParserTypes []ParserType
}

// Parse finds no date: it returns the zero Date and ErrNotLinked.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	return Date{}, ErrNotLinked
}
