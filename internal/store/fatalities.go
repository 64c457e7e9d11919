package store

import (
	"bufio"
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
)

// casualtyWindow is how many words around a person count a casualty word
// may stand: "killed at least five people", "five people were killed".
const casualtyWindow = 5

// casualtyWords reads lexicon/analysis/casualties.tsv once: word → class.
var casualtyWords = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	b, err := sitrep.Lexicon.ReadFile("lexicon/analysis/casualties.tsv")
	if err != nil {
		return out // the embedded lexicon is part of the binary
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, c, ok := strings.Cut(line, "\t")
		if ok {
			out[strings.ToLower(strings.TrimSpace(w))] = strings.TrimSpace(c)
		}
	}
	return out
})

// Fatalities returns, for each event of a (by index), the people its
// sentence reports killed: the person quantities ("five people", "a
// crew of 19") whose nearest casualty word is a death word. Only the
// sentence's first material-conflict event (QuadClass 4) carries the
// count, so a sentence's toll is summed once however many events it
// codes; every other event gets 0.
func Fatalities(a *model.Article) []int {
	out := make([]int, len(a.Events))
	taken := map[int]bool{} // sentences whose toll is assigned
	for i := range a.Events {
		e := &a.Events[i]
		if e.QuadClass != 4 || taken[e.Sentence] || e.Sentence < 0 || e.Sentence >= len(a.Sentences) {
			continue
		}
		taken[e.Sentence] = true
		s := a.Sentences[e.Sentence]
		for _, q := range a.Quantities {
			if q.Sentence == e.Sentence && q.Unit == "person" && q.Value > 0 && q.Value < 1e7 &&
				q.Start >= s.Start && q.End <= s.End && deathNear(s, q.Mention) {
				out[i] += int(q.Value)
			}
		}
	}
	return out
}

// deathNear reports whether the casualty word nearest to m, within
// casualtyWindow words of it in sentence s, is a death word.
func deathNear(s model.Sentence, m model.Mention) bool {
	type word struct {
		at   int // byte offset in the body
		text string
	}
	var words []word
	start := -1
	for i, r := range s.Text + " " {
		isWord := unicode.IsLetter(r) || r == '-'
		switch {
		case isWord && start < 0:
			start = i
		case !isWord && start >= 0:
			words = append(words, word{s.Start + start, strings.ToLower(s.Text[start:i])})
			start = -1
		}
	}
	// Words before the mention count from its start, words after from its
	// end; words inside it are the count itself.
	type hit struct {
		dist  int
		class string
	}
	var hits []hit
	before, after := 0, 0
	for i := len(words) - 1; i >= 0; i-- {
		if words[i].at >= m.Start {
			continue
		}
		before++
		if before > casualtyWindow {
			break
		}
		if c := casualtyWords()[words[i].text]; c != "" {
			hits = append(hits, hit{before, c})
		}
	}
	for _, w := range words {
		if w.at < m.End {
			continue
		}
		after++
		if after > casualtyWindow {
			break
		}
		if c := casualtyWords()[w.text]; c != "" {
			hits = append(hits, hit{after, c})
		}
	}
	if len(hits) == 0 {
		return false
	}
	// The nearest wins; at equal distance the word before, which was
	// appended first ("killed five, wounded twelve").
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].dist < hits[j].dist })
	return hits[0].class == "death"
}
