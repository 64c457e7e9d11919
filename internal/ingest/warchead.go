package ingest

import "bytes"

// headRecorder sits between the input and gowarc and keeps the first
// bytes of each record, so that the block's position in the file can be
// found from the header bytes themselves. gowarc reports where a record
// starts and how many bytes it took, but not where its header ends, and
// its end-of-record marker may be "\r\n\r\n", "\n\n", "\n" or absent.
//
// gowarc reads ahead through a 1 MiB buffer, so the recorder keeps the
// last headTail bytes read; when a record is about to be read from
// offset p (not yet consumed by gowarc, so still in that tail), it copies
// up to headKeep bytes from p onwards and keeps adding to them as more
// is read.
type headRecorder struct {
	r    interface{ Read([]byte) (int, error) }
	pos  int64  // bytes read from r
	tail []byte // the last bytes read, ending at pos
	from int64  // offset of head[0]
	head []byte // bytes from `from`, up to headKeep
}

const (
	headKeep = 64 << 10
	headTail = 1<<20 + 2*headKeep
)

func (h *headRecorder) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if n > 0 {
		h.pos += int64(n)
		if len(h.tail)+n > 2*headTail {
			h.tail = append(h.tail[:0], h.tail[len(h.tail)-headTail:]...)
		}
		h.tail = append(h.tail, p[:n]...)
		if room := headKeep - len(h.head); room > 0 {
			h.head = append(h.head, p[:min(n, room)]...)
		}
	}
	return n, err
}

// mark starts keeping the bytes from offset p (the next record's start).
func (h *headRecorder) mark(p int64) {
	h.from = p
	h.head = h.head[:0]
	start := h.pos - int64(len(h.tail))
	if p < start || p > h.pos {
		h.head = append(h.head, make([]byte, headKeep)...) // unknown: unusable
		h.from = -1
		return
	}
	b := h.tail[p-start:]
	h.head = append(h.head, b[:min(len(b), headKeep)]...)
}

// blockStart returns the file offset of the block of the record that
// starts at off: after its version line, just after the first line that
// is blank (gowarc trims spaces, tabs and CR/LF). ok is false when the
// header is not among the kept bytes.
func (h *headRecorder) blockStart(off int64) (int64, bool) {
	if h.from < 0 || off < h.from || off-h.from >= int64(len(h.head)) {
		return 0, false
	}
	b := h.head[off-h.from:]
	first := true
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return 0, false
		}
		line := b[i : i+j]
		i += j + 1
		if !first && len(bytes.Trim(line, " \t\r")) == 0 {
			return off + int64(i), true
		}
		first = false
	}
	return 0, false
}
