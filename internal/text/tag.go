package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"

	"github.com/sitrep-project/sitrep/internal/model"
)

// tagFixes pins words the perceptron gets wrong in news text, where the
// training data (WSJ) is thin.
var tagFixes = tag.Lexicon{
	"'s": "POS",
}

// tag fills in toks' Tag fields; scratch is reused between calls.
func (a *Analyzer) tag(toks []model.Token, scratch []tag.Token) []tag.Token {
	if len(toks) == 0 {
		return scratch
	}
	if a.tagger == nil {
		if a.opts.Tagger == TaggerRules || a.opts.Tagger == "" {
			a.ruleTag(toks)
		}
		return scratch
	}
	if cap(scratch) < len(toks) {
		scratch = make([]tag.Token, len(toks), len(toks)+32)
	}
	scratch = scratch[:len(toks)]
	for i := range toks {
		w := toks[i].Text
		if w == "\"" {
			// A straight quote opens when glued to the word after it.
			w = "''"
			if i+1 < len(toks) && toks[i+1].Start == toks[i].End && (i == 0 || toks[i-1].End < toks[i].Start) {
				w = "``"
			}
		} else {
			w = tagForm(w)
		}
		scratch[i] = tag.Token{Text: w}
	}
	a.tagger.TagTokens(scratch)
	for i := range toks {
		toks[i].Tag = fixTag(toks, scratch, i)
	}
	return scratch
}

// tagForm maps typographic quotes onto the ASCII forms the model was
// trained on; it allocates only for such tokens.
func tagForm(s string) string {
	if len(s) == 0 || s[0] < utf8.RuneSelf && !strings.ContainsRune(s, '’') {
		return s
	}
	switch s {
	case "“":
		return "``"
	case "”":
		return "''"
	case "‘":
		return "`"
	}
	return strings.ReplaceAll(s, "’", "'")
}

// fixTag corrects systematic perceptron errors using what it cannot see:
// capitalisation in mid-sentence and our own clitic split.
func fixTag(toks []model.Token, tt []tag.Token, i int) string {
	t := tt[i].Tag
	w := toks[i].Text
	switch {
	case w == "'s" || w == "’s" || w == "'S":
		// Our tokenizer only splits "'s" off a word; after a noun it is the
		// possessive, after a pronoun ("it's", "he's") the verb.
		if i > 0 {
			if p := tt[i-1].Tag; p == "PRP" || p == "WP" || p == "EX" || p == "DT" {
				return "VBZ"
			}
		}
		return "POS"
	case t == "NN" || t == "NNS" || t == "JJ":
		// A capitalised word in mid-sentence that the model calls a common
		// noun is almost always a name in news text ("Pyongyang", "Kyiv").
		if i > 0 && startsUpper(w) && !isAllUpper(w) && prevNotOpener(toks, i) {
			if t == "NNS" {
				return "NNPS"
			}
			if t == "NN" {
				return "NNP"
			}
		}
	}
	return t
}

// prevNotOpener reports whether the token before i does not open a new
// clause or quote (after which capitals say nothing about names).
func prevNotOpener(toks []model.Token, i int) bool {
	switch toks[i-1].Text {
	case "\"", "“", "‘", "'", ":", "(", "--", "—":
		return false
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return len(s) > 1
}
