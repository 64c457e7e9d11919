// Package timex finds time expressions in sentences ("on Friday", "last
// year", "in the coming days", "March 9, 2024", "since 2016") and resolves
// them against the article's publication date.
//
// Resolution is rule-based and fast: weekdays go to the most recent such
// day on or before publication unless a future cue stands next to them
// ("will", "plans to", a data file lexicon/timex/future_cues.tsv), in which
// case they go forward. Vague periods become ranges with from/to bounds.
// Month and weekday names are grammar and live in the code.
package timex
