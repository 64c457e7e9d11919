package petrarch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Warning is a dictionary line that was skipped, or read only in part,
// with the reason. Readers never stop at a bad line: they record a
// Warning and go on, so one typo in a 50,000-line file costs one entry.
type Warning struct {
	File   string
	Line   int
	Reason string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Reason) }

// Error lets a Warning be returned where an error is expected (a
// strict caller may treat warnings as errors).
func (w Warning) Error() string { return w.String() }

// MaxLineBytes is the longest dictionary line read; a longer line is
// skipped with a warning instead of stopping the file (as a
// bufio.Scanner's "token too long" would).
const MaxLineBytes = 1 << 20

// srcLine is one line of a dictionary file with its comments removed.
type srcLine struct {
	n    int    // 1-based line number
	text string // without comments, right-trimmed
	// blank is set when the raw line held nothing but white space: a
	// comment-only line is not blank (it does not end a synset).
	blank bool
}

// diag collects the warnings of one file.
type diag struct {
	name string
	warn []Warning
}

func (d *diag) warnf(n int, format string, args ...any) {
	d.warn = append(d.warn, Warning{File: d.name, Line: n, Reason: fmt.Sprintf(format, args...)})
}

// scanLines calls fn for every line of a dictionary file, with "#"
// comments (outside [ ]), ";" legacy TABARI comments and "<!-- -->"
// blocks (also across lines, and the misspelt "<! --") removed. Lines
// that are too long or not valid UTF-8 are reported and skipped; an
// empty file is reported. Only a read error stops the scan.
func scanLines(r io.Reader, d *diag, fn func(l srcLine)) error {
	br := bufio.NewReaderSize(r, 64*1024)
	inComment := false
	n, content := 0, false
	var buf []byte
	for {
		buf = buf[:0]
		tooLong, eof := false, false
		for {
			chunk, err := br.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > MaxLineBytes+1 {
					tooLong, buf = true, buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if errors.Is(err, io.EOF) {
				eof = true
				break
			}
			if err != nil {
				return fmt.Errorf("%s:%d: read: %w", d.name, n+1, err)
			}
			break
		}
		if eof && len(buf) == 0 && !tooLong {
			break
		}
		n++
		switch {
		case tooLong:
			d.warnf(n, "line longer than %d bytes: skipped", MaxLineBytes)
			content = true
		case !utf8.Valid(buf):
			d.warnf(n, "invalid UTF-8: line skipped")
			content = true
		default:
			raw := string(bytes.TrimRight(buf, "\r\n"))
			var text string
			text, inComment = stripComments(raw, inComment)
			if strings.TrimSpace(text) != "" {
				content = true
			}
			fn(srcLine{n: n, text: strings.TrimRight(text, " \t\r"), blank: strings.TrimSpace(raw) == ""})
		}
		if eof {
			break
		}
	}
	if !content {
		d.warnf(1, "empty file: nothing but comments and blank lines")
	}
	return nil
}

// stripComments removes comments from one line; inComment carries an
// open "<!--" block across lines.
func stripComments(s string, inComment bool) (string, bool) {
	if !inComment && !strings.Contains(s, "<!") {
		return stripHash(s), false // most lines: nothing to copy
	}
	var b strings.Builder
	for len(s) > 0 {
		if inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				return b.String(), true
			}
			s, inComment = s[i+3:], false
			continue
		}
		i := strings.Index(s, "<!")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s, inComment = s[i+2:], true
	}
	return stripHash(b.String()), inComment
}

// stripHash drops a "#" or ";" comment; either inside [ ] is part of a
// code ("[###]", TABARI's discard code).
func stripHash(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '#', ';':
			if depth <= 0 {
				return s[:i]
			}
		}
	}
	return s
}
