package actors_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// A body the dictionaries list under one country keeps the country a
// demonym right before it gives ("the Turkish Joint Chiefs of Staff"),
// as with "Turkey's".
func TestBodyAfterDemonym(t *testing.T) {
	runCodes(t, []codeCase{
		{"Europe", "2024-06-06", "The Turkish Joint Chiefs of Staff said two soldiers were killed near the border.", "Joint Chiefs of Staff", "TURMIL"},
		{"Asia", "2024-06-06", "The South Korean Joint Chiefs of Staff said the North fired a ballistic missile.", "Joint Chiefs of Staff", "KORMIL"},
		{"Middle East", "2024-06-06", "The Iraqi Joint Chiefs of Staff ordered reinforcements to Sinjar.", "Joint Chiefs of Staff", "IRQMIL"},
		{"Africa", "2024-06-06", "The Kenyan National Security Council met on Tuesday to review the deployment.", "Kenyan National Security Council", "KENGOV"},
		{"Americas", "2024-06-06", "Aides said the Joint Chiefs of Staff warned Congress about the cost of the delay.", "Joint Chiefs of Staff", "USAMIL"},
		{"Americas", "2024-06-06", "The Joint Chiefs of Staff warned Congress about the cost of the delay.", "Joint Chiefs of Staff", "USAMIL"},
	})
}

// An organisation's own affiliation keeps its country against the
// dictionaries only when it names that country: "South Korean" does
// for KORMIL, "Japanese" does not. (Its phrase names no country: one
// named with it, "in Seoul", makes it that country's, see
// TestCommonBodyTakesNamedCountry.)
func TestAffiliationNamesTheCountry(t *testing.T) {
	const text = "The Japanese envoy said the Joint Chiefs of Staff had tracked a South Korean drone."
	for _, c := range []struct{ affiliation, want string }{
		{"South Korean", "KORMIL"},
		{"Japanese", "USAMIL"},
	} {
		a := analyze(t, "2024-06-06", text, false)
		var body *model.Entity
		for i := range a.Entities {
			if a.Entities[i].Name == "Joint Chiefs of Staff" {
				body = &a.Entities[i]
			}
		}
		if body == nil {
			t.Fatalf("%q: no Joint Chiefs of Staff in %v", text, names(a))
		}
		at := strings.Index(text, c.affiliation)
		body.Code, body.Country = model.Str("KORMIL"), model.Str("KOR")
		body.Affiliations = []model.Mention{{Sentence: 0, Start: at, End: at + len(c.affiliation), Text: c.affiliation}}
		if err := getStages(t).act.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if got, _ := codeAt(a, "Joint Chiefs of Staff"); got != c.want {
			t.Errorf("affiliation %q: Joint Chiefs of Staff is %s, want %s", c.affiliation, got, c.want)
		}
	}
}
