package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// sniffSize is how much of an input is looked at to find its form.
const sniffSize = 8 << 10

// Progress is what Options.Progress hears while one input is read.
type Progress struct {
	Source  string
	Bytes   int64 // input bytes read so far (compressed bytes for .gz)
	Total   int64 // input size, or -1 when unknown (stdin, URL without length)
	Records int   // articles emitted so far from this input
}

// countingReader counts the bytes read through it and reports progress
// every progressEvery bytes: often enough for a bar to move, rarely
// enough to cost nothing.
type countingReader struct {
	r    io.Reader
	n    int64
	last int64
	tick func()
}

const progressEvery = 256 << 10

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.tick != nil && c.n-c.last >= progressEvery {
		c.last = c.n
		c.tick()
	}
	return n, err
}

// readStream sniffs an input and hands it to the reader of its form.
// Dumps, JSONL and WARC are streamed record by record, so that their
// size does not bound what can be read and memory stays flat; an HTML
// page or a feed is one document and is read whole (up to MaxBytes).
func (r *reader) readStream(in io.Reader, hint string) error {
	br := bufio.NewReaderSize(in, 64<<10)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF {
		return r.whole(-1, r.readErr(err))
	}
	if len(bytes.TrimSpace(head)) == 0 && len(head) < sniffSize {
		return r.whole(-1, ErrEmpty)
	}
	if isGzip(head) {
		if isGzippedWARC(head) {
			return r.readWARC(br, true)
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.whole(-1, fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		// Offsets refer to the decompressed bytes from here on.
		return r.readStream(&gunzipReader{zr: zr}, filepath.Ext(strings.TrimSuffix(strings.ToLower(r.name), ".gz")))
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return r.readWARC(br, false)
	}
	if err := checkBinary(head); err != nil {
		return err.(*Error).withSource(r.name)
	}
	switch sniff(head, hint) {
	case formWARC:
		return r.readWARC(br, false)
	case formHTML:
		data, err := r.readWhole(br)
		if err != nil {
			return err
		}
		return r.readHTMLInput(data)
	case formFeed:
		data, err := r.readWhole(br)
		if err != nil {
			return err
		}
		if utf8.Valid(data) {
			return r.readFeed(data, true)
		}
		if fixed, first, bad := repairUTF8(data); first >= 0 {
			r.warn = append(r.warn, decodeWarning(int64(first), bad))
			return r.readFeed([]byte(fixed), false)
		}
		return r.readFeed(data, true)
	case formJSONL:
		return r.readJSONL(br)
	default:
		return r.readDump(br)
	}
}

// readWhole reads a one-document input, refusing more than MaxBytes.
func (r *reader) readWhole(br *bufio.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(br, r.opts.MaxBytes+1))
	if err != nil {
		return nil, r.whole(-1, r.readErr(err))
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return nil, r.whole(-1, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, r.opts.MaxBytes))
	}
	return data, nil
}

// readErr words a read failure; a truncation keeps ErrTruncated.
func (r *reader) readErr(err error) error {
	if errors.Is(err, ErrTruncated) {
		return err
	}
	return fmt.Errorf("read: %w", err)
}

// gunzipReader turns a gzip stream that ends early into ErrTruncated.
type gunzipReader struct {
	zr *gzip.Reader
	n  int64
}

func (g *gunzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	g.n += int64(n)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("%w: gzip stream ends early after %d decompressed bytes", ErrTruncated, g.n)
	} else if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

// isGzippedWARC peeks into the first gzip member of head.
func isGzippedWARC(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	b := make([]byte, 5)
	n, _ := io.ReadFull(zr, b)
	return n == 5 && string(b) == "WARC/"
}

// lineReader reads lines of any length from a stream, with their byte
// offsets, reusing one buffer.
type lineReader struct {
	br  *bufio.Reader
	off int64 // offset of the next line
	max int   // a longer line is returned in pieces of max bytes (long=true)
	buf []byte
}

// next returns the next line without its "\n", its offset, and whether
// it was cut at max bytes (the rest comes as the next line). The line is
// only valid until the next call. It returns io.EOF after the last line.
func (lr *lineReader) next() (line []byte, off int64, long bool, err error) {
	lr.release()
	lr.buf = lr.buf[:0]
	off = lr.off
	for {
		frag, err := lr.br.ReadSlice('\n')
		lr.buf = append(lr.buf, frag...)
		lr.off += int64(len(frag))
		switch {
		case err == nil:
			return bytes.TrimSuffix(lr.buf, []byte("\n")), off, false, nil
		case err == bufio.ErrBufferFull:
			if lr.max > 0 && len(lr.buf) >= lr.max {
				return lr.buf, off, true, nil
			}
		case err == io.EOF:
			if len(lr.buf) > 0 {
				return lr.buf, off, false, nil
			}
			return nil, off, false, io.EOF
		default:
			return nil, off, false, err
		}
	}
}

// release drops the buffer of a huge line, so that it is not held while
// the record read from it is analysed, nor reused for small lines.
func (lr *lineReader) release() {
	if cap(lr.buf) > 4<<20 {
		lr.buf = nil
	}
}

// skipLine discards the rest of a line that was cut at max bytes.
func (lr *lineReader) skipLine() error {
	for {
		frag, err := lr.br.ReadSlice('\n')
		lr.off += int64(len(frag))
		if err != bufio.ErrBufferFull {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}
