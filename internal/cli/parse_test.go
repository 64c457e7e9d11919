package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const tinyTreebank = "../syntax/testdata/tiny.conllu"

// train-parser is deterministic end to end, and parse --eval ends with the
// score line of the contract.
func TestTrainParserAndEval(t *testing.T) {
	dir := t.TempDir()
	var models [2][]byte
	for i := range models {
		out := filepath.Join(dir, "m"+string(rune('a'+i))+".model")
		_, errs, code := run(t, "train-parser", "--train", tinyTreebank, "--epochs", "3", "-o", out)
		if code != 0 {
			t.Fatalf("train-parser: %d %s", code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		models[i] = b
	}
	if !bytes.Equal(models[0], models[1]) {
		t.Fatal("two trainings wrote different models")
	}
	out, errs, code := run(t, "parse", "--model", filepath.Join(dir, "ma.model"), "--eval", tinyTreebank)
	if code != 0 {
		t.Fatalf("parse --eval: %d %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^UPOS \d+\.\d XPOS \d+\.\d UAS \d+\.\d LAS \d+\.\d$`).MatchString(last) {
		t.Fatalf("last line %q", last)
	}
}

// parse FILE prints one CoNLL-U block per sentence of the text stage, each
// a tree: heads in range and exactly one root.
func TestParseTextFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "note.txt")
	body := "Border guards in Kyrgyzstan detained four smugglers on Tuesday.\n\nThe ministry said the ferry, which sank off Mindanao, carried ninety passengers."
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "parse", path)
	if code != 0 {
		t.Fatalf("parse: %d %s", code, errs)
	}
	blocks := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(blocks) != 2 {
		t.Fatalf("%d sentences, want 2:\n%s", len(blocks), out)
	}
	for _, b := range blocks {
		roots, words := 0, 0
		for _, l := range strings.Split(b, "\n") {
			if strings.HasPrefix(l, "#") {
				continue
			}
			f := strings.Split(l, "\t")
			if len(f) != 10 {
				t.Fatalf("line %q", l)
			}
			words++
			if f[6] == "0" {
				roots++
				if f[7] != "root" {
					t.Errorf("head 0 with relation %s", f[7])
				}
			}
		}
		if roots != 1 || words < 5 {
			t.Errorf("block with %d roots, %d words:\n%s", roots, words, b)
		}
	}
}

func TestParseNeedsInput(t *testing.T) {
	if _, errs, code := run(t, "parse"); code != 2 || !strings.Contains(errs, "--eval") {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
}

func TestVersionCredits(t *testing.T) {
	out, _, code := run(t, "--version")
	if code != 0 || !strings.Contains(out, "Universal Dependencies English Web Treebank, Silveira et al. 2014, Stanford") {
		t.Fatalf("code %d, version %q", code, out)
	}
}
