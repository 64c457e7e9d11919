package lexfile

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadLines(t *testing.T) {
	root := fstest.MapFS{"a/b.tsv": {Data: []byte("# comment\n\nx\ty\r\nbad\n")}}
	var got []string
	err := ReadLines(root, "a/b.tsv", func(line string) error {
		f, err := Fields(line, 2)
		if err != nil {
			return err
		}
		got = append(got, f...)
		return nil
	})
	if err == nil || !strings.HasPrefix(err.Error(), "a/b.tsv:4: want 2") {
		t.Errorf("err = %v, want a/b.tsv:4", err)
	}
	if strings.Join(got, ",") != "x,y" {
		t.Errorf("got %q", got)
	}
	if err := ReadLines(root, "missing.tsv", nil); err != nil {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Fields("a\t \tc", 3); err == nil {
		t.Error("empty field accepted")
	}
}
