package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// A name opened by a hyphenated particle ("al-", "el-") is a name in
// lower case too, and at a sentence's start whatever the tagger made of
// it; inside a person's name it stays part of the name.
func TestParticleHyphenNames(t *testing.T) {
	for _, text := range []string{
		"Somali troops fought [[ORG al-Shabaab]] near [[LOC Kismayo]].",
		"Kenyan police said two [[ORG al-Shabaab]] recruits were arrested in [[LOC Mombasa]].",
		"[[ORG Al-Shabaab]] claimed the attack in [[LOC Mogadishu]].",
		"Sudan's army chief [[PER Abdel Fattah al-Burhan]] flew to [[LOC Cairo]].",
		"Students of [[ORG al-Azhar University]] marched in [[LOC Cairo]].",
	} {
		checkAnnotated(t, text)
	}
}

// A compass word read apart from the name after it ("Western Cambodia")
// is part of that name's region, not a division called "Western".
func TestCompassWordBeforePlace(t *testing.T) {
	for _, tc := range []struct{ text, place, word string }{
		{"Vietnamese troops advanced into Western Cambodia on Friday.", "Cambodia", "Western"},
		{"Heavy rain fell across Eastern Uganda overnight.", "Uganda", "Eastern"},
		{"The convoy reached Northern Mozambique on Sunday.", "Mozambique", "Northern"},
	} {
		art := analyse(t, "", nil, tc.text)
		found := false
		for _, e := range art.Entities {
			if e.Name == tc.word {
				t.Errorf("%q: %q is an entity (%s)", tc.text, tc.word, e.Type)
			}
			found = found || e.Name == tc.place
		}
		if !found {
			t.Errorf("%q: no entity %q; got %v", tc.text, tc.place, mentionsOf(art))
		}
	}
}

// A name of two or more capitalised words before a noun for members of
// an armed body ("fighters") names their body, not aircraft; a one-word
// aircraft name stays equipment.
func TestForceNameBeforeFighters(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		typ        string
	}{
		{"Islamic State fighters attacked a checkpoint near Raqqa.", "Islamic State", model.TypeOrg},
		{"Hayat Tahrir al-Sham fighters entered the town of Hama.", "Hayat Tahrir al-Sham", model.TypeOrg},
		{"Indian Air Force fighters intercepted the drone near Jammu.", "Indian Air Force", model.TypeOrg},
		{"Two Rafale fighters landed at the base near Delhi.", "Rafale", model.TypeEquipment},
	} {
		art := analyse(t, "", nil, tc.text)
		found := false
		for _, e := range art.Entities {
			if e.Name == tc.name {
				found = true
				if e.Type != tc.typ {
					t.Errorf("%q: %q is %s, want %s", tc.text, tc.name, e.Type, tc.typ)
				}
			}
		}
		if !found {
			t.Errorf("%q: no entity %q; got %v", tc.text, tc.name, mentionsOf(art))
		}
	}
}
