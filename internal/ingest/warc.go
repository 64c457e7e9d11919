package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/sitrep-project/sitrep/internal/model"
)

// readWARC reads a WARC file (gzipped per record or not): every response
// or resource record holding an HTML page becomes an article with
// Source "NAME@OFFSET". Records of other types or media are skipped
// silently; an HTML record without an article goes to onErr. A broken or
// truncated file stops reading with an error naming the record and
// offset, after the records before it were emitted.
func (r *reader) readWARC(data []byte, gz bool) error {
	wr, err := gowarc.NewWarcFileReaderFromStream(bytes.NewReader(data), 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(r.opts.MaxBytes))
	if err != nil {
		return r.whole(-1, fmt.Errorf("open warc: %w", err))
	}
	defer wr.Close()
	n := 0
	var lastEnd int64
	emitted := 0
	for {
		if err := r.ctx.Err(); err != nil {
			return stopError{err}
		}
		rec, err := wr.Next()
		if err == io.EOF {
			break
		}
		n++
		if err != nil {
			if rec.WarcRecord != nil {
				rec.Close()
			}
			if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || strings.Contains(err.Error(), "EOF") {
				err = fmt.Errorf("%w: %w", ErrTruncated, err)
			}
			return &Error{Source: r.name, Record: n, Offset: lastEnd, Err: fmt.Errorf("warc record: %w", err)}
		}
		if !gz && recordCut(rec, data) {
			rec.Close()
			return &Error{Source: r.name, Record: n, Offset: rec.Offset, Err: fmt.Errorf("%w: warc record declares more content than the file holds", ErrTruncated)}
		}
		lastEnd = rec.Offset + rec.Size
		a, skip, err := r.warcRecord(rec, data, gz)
		rec.Close()
		if skip {
			continue
		}
		if err != nil {
			r.recordErr(n, rec.Offset, err)
			continue
		}
		a.Source = fmt.Sprintf("%s@%d", r.name, rec.Offset)
		if err := r.finish(a); err != nil {
			return err
		}
		emitted++
	}
	if n == 0 {
		return r.whole(-1, ErrEmpty)
	}
	return nil
}

// recordCut reports whether an uncompressed record's declared
// Content-Length runs past the end of the file. gowarc is lenient with
// short blocks, so a file cut mid-record would otherwise pass silently.
func recordCut(rec gowarc.Record, data []byte) bool {
	cl, err := rec.WarcRecord.ContentLength()
	if err != nil || rec.Offset < 0 || rec.Offset >= int64(len(data)) {
		return false
	}
	i := bytes.Index(data[rec.Offset:], []byte("\r\n\r\n"))
	sep := 4
	if i < 0 {
		i = bytes.Index(data[rec.Offset:], []byte("\n\n"))
		sep = 2
	}
	if i < 0 {
		return true
	}
	return rec.Offset+int64(i+sep)+cl > int64(len(data))
}

// warcRecord turns one record into an article; skip reports records that
// are not HTML pages.
func (r *reader) warcRecord(rec gowarc.Record, data []byte, gz bool) (a *model.Article, skip bool, err error) {
	wrec := rec.WarcRecord
	if t := wrec.Type(); t != gowarc.Response && t != gowarc.Resource {
		return nil, true, nil
	}
	ctype, encoding := "", ""
	var pb gowarc.PayloadBlock
	switch b := wrec.Block().(type) {
	case gowarc.HttpResponseBlock:
		if b.HttpStatusCode()/100 != 2 {
			return nil, true, nil
		}
		if h := b.HttpHeader(); h != nil {
			ctype = h.Get("Content-Type")
			encoding = h.Get("Content-Encoding")
		}
		pb = b
	case gowarc.PayloadBlock:
		ctype = wrec.WarcHeader().Get(gowarc.ContentType)
		pb = b
	default:
		return nil, true, nil
	}
	rd, err := pb.PayloadBytes()
	if err != nil {
		return nil, false, fmt.Errorf("read payload: %w", err)
	}
	payload, err := io.ReadAll(io.LimitReader(rd, r.opts.MaxBytes+1))
	if err != nil {
		return nil, false, fmt.Errorf("read payload: %w", err)
	}
	if int64(len(payload)) > r.opts.MaxBytes {
		return nil, false, fmt.Errorf("%w: payload over %d bytes", ErrTooLarge, r.opts.MaxBytes)
	}
	verbatim := !gz
	if strings.EqualFold(strings.TrimSpace(encoding), "gzip") || isGzip(payload) {
		plain, err := gunzip(payload, r.opts.MaxBytes)
		if err != nil {
			return nil, false, fmt.Errorf("payload: %w", err)
		}
		payload, verbatim = plain, false
	}
	lc := strings.ToLower(ctype)
	head := strings.ToLower(string(bytes.TrimSpace(payload[:min(len(payload), 512)])))
	isHTML := strings.Contains(lc, "html") || (lc == "" && strings.HasPrefix(head, "<"))
	if !isHTML {
		return nil, true, nil
	}
	if err := checkText(payload); err != nil {
		plain, ok := decodeDeclaredCharset(payload, ctype)
		if !ok {
			return nil, false, err.(*Error).Err
		}
		payload, verbatim = plain, false
	}
	var m *rawMapper
	if verbatim {
		m = &rawMapper{raw: data, cursor: int(rec.Offset)}
	}
	target := wrec.WarcHeader().Get(gowarc.WarcTargetURI)
	a, err = r.htmlArticle(payload, m, strings.Trim(target, "<>"))
	if err != nil {
		return nil, false, err
	}
	if target != "" {
		a.URL = model.Str(strings.Trim(target, "<>"))
	}
	if a.Published.Source == model.DateUnknown {
		if t, err := wrec.Date(); err == nil && !t.IsZero() {
			a.Published = metadataDate(t, gowarc.WarcDate+": "+wrec.WarcHeader().Get(gowarc.WarcDate))
		}
	}
	return a, false, nil
}
