// Package lexfile reads the line-oriented lexicon files of sitrep's text,
// timex and measure stages with one error convention: a missing file is
// fine (user roots only hold what they extend), a bad line is reported as
// `file:line: reason`.
package lexfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// ReadLines calls fn with each line of name in root that is neither blank
// nor a "#" comment, with trailing "\r" removed.
func ReadLines(root fs.FS, name string, fn func(line string) error) error {
	data, err := fs.ReadFile(root, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read lexicon: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 1
	for ; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n, err) // n: the line that could not be read
	}
	return nil
}

// Fields splits a tab-separated line into exactly n trimmed, non-empty
// fields.
func Fields(line string, n int) ([]string, error) {
	f := strings.Split(line, "\t")
	if len(f) != n {
		return nil, fmt.Errorf("want %d tab-separated fields, have %d", n, len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		if f[i] == "" {
			return nil, fmt.Errorf("field %d is empty", i+1)
		}
	}
	return f, nil
}
