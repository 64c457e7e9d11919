package events

import "testing"

// A title and name the parse splits into two subjects of one verb ("The
// United Nations Secretary-General NAME said") is one speaker: the
// pronoun of the reported clause ("he was concerned ... and appealed")
// is that person, and the appeal is the organisation's.
func TestSplitNameSubject(t *testing.T) {
	runConstructions(t, []construction{
		{"The United Nations Secretary-General Antonio Guterres said he was alarmed by the fighting in Sudan and appealed for calm.", want{"02", "IGOUNO", "", ""}, nil},
		{"The African Union Commission chairman Moussa Faki said he was alarmed by the fighting and appealed for calm.", want{"02", "IGO", "", ""}, nil},
		{"The European Union foreign policy chief Kaja Kallas said she was shocked by the attack and appealed for restraint.", want{"02", "IGOEUREEC", "", ""}, nil},
		{"The Arab League secretary-general Ahmed Aboul Gheit said he was concerned by the clashes in Libya and appealed for dialogue.", want{"02", "IGO", "", ""}, nil},
		{"The United Nations human rights chief Volker Turk said he was appalled by the killings in Haiti and appealed for restraint.", want{"02", "IGOUNO", "", ""}, nil},
		{"The United Nations Secretary-General Antonio Guterres said he was deeply worried by the floods and appealed for aid.", want{"02", "IGOUNO", "", ""}, nil},
		{"The European Union foreign policy chief Kaja Kallas said she was deeply concerned by the arrests and appealed for calm.", want{"02", "IGOEUREEC", "", ""}, nil},
		{"The African Union Commission chairman Moussa Faki said he was deeply troubled by the violence and appealed for restraint.", want{"02", "IGO", "", ""}, nil},
		{"Lars Berg, the envoy of Norway to Colombia met rebel leaders in Havana.", want{"04", "NORGOV", "", ""}, []want{{"04", "COL", "", ""}}},
	})
}
