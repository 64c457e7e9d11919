package ingest

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// gzipMembers decompresses a gzipped WARC member by member, remembering
// where each member starts in the compressed and the decompressed
// stream. gowarc reads one record per gzip member and throws away the
// rest of a member, so a WARC gzipped as a whole (one member, many
// records) lost every record after the first; fed the decompressed
// stream, it reads them all, and a record that starts a member (the
// usual per-record gzip) keeps its standard compressed offset.
type gzipMembers struct {
	bc      *byteCounter
	zr      *gzip.Reader
	out     int64 // decompressed bytes returned
	open    bool  // inside a member
	members []memberStart
}

type memberStart struct{ plain, comp int64 }

// byteCounter counts the compressed bytes gzip consumes; being an
// io.ByteReader, it keeps flate from reading past a member's end.
type byteCounter struct {
	br *bufio.Reader
	n  int64
}

func (b *byteCounter) Read(p []byte) (int, error) {
	n, err := b.br.Read(p)
	b.n += int64(n)
	return n, err
}

func (b *byteCounter) ReadByte() (byte, error) {
	c, err := b.br.ReadByte()
	if err == nil {
		b.n++
	}
	return c, err
}

func newGzipMembers(in io.Reader) *gzipMembers {
	br, ok := in.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(in)
	}
	return &gzipMembers{bc: &byteCounter{br: br}}
}

func (g *gzipMembers) Read(p []byte) (int, error) {
	for {
		if !g.open {
			if _, err := g.bc.br.Peek(1); err != nil {
				return 0, err // io.EOF after the last member
			}
			comp := g.bc.n
			var err error
			if g.zr == nil {
				g.zr, err = gzip.NewReader(g.bc)
			} else {
				err = g.zr.Reset(g.bc)
			}
			if err != nil {
				return 0, fmt.Errorf("gzip member at byte %d: %w", comp, err)
			}
			g.zr.Multistream(false)
			g.members = append(g.members, memberStart{plain: g.out, comp: comp})
			g.open = true
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		switch {
		case err == io.EOF:
			g.open = false
			if n > 0 {
				return n, nil
			}
			continue
		case errors.Is(err, io.ErrUnexpectedEOF):
			return n, fmt.Errorf("%w: gzip member at byte %d ends early", ErrTruncated, g.members[len(g.members)-1].comp)
		}
		return n, err
	}
}

// source names a record that starts at decompressed offset plain: the
// compressed offset of its member, plus how far into the member's text
// it starts when it does not start the member. Members before it are
// forgotten (records come in order), so memory stays flat.
func (g *gzipMembers) source(plain int64) (comp int64, within int64) {
	i := 0
	for i+1 < len(g.members) && g.members[i+1].plain <= plain {
		i++
	}
	g.members = g.members[i:]
	if len(g.members) == 0 {
		return -1, 0
	}
	m := g.members[0]
	return m.comp, plain - m.plain
}
