package events

import "testing"

// The clause's own subject, found by the parse, outranks the nearest
// actor before the verb: in "X, the envoy of A to B met ..." (a comma missing, as copy often has it) the actor
// is A's envoy, not B, which the window reading took.
func TestArcSubjectOutranksNearestActor(t *testing.T) {
	for _, tc := range []struct{ text, source string }{
		{"Lars Berg, the envoy of Norway to Colombia met rebel leaders in Havana.", "NORGOV"},
		{"Anna Sik, the ambassador of Sweden to Iran visited the detained aid worker in Tehran.", "SWEGOV"},
		{"Mei Tan, the envoy of Singapore to Myanmar met opposition leaders in Bangkok.", "SGPGOV"},
		{"Omar Haddad, the envoy of Jordan to Syria praised Lebanon for reopening the border.", "JORGOV"},
		{"Kenji Ito, Defence Minister of Japan urged China to halt the drills.", "JPNGOV"},
		{"Amina Yusuf, the envoy of Nigeria to Niger, met the junta's leaders in Niamey.", "NGAGOV"},
	} {
		a := codePipeline(t, tc.text)
		if len(a.Events) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		if got := a.Events[0].Source.Code; got != tc.source {
			t.Errorf("%q: source %s, want %s (the subject's, not the nearest actor's)", tc.text, got, tc.source)
		}
	}
}
