package sqlite

import (
	"strconv"
	"strings"
	"sync"
)

// sqlCache rewrites sqlbase's $N parameters into SQLite's anonymous ?
// (or ?N when a number repeats or comes out of order), remembering the
// result per statement text.
//
// Why: SQLite treats $N as a named parameter and resolves every name
// by a linear search of the names seen so far, so binding is quadratic
// in the number of parameters — a 4,000-parameter bulk INSERT spent
// most of its time there. Anonymous and ?N parameters bind by position.
type sqlCache struct{ m sync.Map }

func (c *sqlCache) rewrite(q string) string {
	if v, ok := c.m.Load(q); ok {
		return v.(string)
	}
	r := rewriteParams(q)
	c.m.Store(q, r)
	return r
}

// rewriteParams replaces $N outside string literals and quoted names.
func rewriteParams(q string) string {
	type param struct{ start, end, n int }
	var ps []param
	for i := 0; i < len(q); i++ {
		switch c := q[i]; c {
		case '\'', '"':
			if j := strings.IndexByte(q[i+1:], c); j >= 0 {
				i += j + 1
			}
		case '$':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			if j > i+1 {
				n, _ := strconv.Atoi(q[i+1 : j])
				ps = append(ps, param{i, j, n})
				i = j - 1
			}
		}
	}
	if len(ps) == 0 {
		return q
	}
	sequential := true
	for k, p := range ps {
		sequential = sequential && p.n == k+1
	}
	var sb strings.Builder
	last := 0
	for _, p := range ps {
		sb.WriteString(q[last:p.start])
		sb.WriteByte('?')
		if !sequential {
			sb.WriteString(strconv.Itoa(p.n))
		}
		last = p.end
	}
	sb.WriteString(q[last:])
	return sb.String()
}
