// Package export streams stored events to files in formats other tools
// read: CSV for spreadsheets, JSON Lines for programs, and GDELT 2.0
// event rows for pipelines built around GDELT.
//
// Write walks the store with EachEvent and writes each event as it
// arrives through a buffered writer, so memory stays constant however
// many events match; nothing is collected first.
//
// Text fields are made safe for each format: CSV quotes fields per RFC
// 4180 (a sentence with commas, quotes or newlines stays one record) and
// prefixes text cells that start with = + - @ so spreadsheets do not run
// them as formulas; JSON Lines escapes control characters; GDELT rows are
// unquoted tab-separated values, so tabs, newlines and double quotes in
// text become spaces and single quotes.
package export
