package events

import (
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Verb patterns are written in base form ("accuse of", "hold talks") and
// matched against the lemma the trained tagger puts on every token (see
// internal/syntax's lemmatiser), so the coder keeps no inflection table:
// "accused", "accuses" and "accusing" all have the lemma "accuse". A
// token also matches a pattern word equal to its own form, for patterns
// that name an inflected word ("talks", or an irregular form the
// lemmatiser does not know). A token with no lemma (no tagger ran)
// matches by its form only.
//
// The lemmatiser guesses the lemma of a word it did not see in training
// by suffix rules, and on regular verbs it errs in two ways only: it
// keeps or drops a final "e" wrongly ("blamed" → "blam", "rioted" →
// "riote") and keeps a doubled consonant single ("shelled" → "shel").
// An inflected token therefore also matches a pattern word with the
// same lemma key (the word without a final "e" and with a final doubled
// consonant single: "blame", "blam" → "blam"). A participle the tagger
// reads as an adjective keeps its form as its lemma ("abused"/JJ), so
// its key is the form without "-ed" or "-ing". Base forms never go
// through the key: "us" does not match "use". A token with no lemma (no
// tagger ran) has its form as its lemma; its key is its form without
// "-ed" or "-ing".

// lemmaKey folds the two spelling changes the lemmatiser gets wrong.
func lemmaKey(w string) string {
	w = strings.TrimSuffix(w, "e")
	if n := len(w); n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// tokenKey is the lemma key of a token in "-ed" or "-ing", "" for any
// other: the lemmatiser's errors are on those endings, and folding a
// plural's "e" would read "planes" as "plans".
func tokenKey(t model.Token, low, lemma string) string {
	if !strings.HasSuffix(low, "ed") && !strings.HasSuffix(low, "ing") {
		return ""
	}
	switch t.Tag {
	case "", "VBD", "VBN", "VBG":
		if lemma != low {
			return lemmaKey(lemma)
		}
	}
	if t.Tag == "" && t.Lemma == "" || t.Tag == "JJ" || t.Tag == "VBN" || t.Tag == "NN" {
		// a participle read as an adjective or a noun, whose lemma is its
		// form, or a token no tagger lemmatised: the form without its ending
		for _, suf := range [...]string{"ied", "ed", "ing"} {
			if s, ok := strings.CutSuffix(low, suf); ok && len(s) >= 3 {
				if suf == "ied" {
					s += "y"
				}
				return lemmaKey(s)
			}
		}
	}
	return ""
}

// heads returns the patterns token t can head, longest first: those
// headed by its lemma, by its form and by its lemma key.
func (l *Lexicon) heads(t tok) []*pattern {
	if l.dict != nil {
		return l.dictHeads(t)
	}
	return l.mergeHeads(t)
}

// mergeHeads is heads, merging the lists each time.
func (l *Lexicon) mergeHeads(t tok) []*pattern {
	a := l.headed(t.lemma)
	var more [2][]*pattern
	if t.low != t.lemma {
		more[0] = l.headed(t.low)
	}
	if t.key != "" {
		more[1] = l.keyed(t.key)
	}
	var out []*pattern
	for _, b := range more {
		for _, p := range b {
			if slices.Contains(a, p) || slices.Contains(out, p) {
				continue
			}
			if out == nil {
				out = slices.Clone(a)
			}
			out = append(out, p)
		}
	}
	if out == nil {
		return a
	}
	// a dictionary entry of the form itself ("LEFT [032:033]", "MET
	// [031:032]") is the verb the dictionary means there, before its
	// lemma's entry ("LEAVE [012]") among patterns of one size
	own := func(p *pattern) bool { return p.dictionary && slices.Contains(more[0], p) }
	slices.SortStableFunc(out, func(x, y *pattern) int {
		if d := y.size() - x.size(); d != 0 {
			return d
		}
		switch ox, oy := own(x), own(y); {
		case ox && !oy:
			return -1
		case oy && !ox:
			return 1
		}
		return 0
	})
	return out
}

// isHead reports whether token t can head a verb pattern.
func (l *Lexicon) isHead(t tok) bool {
	return len(l.headed(t.lemma)) > 0 || len(l.headed(t.low)) > 0 || t.key != "" && len(l.keyed(t.key)) > 0
}

// at reports whether token t is word w of the pattern (one of its
// alternatives, by lemma, form or lemma key).
func (p *pattern) at(w int, t tok) bool {
	if p.dictionary && w > 0 && !strings.HasPrefix(t.tag, "VB") {
		// a dictionary's words after its verb are the words it writes
		// ("RESOLUTION" is not "resolutions"), but verbs inflect
		return p.alts[w][t.low]
	}
	return p.alts[w][t.lemma] || p.alts[w][t.low] || t.key != "" && p.keys[w][t.key] || t.place && p.alts[w][placeWord]
}

// placeWord is the pattern word that a place name matches ("capture
// @place": "captured Bakhmut"), as a word matches its lemma.
const placeWord = "@place"

// tokenLemma is the lower-case lemma of a text-stage token, its form
// when it has none.
func tokenLemma(t model.Token) string {
	l := t.Lemma
	if l == "" {
		l = t.Text
	}
	return unhyphenPrefix(strings.ToLower(l))
}

// unhyphenPrefix writes a verb's prefix and stem as one word, as the
// lexicon does: "re-open" is "reopen", "co-operate" "cooperate".
func unhyphenPrefix(l string) string {
	for _, p := range [...]string{"re-", "co-", "de-", "pre-", "un-"} {
		if rest, ok := strings.CutPrefix(l, p); ok && len(rest) > 2 && !strings.Contains(rest, "-") {
			return p[:len(p)-1] + rest
		}
	}
	return l
}
