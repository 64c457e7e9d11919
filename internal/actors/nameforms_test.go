package actors_test

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// A person the dictionaries list is coded whatever the shape of the
// name's words in the text: a Korean given name written with a hyphen
// (Phoenix writes its syllables as words: HAN_DUCK_SOO), letters with
// diacritics (the dictionaries are ASCII), a family name the tagger reads
// as a common noun ("Song", "Long"). The role is the one the
// dictionaries date to the article's day.
func TestNameForms(t *testing.T) {
	// hyphenated given names
	runCodes(t, []codeCase{
		{"South Korea", "2006-04-10", "Han Duck-soo said the budget would pass before the summer recess.", "Han Duck-soo", "KORGOV"},
		{"South Korea", "2009-06-10", "Kim Sung-hwan met his Japanese counterpart in Tokyo.", "Kim Sung-hwan", "KORGOVMIL"},
		{"South Korea", "2009-06-10", "Officials said Yu Myung-hwan would fly to Washington.", "Yu Myung-hwan", "KORGOVBUS"},
		{"North Korea", "2009-06-10", "Kang Min-chol met the trade delegation in Pyongyang.", "Kang Min-chol", "PRKGOVBUS"},
		{"North Korea", "2004-06-10", "Hong Sok-hyong toured the steel works on Friday.", "Hong Sok-hyong", "PRKGOV"},
		{"United Nations", "2008-06-10", "Diplomats said Ban Ki-moon would visit Yangon next week.", "Ban Ki-moon", "IGOUNO"},
	})
	// diacritics
	runCodes(t, []codeCase{
		{"Europe", "2013-06-10", "François Hollande arrived in Bamako on Saturday.", "François Hollande", "FRAGOV"},
		{"Europe", "2005-06-10", "José Luis Rodríguez Zapatero met union leaders in Madrid.", "José Luis Rodríguez Zapatero", "ESPGOV"},
		{"South America", "2008-06-10", "Luiz Inácio Lula da Silva opened the summit in Brasília.", "Luiz Inácio Lula da Silva", "BRAGOV"},
		{"South America", "2004-06-10", "Álvaro Uribe Vélez ordered more troops to the border.", "Álvaro Uribe Vélez", "COLGOV"},
		{"Southeast Asia", "2012-06-10", "Nguyễn Tấn Dũng told the assembly that growth would slow.", "Nguyễn Tấn Dũng", "VNMGOV"},
	})
	// a family name that is an English word, first in the sentence or not
	runCodes(t, []codeCase{
		{"South Korea", "2007-06-10", "Song Min-soon flew to Beijing for the six-party talks.", "Song Min-soon", "KORGOVBUS"},
		{"South Korea", "2007-06-10", "The minister, Song Min-soon, said the talks would resume.", "Song Min-soon", "KORGOVBUS"},
		{"South Korea", "2007-06-10", "On Monday Song Min-soon said the talks would resume.", "Song Min-soon", "KORGOVBUS"},
		{"South Korea", "2000-03-10", "Park Tae-joon resigned after the scandal.", "Park Tae-joon", "KORGOV"},
		{"Cambodia", "1974-06-10", "Long Boret flew to Bangkok for talks on the border.", "Long Boret", "KHMGOV"},
	})
	// a name that ends in a particle joined to a capitalised word
	runCodes(t, []codeCase{
		{"Middle East", "2008-06-10", "Nouri al-Maliki met the envoy in Baghdad.", "Nouri al-Maliki", "IRQGOV"},
		{"Middle East", "2010-06-10", "Tariq al-Hashimi rejected the election law on Sunday.", "Tariq al-Hashimi", "IRQGOV"},
		{"Middle East", "2010-06-10", "Samir al-Rifai presented the budget in Amman.", "Samir al-Rifai", "JORGOV"},
		{"Middle East", "2010-06-10", "Supporters of Abdul Aziz al-Hakim gathered in Najaf.", "Abdul Aziz al-Hakim", "IRQELI"},
		{"Middle East", "2012-06-10", "Bashar al-Assad spoke on state television.", "Bashar al-Assad", "SYRGOV"},
	})
	// of two entries for one name (Phoenix: "BAN_KI-MOON" UN chief from
	// 2007, "BAN_KI_MOON" a minister before), the one with a role on the day
	runCodes(t, []codeCase{
		{"South Korea", "2005-06-10", "Ban Ki-moon said the six-party talks would resume.", "Ban Ki-moon", "KORGOVBUS"},
		{"South Korea", "2006-03-10", "Seoul's envoy Ban Ki-moon flew to Beijing for the talks.", "Ban Ki-moon", "KORGOVBUS"},
	})
	// a one-word name of the dictionaries before a particle name is no
	// name of its own ("Khalid" of "Khalid al-Attiyah" is no Saudi king)
	runNoCodes(t, []codeCase{
		{"Gulf", "2008-06-10", "Khalid al-Attiyah met the envoy in Doha.", "Khalid", ""},
	})
}

// A title before a name stays out of the person's name, though the
// dictionaries list the two together ("PRESIDENT_VLADIMIR_PUTIN").
func TestTitleStaysOutOfName(t *testing.T) {
	for _, c := range []struct{ date, text, name string }{
		{"2015-06-10", "President Vladimir Putin met the delegation in Sochi.", "Vladimir Putin"},
		{"2010-06-10", "President Hosni Mubarak spoke in Cairo on Monday.", "Hosni Mubarak"},
		{"2005-06-10", "Secretary-General Kofi Annan flew to Darfur.", "Kofi Annan"},
	} {
		a := analyze(t, c.date, c.text, true)
		found := false
		for _, e := range a.Entities {
			if e.Type == model.TypePerson {
				found = true
				if e.Name != c.name {
					t.Errorf("%q: person %q, want %q", c.text, e.Name, c.name)
				}
			}
		}
		if !found {
			t.Errorf("%q: no person", c.text)
		}
	}
}
