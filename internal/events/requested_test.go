package events

import "testing"

// What a request's "that" clause asks for has not happened, whether or not
// the request has a coded source of its own and whether or not the tagger
// reads the clause's bare verb as a verb ("ease/NN").
func requestedThatCases() []construction {
	return []construction{
		// Africa, a state: a noun request, a time word before "that"
		{"Ghana renewed its demand yesterday that Togo ease restrictions on traders.", want{"10", "GHA", "", ""}, []want{{"08", "TGO", "", ""}}},
		// Latin America, a body with no actor code: the clause stays unasserted
		{"The Andean Workers Forum demanded that Peru ease restrictions on unions.", want{}, []want{{"08", "PER", "", ""}}},
		// Asia, a government
		{"Malaysia's government repeated its demand on Monday that Myanmar ease restrictions on fishermen.", want{"10", "MYS", "", ""}, []want{{"08", "MMR", "", ""}}},
		// Europe, an organisation with no actor code, noun request
		{"The Baltic Press League repeated its demand that Belarus ease restrictions on newspapers.", want{}, []want{{"08", "BLR", "", ""}}},
		// Middle East, a union with no actor code, an adverb before "that"
		{"The Arab Lawyers Union demanded again that Israel ease restrictions at the border crossing.", want{}, []want{{"08", "ISR", "", ""}}},
		// a relative "that" is no requested clause: the expulsion happened
		{"Chile rejected the demand that Bolivia made, and expelled two Bolivian diplomats.", want{"1", "CHL", "", ""}, nil},
	}
}

func TestParsedRequestedThat(t *testing.T) {
	runConstructions(t, requestedThatCases())
}
