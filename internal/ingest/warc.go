package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/nlnwa/gowarc/v3"

	"github.com/sitrep-project/sitrep/internal/model"
)

// warcMemBytes is how much of one WARC block gowarc keeps in memory
// while reading it; the rest of a bigger block goes to a temporary file.
const warcMemBytes = 4 << 20

// readWARC reads a WARC file (gzipped per record or not), streaming:
// every response or resource record holding an HTML page or plain text
// becomes an article with Source "NAME@OFFSET". Records of other types
// or media are skipped silently; a record without an article goes to
// onErr, and so do bytes between records that are no record (a
// malformed one). A truncated record (its block shorter than its
// Content-Length, or its header cut) stops reading with an error naming
// the record and offset, after the records before it were emitted.
func (r *reader) readWARC(in io.Reader, gz bool) error {
	var members *gzipMembers
	if gz {
		members = newGzipMembers(in)
		in = members
	}
	heads := &headRecorder{r: in}
	wr, err := gowarc.NewWarcFileReaderFromStream(heads, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		// ErrWarn, not ErrIgnore: only then does gowarc read each block
		// whole (and check its Content-Length) before moving on. With
		// ErrIgnore it discards the part of the block that its own
		// 4 KiB header buffer did not hold, and pages came out cut.
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(warcMemBytes))
	if err != nil {
		return r.whole(-1, fmt.Errorf("open warc: %w", err))
	}
	defer wr.Close()
	n := 0
	var next int64 // where the next record starts (or junk before it)
	for {
		if err := r.ctx.Err(); err != nil {
			return stopError{err}
		}
		heads.mark(next)
		rec, err := wr.Next()
		next = rec.Offset + rec.Size
		// Names and errors use the compressed offset for a gzipped WARC.
		name, off := fmt.Sprintf("%s@%d", r.name, rec.Offset), rec.Offset
		if members != nil {
			comp, within := members.source(rec.Offset)
			name, off = fmt.Sprintf("%s@%d", r.name, comp), comp
			if within > 0 {
				name = fmt.Sprintf("%s@%d+%d", r.name, comp, within)
			}
		}
		if err == io.EOF && rec.WarcRecord == nil && rec.Size == 0 {
			break
		}
		n++
		if err != nil {
			rec.Close()
			if !errors.Is(err, ErrTruncated) && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum)) {
				err = fmt.Errorf("%w: %w", ErrTruncated, err)
			}
			return &Error{Source: r.name, Record: n, Offset: off, Err: fmt.Errorf("warc record: %w", err)}
		}
		for _, v := range rec.Validation {
			var cl *gowarc.ContentLengthError
			switch {
			case errors.As(v, &cl) && cl.Actual < cl.Expected:
				rec.Close()
				return &Error{Source: r.name, Record: n, Offset: off, Err: fmt.Errorf("%w: warc record declares %d bytes of content, the file holds %d", ErrTruncated, cl.Expected, cl.Actual)}
			case strings.Contains(v.Error(), "bytes after expected offset"):
				// gowarc skipped bytes to find this record: whatever
				// stood there was not a readable record.
				r.recordErr(n, off, fmt.Errorf("malformed warc record before this one: %v", v))
			}
		}
		blockStart := int64(-1)
		if !gz {
			if b, ok := heads.blockStart(rec.Offset); ok {
				blockStart = b
			}
		}
		a, skip, err := r.warcRecord(rec, blockStart)
		rec.Close()
		if skip {
			continue
		}
		if err != nil {
			r.recordErr(n, off, err)
			continue
		}
		a.Source = name
		if err := r.finish(a); err != nil {
			return err
		}
	}
	if n == 0 {
		return r.whole(-1, ErrEmpty)
	}
	return nil
}

// warcRecord turns one record into an article; skip reports records that
// are neither HTML pages nor plain text.
// blockStart is the block's offset in the input, -1 when unknown (a
// gzipped record).
func (r *reader) warcRecord(rec gowarc.Record, blockStart int64) (a *model.Article, skip bool, err error) {
	wrec := rec.WarcRecord
	if t := wrec.Type(); t != gowarc.Response && t != gowarc.Resource {
		return nil, true, nil
	}
	ctype, encoding := "", ""
	var header []byte // HTTP header bytes before the payload in the block
	var rd io.Reader
	switch b := wrec.Block().(type) {
	case gowarc.HttpResponseBlock:
		if b.HttpStatusCode()/100 != 2 {
			return nil, true, nil
		}
		if h := b.HttpHeader(); h != nil {
			ctype = h.Get("Content-Type")
			encoding = h.Get("Content-Encoding")
		}
		header = b.ProtocolHeaderBytes()
		rd, err = b.PayloadBytes()
	case gowarc.HttpRequestBlock, gowarc.WarcFieldsBlock:
		return nil, true, nil
	default:
		ctype = wrec.WarcHeader().Get(gowarc.ContentType)
		rd, err = b.RawBytes()
	}
	if err != nil {
		return nil, false, fmt.Errorf("read payload: %w", err)
	}
	lc := strings.ToLower(ctype)
	isText := strings.HasPrefix(lc, "text/plain")
	if !strings.Contains(lc, "html") && !isText && lc != "" {
		return nil, true, nil
	}
	payload, err := io.ReadAll(io.LimitReader(rd, r.opts.MaxBytes+1))
	if err != nil {
		return nil, false, fmt.Errorf("read payload: %w", err)
	}
	if int64(len(payload)) > r.opts.MaxBytes {
		return nil, false, fmt.Errorf("%w: payload over %d bytes", ErrTooLarge, r.opts.MaxBytes)
	}
	verbatim := blockStart >= 0
	if strings.EqualFold(strings.TrimSpace(encoding), "gzip") || isGzip(payload) {
		plain, err := gunzipAll(payload, r.opts.MaxBytes)
		if err != nil {
			return nil, false, fmt.Errorf("payload: %w", err)
		}
		payload, verbatim = plain, false
	}
	if lc == "" {
		// No declared type: an HTML page if it looks like one.
		head := strings.ToLower(string(bytes.TrimSpace(payload[:min(len(payload), 512)])))
		if !strings.HasPrefix(head, "<") {
			return nil, true, nil
		}
	}
	if err := checkBinary(payload[:min(len(payload), sniffSize)]); err != nil {
		return nil, false, err.(*Error).Err
	}
	var warn string
	if !utf8.Valid(payload) {
		verbatim = false
		if plain, ok := decodeDeclaredCharset(payload, ctype); ok && !isText {
			payload = plain
		} else {
			fixed, first, nbad := repairUTF8(payload)
			payload = []byte(fixed)
			warn = decodeWarning(int64(first), nbad)
		}
	}
	// The block ends 4 bytes ("\r\n\r\n") before the record does; the
	// payload follows the HTTP header inside it.
	// The block's bytes must fill the record's extent in the file (less
	// an end marker of up to 4 bytes); when gowarc read them otherwise (a
	// broken HTTP header, a short block) offsets would point elsewhere.
	if end, recEnd := blockStart+int64(len(header)+len(payload)), rec.Offset+rec.Size; !verbatim || end > recEnd || end < recEnd-4 {
		blockStart = -1
	}
	target := strings.Trim(wrec.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	if isText {
		a = buildDumpArticle(splitDumpLines(payload), dumpOpts{detectTitle: true})
		if a == nil {
			return nil, false, ErrNoArticle
		}
		base := blockStart + int64(len(header))
		if blockStart < 0 {
			a.Offsets = nil
		}
		for i := range a.Offsets {
			a.Offsets[i].Raw += int(base)
		}
	} else {
		var m *rawMapper
		if blockStart >= 0 {
			m = &rawMapper{raw: append(append([]byte(nil), header...), payload...), base: int(blockStart)}
		}
		a, err = r.htmlArticle(payload, m, target)
		if err != nil {
			return nil, false, err
		}
	}
	if warn != "" {
		addWarning(a, warn)
	}
	if target != "" {
		a.URL = model.Str(target)
	}
	if a.Published.Source == model.DateUnknown {
		if t, err := wrec.Date(); err == nil && !t.IsZero() {
			a.Published = metadataDate(t, gowarc.WarcDate+": "+wrec.WarcHeader().Get(gowarc.WarcDate))
		}
	}
	return a, false, nil
}

// gunzipAll decompresses a whole gzip payload, refusing output larger
// than limit.
func gunzipAll(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(&gunzipReader{zr: zr}, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes after decompression", ErrTooLarge, limit)
	}
	return out, nil
}
