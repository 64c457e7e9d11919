package petrarch

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// parsePhrase turns "ARNOR_" or "PRESIDENT HOSNI MURBARAK" or
// "GAZA_CITY" into words.
func parsePhrase(s string) Phrase {
	var p Phrase
	for _, f := range strings.Fields(strings.ToUpper(s)) {
		parts := strings.Split(f, "_")
		for i, w := range parts {
			if w != "" {
				// A word followed by "_" (a connector or a trailing
				// marker) is a complete word, not a stem.
				p = append(p, Word{Text: w, Exact: i < len(parts)-1})
			}
		}
	}
	return p
}

var codeRe = regexp.MustCompile(`\[([^\]]*)\]`)

// parseTabariDate reads YYMMDD (19xx for YY > 30) or YYYYMMDD. Other
// lengths (the 7-, 9- and 10-digit typos of real files) are errors:
// guessing the missing digit could make a president of the wrong term.
func parseTabariDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if !isDigits(s) || (len(s) != 6 && len(s) != 8) {
		if isDigits(s) {
			return time.Time{}, fmt.Errorf("date %q has %d digits: want YYMMDD or YYYYMMDD", s, len(s))
		}
		return time.Time{}, fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	var y, m, d int
	if len(s) == 6 {
		y, m, d = num(s[:2]), num(s[2:4]), num(s[4:])
		// TABARI's two-digit years: 00-30 are 20xx, the rest 19xx.
		if y > 30 {
			y += 1900
		} else {
			y += 2000
		}
	} else {
		y, m, d = num(s[:4]), num(s[4:6]), num(s[6:])
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, fmt.Errorf("date %q: no such day", s)
	}
	return t, nil
}

// findCodes returns the insides of the [ ] of s (what codeRe matches,
// without a regexp: actor files have 37,000 codes).
func findCodes(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i+1:], ']')
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+1+j])
		s = s[i+j+2:]
	}
}

// validActorCode reports whether c has the shape of a CAMEO actor code:
// 3-character elements of capital letters or digits ("USAGOV",
// "IGOUNO", "IMGMUSALQ"), or the null code "---".
func validActorCode(c string) bool {
	if c == "---" {
		return true
	}
	if len(c) == 0 || len(c)%3 != 0 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if b := c[i]; (b < 'A' || b > 'Z') && (b < '0' || b > '9') {
			return false
		}
	}
	return true
}

// parseCode reads the inside of an actor code bracket: "ISR",
// "HOB < 950601", "HOBGOV 19950601 - 19990815", "HOBREB > 990816",
// "ELR/GAL" (alternatives; the first is used).
func parseCode(s string) (DatedCode, error) {
	s = strings.TrimSpace(s)
	var dc DatedCode
	switch {
	case strings.Contains(s, "<"):
		i := strings.Index(s, "<")
		d, err := parseTabariDate(s[i+1:])
		if err != nil {
			return dc, err
		}
		dc.Code, dc.To = strings.TrimSpace(s[:i]), d
	case strings.Contains(s, ">"):
		i := strings.Index(s, ">")
		d, err := parseTabariDate(s[i+1:])
		if err != nil {
			return dc, err
		}
		dc.Code, dc.From = strings.TrimSpace(s[:i]), d.AddDate(0, 0, 1)
	case strings.Count(s, "-") == 1 && len(strings.Fields(strings.Replace(s, "-", " ", 1))) == 3:
		f := strings.Fields(strings.Replace(s, "-", " ", 1))
		from, err := parseTabariDate(f[1])
		if err != nil {
			return dc, err
		}
		to, err := parseTabariDate(f[2])
		if err != nil {
			return dc, err
		}
		if to.Before(from) {
			return dc, fmt.Errorf("code %q: range ends before it starts", s)
		}
		dc.Code, dc.From, dc.To = f[0], from, to.AddDate(0, 0, 1)
	default:
		f := strings.Fields(s)
		switch {
		case len(f) == 2 && isDigits(f[1]):
			return dc, fmt.Errorf("code %q: a date without <, > or FROM-TO", s)
		case len(f) != 1:
			return dc, fmt.Errorf("code %q: unexpected words", s)
		}
		dc.Code = s
	}
	dc.Code = strings.ToUpper(dc.Code)
	if strings.IndexByte(dc.Code, '/') > 0 {
		for _, c := range strings.Split(dc.Code, "/") {
			if c = strings.TrimSpace(c); c != "" {
				dc.Alt = append(dc.Alt, c)
			}
		}
		if len(dc.Alt) > 0 {
			dc.Code = dc.Alt[0]
		}
	}
	if dc.Code == "" {
		return dc, fmt.Errorf("empty code")
	}
	return dc, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// balanced reports whether every "[" and "{" of s is closed, in order.
func balanced(s string) bool {
	var stack []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[', '{', '(':
			stack = append(stack, c)
		case ']', '}', ')':
			open := map[byte]byte{']': '[', '}': '{', ')': '('}[c]
			if len(stack) == 0 || stack[len(stack)-1] != open {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

// ReadActors reads an actors dictionary. Bad lines and bad codes are
// returned as warnings and skipped; the error is only a read failure.
func ReadActors(r io.Reader, name string) ([]*Actor, []Warning, error) {
	var out []*Actor
	var cur *Actor
	d := &diag{name: name}
	// skipping is set after a head line that could not be read, so that
	// its synonyms and codes are not given to the actor before it.
	skipping := false
	err := scanLines(r, d, func(l srcLine) {
		s, n := l.text, l.n
		t := strings.TrimSpace(s)
		if t == "" {
			return
		}
		ok := strings.Count(t, "[") == strings.Count(t, "]") && balancedBrackets(t)
		head := t
		if i := strings.IndexByte(t, '['); i >= 0 {
			head = strings.TrimSpace(t[:i])
		}
		switch {
		case strings.HasPrefix(t, "["): // a code line for the current actor
			if cur == nil {
				if !skipping {
					d.warnf(n, "code line before any actor: skipped")
				}
				return
			}
			if !ok {
				d.warnf(n, "unbalanced [ ]: line skipped")
				return
			}
		case strings.HasPrefix(t, "+"):
			if cur == nil {
				if !skipping {
					d.warnf(n, "synonym before any actor: skipped")
				}
				return
			}
			if !ok {
				d.warnf(n, "unbalanced [ ]: line skipped")
				return
			}
			p := parsePhrase(strings.TrimPrefix(head, "+"))
			if len(p) == 0 {
				d.warnf(n, "empty synonym: skipped")
				return
			}
			cur.Names = append(cur.Names, p)
		default:
			if strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") {
				d.warnf(n, "indented line is neither a code nor a synonym: skipped")
				return
			}
			p := parsePhrase(head)
			if len(p) == 0 {
				d.warnf(n, "actor without a name: skipped with its synonyms and codes")
				cur, skipping = nil, true
				return
			}
			cur, skipping = &Actor{Names: []Phrase{p}, Line: n}, false
			out = append(out, cur)
			if !ok {
				d.warnf(n, "unbalanced [ ]: codes on this line skipped")
				return
			}
		}
		for _, m := range findCodes(t) {
			dc, err := parseCode(m)
			if err != nil {
				d.warnf(n, "%v: code skipped", err)
				continue
			}
			for _, c := range append([]string{dc.Code}, dc.Alt...) {
				if !validActorCode(c) {
					// Kept: a private code set may extend CAMEO's.
					d.warnf(n, "code %q is not a CAMEO actor code (3-character elements)", c)
				}
			}
			cur.Codes = append(cur.Codes, dc)
		}
	})
	return out, d.warn, err
}

// balancedBrackets reports whether the square brackets of s nest and
// close ("[A] [B]" yes, "[A [B]]" and "]A[" no).
func balancedBrackets(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			if depth > 0 {
				return false
			}
			depth++
		case ']':
			if depth == 0 {
				return false
			}
			depth--
		}
	}
	return depth == 0
}
