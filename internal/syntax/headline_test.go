package syntax

import (
	"strings"
	"testing"
)

// sentenceCase tells headlines from body text, and from the tables and
// lists of names that are capitalised too.
func TestSentenceCase(t *testing.T) {
	tests := []struct {
		tokens string // space-separated
		want   headlineCase
	}{
		{"Bolivia Expels US Diplomat Over Coca Dispute", titleCase},
		{"Taiwan Scrambles Jets as Chinese Drills Widen .", titleCase},
		{"Somali Forces Retake Port From Militants", titleCase},
		{"Floods Kill 40 in Northern Bangladesh", titleCase},
		{"Serbia , Kosovo Trade Blame Over Border Clash", titleCase},
		{"MOROCCO RECALLS ENVOY TO ALGERIA", upperCase},
		{"TYPHOON HITS NORTHERN PHILIPPINES , DOZENS DEAD .", upperCase},
		// Body text: a longer word in lower case.
		{"The Chilean navy seized a Peruvian trawler .", bodyCase},
		{"Lagos and Abuja host Ghana on Monday", bodyCase},
		// Too few words, a table of results, a list of names.
		{"Nairobi Bureau", bodyCase},
		{"Leeds 2 Hull City 1", bodyCase},
		{"Maria Gonzalez ( Chile ) 2:01.44", bodyCase},
		{"Squad - Ali Hassan , Omar Diallo , Tomas Novak", bodyCase},
		{"Posted by Admin to Travel Notes at Midnight", bodyCase},
	}
	for _, tt := range tests {
		if got := sentenceCase(strings.Fields(tt.tokens)); got != tt.want {
			t.Errorf("sentenceCase(%q) = %d, want %d", tt.tokens, got, tt.want)
		}
	}
}

// Body sentences are tagged from the words as written, exactly as
// before: caseForms leaves them alone.
func TestCaseFormsBodyUntouched(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		"Kenya expelled a Ugandan diplomat on Tuesday over a border dispute.",
		"Vietnamese coast guards chased a survey ship from disputed waters.",
		"Ministers from Ghana, Togo and Benin met in Accra.",
		"Police in Lima detained dozens of protesters near Congress.",
		"The Hungarian farmers' union blocked roads around Budapest.",
	} {
		toks := tokens(t, body)
		sc := p.pool.Get().(*scratch)
		sc.forms = sc.forms[:0]
		for _, tk := range toks {
			sc.forms = append(sc.forms, normalForm(tk.Text))
		}
		if p.caseForms(sc) {
			t.Errorf("%q read as a headline", body)
		}
		p.pool.Put(sc)
	}
}
