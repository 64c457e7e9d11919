// Package ingest is the first stage of sitrep: it reads raw news in every
// form it arrives in — plain-text dumps, HTML pages, RSS/Atom/JSON feeds,
// WARC crawls (gzipped or not) and JSON Lines — splits it into articles,
// strips boilerplate (navigation, logo markers, repeated headline blocks),
// keeps photo captions and their credits as metadata, records
// subheadings apart from the body, and sets each article's publication
// date with its provenance ("flag", "metadata", "inferred" or "unknown").
//
// The form of an input is found by sniffing its content; a file
// extension or an HTTP Content-Type is only a hint used to break ties.
// Every article is emitted through a callback, and dumps, JSONL and WARC
// are read as streams (stream.go), so that arbitrarily large crawls are
// neither held as a list nor read whole; one article's body is capped at
// Options.MaxArticleBytes (2 MiB) with a warning. Problems with one
// record (a bad JSONL line, a broken WARC record, a feed item without
// text, a dump block with no body) go to an onErr callback as *Error and
// reading continues; a problem with the whole input (empty, binary, too
// large, truncated) is returned as *Error naming the input and the byte
// position, after the records read whole before it were emitted. Bytes
// that are not UTF-8 are read as Windows-1252 and the article says so in
// a warning naming the byte offset (decode.go).
//
// Article.Source names where each article came from: the path or URL for
// a dump or page, "PATH:LINE" for a JSONL record, "PATH#ITEM" for a feed
// item (1-based) and "PATH@OFFSET" for a WARC record.
//
// HTML main text comes from go-readability (default) or go-trafilatura,
// the other one being tried when the chosen one finds nothing that reads
// as an article; TestExtractorF1 scores both against hand-written bodies
// of the pages in testdata/html and the default is the better of the two.
// A page's publication date comes from its metadata through go-htmldate's
// fast mode (meta tags, JSON-LD, <time>, the URL); go-trafilatura's own
// date step is off. Neither ever runs go-htmldate's extensive search, so
// its go-dateparser dependency is replaced, in go.mod, by the stand-in in
// ./nodateparser: the real one compiled ~4,500 regular expressions (25 MB
// of heap) at the start of every sitrep process.
//
// Bodies are kept close to the raw bytes: each paragraph is copied
// verbatim where the input allows it and Article.Offsets maps body bytes
// back to the raw input, so a later stage can point at the exact source
// bytes of any fact. Paragraphs are joined by a single "\n".
//
// Near-duplicates (the same wire story re-edited by two outlets) are found
// with a 64-bit similarity fingerprint over word shingles (Simhash);
// DupIndex remembers fingerprints and answers within a Hamming distance.
// The caller sets Article.DuplicateOf from DupIndex.Check.
package ingest
