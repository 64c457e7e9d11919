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
			"[[AFF Cuban]] Foreign Minister [[PER Bruno Rodriguez]] arrived in [[LOC Caracas]]. [[PER=Bruno Rodriguez|Rodriguez]] met officials there."},
		{"role noun",
			"[[AFF Japanese]] Defense Minister [[PER Gen Nakatani]] visited [[LOC Manila]]. The [[PER=Gen Nakatani|minister]] promised radars."},
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
		{"first name where names are patronymic",
			"[[AFF Ethiopian]] Prime Minister [[PER Abiy Ahmed]] hosted the talks. [[PER=Abiy Ahmed|Abiy]] is expected to visit [[LOC Nairobi]] in May."},
		{"first name when no one has it as a surname",
			"[[AFF Kenyan]] opposition leader [[PER Raila Odinga]] met envoys in [[LOC Mombasa]]. Supporters said [[PER=Raila Odinga|Raila]] rejected the plan."},
		{"surname after a closing quote",
			"Interior Minister [[PER Kipchumba Murkomen]] spoke. \"We will act,\" [[PER=Kipchumba Murkomen|Murkomen]] told reporters."},
		{"surname of a particle name",
			"[[LOC Sudan]]'s army chief [[PER Abdel Fattah al-Burhan]] rejected talks. [[PER=Abdel Fattah al-Burhan|Burhan]] vowed to fight on."},
		{"its skips plurals and adjectives",
			"The [[AFF Indian]] [[ORG army]] said [[AFF Pakistani]] forces fired on [[ORG=army|its]] posts near [[LOC Poonch]]."},
		{"the two countries between, not the mediator",
			"[[LOC Guyana]] accused [[LOC Venezuela]] of massing troops. [[LOC Brazil]] offered to mediate between [[LOC=Guyana|the two countries]]."},
		{"the two countries of the same sentence",
			"A visit by [[AFF Russian]] President [[PER Vladimir Putin]] to [[LOC North Korea]] could deepen ties between [[LOC=North Korea|the two countries]]."},
		{"the two leaders are people",
			"[[AFF Ethiopian]] Prime Minister [[PER Abiy Ahmed]] hosted [[AFF Kenyan]] President [[PER William Ruto]]. [[PER=Abiy Ahmed|The two leaders]] signed a pact."},
		{"the group is the latest armed group",
			"[[AFF Israeli]] jets struck a [[ORG Hamas]] post and accused [[ORG=Hamas|the group]] of hiding fighters."},
		{"the militant group",
			"[[ORG Houthi]] fighters fired missiles at ships. [[ORG=Houthi|The militant group]] said more would follow."},
		{"coordinated demonyms share the noun",
			"[[AFF Indian]] and [[AFF Pakistani]] [[ORG troops]] exchanged fire in [[LOC Kashmir]]."},
		{"namesakes by recency",
			"[[PER Kim Yo Jong]] issued a statement. [[PER Kim Jong Un]] later inspected a factory. [[PER=Kim Jong Un|Kim]] praised the workers."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkAnnotated(t, c.text)
		})
	}
}

// TestCoreferenceNegative lists mentions that must NOT join an entity.
func TestCoreferenceNegative(t *testing.T) {
	cases := []struct{ name, text, entity, mention string }{
		{"first name shared with a surname",
			"[[PER Omar Hassan]] met [[PER Khalid Omar]] in [[LOC Cairo]]. Omar said the talks went well.",
			"Omar Hassan", "Omar"},
		{"first name that is a town",
			"[[PER Houston Porter]] spoke in [[LOC Lagos]]. Flights to Houston resumed.",
			"Houston Porter", "Houston"},
		{"the mediator is not one of the two countries",
			"Guyana accused Venezuela of massing troops. Brazil offered to mediate between the two countries.",
			"Brazil", "the two countries"},
		{"the two leaders are not countries",
			"Ethiopian Prime Minister Abiy Ahmed hosted Kenyan President William Ruto. The two leaders signed a pact.",
			"Kenya", "The two leaders"},
		{"the group of seven is no armed group",
			"Hamas fighters fired rockets. The group of seven rich nations met in Rome.",
			"Hamas", "The group"},
		{"its is not a plural common noun",
			"The Indian army said Pakistani forces fired on its posts near Poonch.",
			"forces", "its"},
		{"its is not a town",
			"The army said troops shelled posts in the Poonch sector and that its soldiers responded.",
			"Poonch", "its"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body, _ := parseAnnotated(c.text)
			art := analyse(t, "", nil, body)
			for _, e := range art.Entities {
				if e.Name != c.entity {
					continue
				}
				for _, m := range e.Mentions {
					if m.Text == c.mention {
						t.Errorf("%q joined %q: %v", c.mention, c.entity, mentionsOf(art))
					}
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
