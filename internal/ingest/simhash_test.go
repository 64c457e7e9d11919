package ingest

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
)

// A wire story, a re-edit of it by another outlet (one sentence changed:
// "bailout" became "rescue package"; the headline, which differs, is not
// part of the body) and two different stories, one on the same topic.
var (
	wireOriginal = strings.Join([]string{
		"Sri Lanka's president dissolved parliament on Tuesday and called a snap general election for November 14, almost a year ahead of schedule, according to a government notice.",
		"Anura Kumara Dissanayake, a Marxist-leaning politician who won the presidential election at the weekend, had promised during his campaign to seek a fresh mandate for his policies.",
		"His National People's Power coalition holds only three seats in the 225-member legislature, making it difficult for the new government to pass laws.",
		"Dissanayake was sworn in on Monday and appointed Harini Amarasuriya, a university lecturer and rights activist, as prime minister.",
		"The island nation of 22 million people is recovering from an economic crisis in 2022 that forced it to default on its foreign debt and seek a bailout from the International Monetary Fund.",
		"The new president has said he will seek to renegotiate parts of the IMF programme to ease the burden of taxes on poorer households, but has pledged to keep the reforms on track.",
		"Nominations for the parliamentary election will be accepted from October 4 to October 11, the notice said.",
		"Opposition parties said they would contest the election, and some former ministers said they would not seek re-election.",
	}, "\n")
	wireReedited = strings.Join([]string{
		"Sri Lanka's president dissolved parliament on Tuesday and called a snap general election for November 14, almost a year ahead of schedule, according to a government notice.",
		"Anura Kumara Dissanayake, a Marxist-leaning politician who won the presidential election at the weekend, had promised during his campaign to seek a fresh mandate for his policies.",
		"His National People's Power coalition holds only three seats in the 225-member legislature, making it difficult for the new government to pass laws.",
		"Dissanayake was sworn in on Monday and appointed Harini Amarasuriya, a university lecturer and rights activist, as prime minister.",
		"The island nation of 22 million people is recovering from an economic crisis in 2022 that forced it to default on its foreign debt and seek a rescue package from the International Monetary Fund.",
		"The new president has said he will seek to renegotiate parts of the IMF programme to ease the burden of taxes on poorer households, but has pledged to keep the reforms on track.",
		"Nominations for the parliamentary election will be accepted from October 4 to October 11, the notice said.",
		"Opposition parties said they would contest the election, and some former ministers said they would not seek re-election.",
	}, "\n")
	otherStory = strings.Join([]string{
		"Bangladesh's interim government said on Monday that a general election would be held in the first half of next year, after months of pressure from political parties.",
		"Muhammad Yunus, the Nobel laureate who leads the caretaker administration, said reforms of the election commission, the judiciary and the police would come first.",
		"The main opposition party has demanded a clear timetable and warned of street protests if the vote is delayed.",
		"Former prime minister Sheikh Hasina fled to India in August after weeks of deadly protests against her government.",
		"The interim government has asked India to extradite her to face charges over the killing of protesters, a request New Delhi has not answered.",
		"Economists say the country's garment industry, which accounts for most of its exports, has been hit by unrest and power shortages.",
	}, "\n")
	sameTopicStory = strings.Join([]string{
		"Sri Lanka's new government said on Wednesday it would ask the International Monetary Fund to review the tax targets of the country's bailout programme.",
		"The finance ministry said the review would focus on income taxes on poorer households, which rose sharply after the 2022 economic crisis.",
		"The IMF said its staff would visit Colombo after the parliamentary election on November 14 to discuss the programme with the new authorities.",
		"President Anura Kumara Dissanayake has pledged to keep the reforms on track while easing the burden on the poor.",
		"Sri Lanka defaulted on its foreign debt in 2022 and has since restructured most of its bilateral loans.",
	}, "\n")
)

func TestSimhashNearDuplicates(t *testing.T) {
	a, b := Simhash(wireOriginal), Simhash(wireReedited)
	t.Logf("re-edit %d bits, other story %d, same-topic story %d", Hamming(a, b), Hamming(a, Simhash(otherStory)), Hamming(a, Simhash(sameTopicStory)))
	if d := Hamming(a, b); d > DefaultMaxDistance {
		t.Errorf("re-edited wire story at distance %d > %d", d, DefaultMaxDistance)
	}
	for name, s := range map[string]string{"other": otherStory, "same topic": sameTopicStory} {
		if d := Hamming(a, Simhash(s)); d <= DefaultMaxDistance+6 {
			t.Errorf("%s story only %d bits from the original", name, d)
		}
	}
	if Simhash("") != 0 || Simhash("one") == 0 {
		t.Errorf("edge cases: %x %x", Simhash(""), Simhash("one"))
	}
}

func TestDupIndex(t *testing.T) {
	tests := []struct {
		id, body string
		wantDup  string
	}{
		{"orig", wireOriginal, ""},
		{"other", otherStory, ""},
		{"reedit", wireReedited, "orig"},
		{"orig", wireOriginal, "orig"}, // exact: same ID
		{"topic", sameTopicStory, ""},
	}
	d := NewDupIndex(DefaultMaxDistance)
	for i, tc := range tests {
		dup, ok := d.Check(tc.id, Simhash(tc.body))
		if ok != (tc.wantDup != "") || dup != tc.wantDup {
			t.Errorf("%d %s: got (%q, %v), want %q", i, tc.id, dup, ok, tc.wantDup)
		}
	}
	// The banded index finds every fingerprint within the distance.
	d = NewDupIndex(3)
	base := uint64(0x0123456789abcdef)
	d.Check("base", base)
	for _, flip := range [][]int{{0}, {63}, {1, 17, 33}, {15, 16, 47}} {
		fp := base
		for _, b := range flip {
			fp ^= 1 << uint(b)
		}
		if dup, ok := d.Check(fmt.Sprint(flip), fp); !ok || dup != "base" {
			t.Errorf("flip %v not found", flip)
		}
	}
	fp := base ^ 0xf // four bits
	if _, ok := d.Check("far", fp); ok {
		t.Errorf("distance 4 reported as duplicate")
	}
}

func BenchmarkSimhash(b *testing.B) {
	b.SetBytes(int64(len(wireOriginal)))
	for b.Loop() {
		Simhash(wireOriginal)
	}
}

// TestSimhashEditTolerance: random small edits of real-length stories
// mostly stay within the default distance; unrelated texts never do.
func TestSimhashEditTolerance(t *testing.T) {
	texts := []string{wireOriginal, otherStory, sameTopicStory}
	if b, err := os.ReadFile(seedPath); err == nil {
		texts = append(texts, string(b))
	}
	r := rand.New(rand.NewSource(7))
	for _, tc := range []struct {
		words   int
		minRate float64
	}{{1, 0.9}, {3, 0.8}, {6, 0}, {25, 0}} {
		within := 0
		const trials = 400
		for i := 0; i < trials; i++ {
			txt := texts[i%len(texts)]
			w := strings.Fields(txt)
			at := r.Intn(len(w) - tc.words)
			for j := 0; j < tc.words; j++ {
				w[at+j] = fmt.Sprintf("edit%d", r.Intn(1000))
			}
			if Hamming(Simhash(txt), Simhash(strings.Join(w, " "))) <= DefaultMaxDistance {
				within++
			}
		}
		rate := float64(within) / trials
		t.Logf("%d word(s) replaced: %.0f%% within %d bits", tc.words, 100*rate, DefaultMaxDistance)
		if rate < tc.minRate {
			t.Errorf("%d word(s) replaced: only %.0f%% within %d bits, want ≥ %.0f%%", tc.words, 100*rate, DefaultMaxDistance, 100*tc.minRate)
		}
	}
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			if d := Hamming(Simhash(texts[i]), Simhash(texts[j])); d <= 2*DefaultMaxDistance {
				t.Errorf("texts %d and %d only %d bits apart", i, j, d)
			}
		}
	}
}
