package sqlite

import "testing"

func TestRewriteParams(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT $1, $2, $3", "SELECT ?, ?, ?"},
		{"x = $1 OR y = $1 AND z = $2", "x = ?1 OR y = ?1 AND z = ?2"},
		{"x = $2, y = $1", "x = ?2, y = ?1"},
		{"a LIKE '$1' AND b = $1", "a LIKE '$1' AND b = ?"},
		{`"$1" = $1 ESCAPE '\'`, `"$1" = ? ESCAPE '\'`},
		{"$10, $11", "?10, ?11"},
		{"price$ = $1", "price$ = ?"},
	} {
		if got := rewriteParams(tc.in); got != tc.want {
			t.Errorf("rewriteParams(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzRewriteParams(f *testing.F) {
	f.Add("SELECT $1, '$2', $3")
	f.Fuzz(func(t *testing.T, q string) {
		r := rewriteParams(q)
		if len(r) > len(q) {
			t.Errorf("rewrite grew %q to %q", q, r)
		}
		if rewriteParams(r) != r {
			t.Errorf("rewrite not idempotent on %q", q)
		}
	})
}
