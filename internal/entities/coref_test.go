package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestCoreference checks that pronouns, surnames, role nouns and
// definite descriptions join the right entity; annotations mark every
// mention that must be found, with "=Entity|" for the expected referent.
func TestCoreference(t *testing.T) {
	cases := []struct{ name, text string }{
		{"she by given name",
			"[[PER Penny Wong]] met [[PER Wang Yi]] in [[LOC Beijing]]. [[PER=Penny Wong|She]] said the talks were frank."},
		{"he by most recent person",
			"[[PER Penny Wong]] spoke first. Then [[PER Wang Yi]] arrived, and [[PER=Wang Yi|he]] said little."},
		{"surname",
			"[[LOC Cuban]] Foreign Minister [[PER Bruno Rodriguez]] arrived in [[LOC Caracas]]. [[PER=Bruno Rodriguez|Rodriguez]] met officials there."},
		{"role noun",
			"[[LOC Japanese]] Defense Minister [[PER Gen Nakatani]] visited [[LOC Manila]]. The [[PER=Gen Nakatani|minister]] promised radars."},
		{"the island",
			"[[LOC Cuba]] reported blackouts on Monday. [[LOC=Cuba|The island]]'s grid has failed three times this year."},
		{"the mainland",
			"Protests spread in [[LOC Hong Kong]] as officials on [[LOC=China|the mainland]] warned of unrest."},
		{"the two nations",
			"[[LOC Armenia]] and [[LOC Azerbaijan]] signed a draft treaty. [[LOC=Armenia|The two nations]] fought two wars."},
		{"they for a pair",
			"[[LOC Egypt]] and [[LOC Qatar]] said [[LOC=Qatar|they]] would keep mediating."},
		{"it said for the subject",
			"[[LOC Japan]] protested on Friday over the flights, which [[LOC=Japan|it]] said violated its airspace."},
		{"the capital",
			"Drones struck [[LOC Khartoum]] overnight, and fires burned across [[LOC=Khartoum|the capital]]."},
		{"namesakes by recency",
			"[[PER Kim Yo Jong]] issued a statement. [[PER Kim Jong Un]] later inspected a factory. [[PER=Kim Jong Un|Kim]] praised the workers."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body, anns := parseAnnotated(c.text)
			art := analyse(t, "", nil, body)
			for _, a := range anns {
				if !hasMention(art, a) {
					t.Errorf("no %s mention %q (entity %q); got %v", a.typ, body[a.start:a.end], a.entity, mentionsOf(art))
				}
			}
		})
	}
}

func mentionsOf(art *model.Article) []string {
	var out []string
	for _, e := range art.Entities {
		for _, m := range e.Mentions {
			out = append(out, e.Name+"="+m.Text)
		}
	}
	return out
}
