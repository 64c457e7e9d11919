package entities

import (
	"sort"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestContextCountry checks codes exactly (an empty want means no code):
// a national title without a country takes the article's country, but
// an explicit country, a demonym or an apposition comes first, and roles
// that do not imply a national government take nothing.
func TestContextCountry(t *testing.T) {
	cases := []struct {
		name, text, entity, typ, code string
	}{
		{"president takes the article's country",
			"Thousands marched in Lima against a mining law. Peruvian police fired tear gas. President Dina Boluarte condemned the violence.",
			"Dina Boluarte", model.TypePerson, "PERGOV"},
		{"minister takes the article's country",
			"Kenyan police fired tear gas in Nairobi. Interior Minister Kipchumba Murkomen said officers would not tolerate violence.",
			"Kipchumba Murkomen", model.TypePerson, "KENGOV"},
		{"army chief takes the article's country",
			"Fighting raged in Khartoum and across Sudan. Army chief Abdel Fattah al-Burhan vowed to fight on.",
			"Abdel Fattah al-Burhan", model.TypePerson, "SDNMIL"},
		{"demonym beats the article's country",
			"Kenyan police fired tear gas in Nairobi and Mombasa. Ugandan President Yoweri Museveni visited Nairobi.",
			"Yoweri Museveni", model.TypePerson, "UGAGOV"},
		{"of-country beats the article's country",
			"Kenyan police fired tear gas in Nairobi and Mombasa. President Yoweri Museveni of Uganda visited Nairobi.",
			"Yoweri Museveni", model.TypePerson, "UGAGOV"},
		{"apposition beats the article's country",
			"Kenyan police fired tear gas in Nairobi and Mombasa. Yoweri Museveni, Uganda's president, visited Nairobi.",
			"Yoweri Museveni", model.TypePerson, "UGAGOV"},
		{"opposition leader takes the article's country",
			"Kenyan police fired tear gas in Nairobi. Opposition leader Raila Odinga urged the government to withdraw the bill.",
			"Raila Odinga", model.TypePerson, "KENOPP"},
		{"an activist takes no country",
			"Kenyan police fired tear gas in Nairobi. Activist Boniface Mwangi urged calm.",
			"Boniface Mwangi", model.TypePerson, ""},
		{"no country in the article: no code",
			"President Amara Dossou condemned the violence.",
			"Amara Dossou", model.TypePerson, ""},
		{"a protest leader takes no country",
			"Thousands marched in Lima and across Peru. Ana Quispe, a leader of the Confederation of Peasant Communities, spoke.",
			"Ana Quispe", model.TypePerson, ""},
		{"an international official keeps the IGO code",
			"Fighting spread in Sudan. Chairperson Mahmoud Ali Youssouf of the African Union called for a ceasefire.",
			"Mahmoud Ali Youssouf", model.TypePerson, "IGOAFRAFU"},
		{"Congress of a country that has one",
			"Protesters in Lima, Peru's capital, marched on Congress to demand the repeal of the law.",
			"Congress", model.TypeOrg, "PERLEG"},
		{"unqualified Congress elsewhere is the US one",
			"Kyiv said Ukraine needed air defences. Congress approved the aid on Friday.",
			"Congress", model.TypeOrg, "USALEG"},
		{"the army of the country named in the sentence",
			"Leaders met in Addis Ababa on the war in Sudan, where the army is fighting the Rapid Support Forces.",
			"army", model.TypeOrg, "SDNMIL"},
		{"the army of the article's country",
			"Fighting spread across Sudan. Leaders met in Cairo, and the army said it repelled an attack.",
			"army", model.TypeOrg, "SDNMIL"},
		{"national section of an NGO",
			"Amnesty International Kenya said at least 12 people were arrested.",
			"Amnesty International Kenya", model.TypeOrg, "KENNGO"},
		{"transnational NGO",
			"Amnesty International said at least 12 people were arrested in Nairobi.",
			"Amnesty International", model.TypeOrg, "NGO"},
		{"confederation is an organisation",
			"Ana Quispe, a leader of the Confederation of Peasant Communities, spoke.",
			"Confederation of Peasant Communities", model.TypeOrg, ""},
		{"state news agency by a second spelling",
			"Belarus rejected the measures, state news agency Belta reported.",
			"BelTA", model.TypeOrg, "BLRMED"},
		{"EU foreign policy chief",
			"EU foreign policy chief Kaja Kallas said the measures would cut Moscow's revenues.",
			"Kaja Kallas", model.TypePerson, "IGOEUREEC"},
		{"AU chairperson",
			"AU Commission Chairperson Mahmoud Ali Youssouf called for a ceasefire in Sudan.",
			"Mahmoud Ali Youssouf", model.TypePerson, "IGOAFRAFU"},
		{"name with particles",
			"Brazilian President Luiz Inacio Lula da Silva spoke with Guyana's president.",
			"Luiz Inacio Lula da Silva", model.TypePerson, "BRAGOV"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			e := findEntity(art, c.entity, c.typ)
			if e == nil {
				t.Fatalf("entity %s %q not found in %v", c.typ, c.entity, names(art))
			}
			if got := model.Deref(e.Code); got != c.code {
				t.Errorf("%s: code %q, want %q", c.entity, got, c.code)
			}
		})
	}
}

// TestPlacesOutsideGazetteer checks towns the GeoNames extract lacks or
// spells otherwise, with a name that is no town side by side.
func TestPlacesOutsideGazetteer(t *testing.T) {
	cases := []struct {
		text, name, code string
		lat, lon         float64
	}{
		{"An air strike killed five people in Khan Younis on Sunday.", "Khan Younis", "PSE", 31.35, 34.31},
		{"An air strike killed five people in Khan Yunis on Sunday.", "Khan Younis", "PSE", 31.35, 34.31},
		{"Troops fired on posts in the Poonch sector overnight.", "Poonch", "IND", 33.77, 74.09},
		{"India accused Pakistan of shelling villages near Kotli.", "Kotli", "PAK", 33.52, 73.90},
		{"Venezuela massed troops near the disputed Essequibo region.", "Essequibo", "GUY", 6.0, -59.5},
		{"Shelling hit the camp in Jabalia overnight.", "Jabalia", "PSE", 31.53, 34.48},
	}
	for _, c := range cases {
		art := analyse(t, "", nil, c.text)
		e := findEntity(art, c.name, model.TypePlace)
		if e == nil {
			t.Errorf("%q: no place %q in %v", c.text, c.name, names(art))
			continue
		}
		if model.Deref(e.Code) != c.code || e.Lat == nil || haversine(*e.Lat, *e.Lon, c.lat, c.lon) > 30 {
			t.Errorf("%q: %s code %q at %v,%v", c.text, c.name, model.Deref(e.Code), e.Lat, e.Lon)
		}
	}
	// a person's name is no place even where a town shares it
	art := analyse(t, "", nil, "Interior Minister Kipchumba Murkomen said the police would act.")
	if findEntity(art, "Kipchumba Murkomen", model.TypePerson) == nil {
		t.Errorf("person lost: %v", names(art))
	}
}

// TestCoordinatedDemonyms checks that "Indian and Pakistani troops" names
// both countries' troops on one span, and a single demonym only one.
func TestCoordinatedDemonyms(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Clashes erupted on the border as Indian and Pakistani troops exchanged fire.", []string{"INDMIL", "PAKMIL"}},
		{"Clashes erupted on the border with India as Pakistani troops fired.", []string{"PAKMIL"}},
		{"Egypt and Qatar sent envoys while Israeli troops advanced.", []string{"ISRMIL"}},
	}
	for _, c := range cases {
		art := analyse(t, "", nil, c.text)
		var got []string
		for _, e := range art.Entities {
			if e.Name == "troops" {
				got = append(got, model.Deref(e.Code))
			}
		}
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: troops %v, want %v", c.text, got, c.want)
		}
	}
}
