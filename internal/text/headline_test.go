package text_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
)

// A headline in Title Case or all capitals is tagged as its words would
// be in body text: the verb gets a verb tag, the names keep a proper
// noun's, and the tokens' text and offsets stay the headline's own.
func TestHeadlineVerbs(t *testing.T) {
	p, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := text.New(text.Options{MaxSentenceBytes: 4096, Tagger: p})
	tests := []struct {
		headline, verb, name string
	}{
		{"Peru Recalls Ambassador From Mexico After Diplomatic Spat", "Recalls", "Mexico"},
		{"Japan Condemns North Korean Missile Launch.", "Condemns", "Japan"},
		{"Ethiopia Accuses Eritrea of Shelling Border Towns", "Accuses", "Eritrea"},
		{"Militants Kidnap Aid Workers in Northern Mali", "Kidnap", "Mali"},
		{"Nigerian Troops Kill Dozens of Boko Haram Fighters", "Kill", "Haram"},
		{"Hungarian Farmers Block Roads Over Grain Imports", "Block", ""},
		{"Ukraine Praises Polish Support for Refugees", "Praises", "Ukraine"},
		{"Chile Threatens Tariffs on Argentine Beef", "Threatens", "Chile"},
		{"PAKISTAN ACCUSES INDIA OF CEASEFIRE VIOLATION", "ACCUSES", "INDIA"},
		{"BRAZIL DEPORTS BOLIVIAN SMUGGLERS", "DEPORTS", "BRAZIL"},
		{"SOUTH KOREA WARNS NORTH AGAINST NUCLEAR TEST.", "WARNS", "KOREA"},
	}
	for _, tt := range tests {
		art := &model.Article{Body: tt.headline}
		if err := a.Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		if len(art.Tokens) != 1 {
			t.Fatalf("%q: %d sentences, want 1", tt.headline, len(art.Tokens))
		}
		var verb, name *model.Token
		for i := range art.Tokens[0] {
			tk := &art.Tokens[0][i]
			if tt.headline[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q at %d-%d is not the body's text", tt.headline, tk.Text, tk.Start, tk.End)
			}
			switch tk.Text {
			case tt.verb:
				verb = tk
			case tt.name:
				name = tk
			}
		}
		if verb == nil || !strings.HasPrefix(verb.Tag, "VB") || verb.UPOS != "VERB" {
			t.Errorf("%q: verb %q tagged %+v, want VB*/VERB", tt.headline, tt.verb, verb)
		} else if verb.Lemma != strings.ToLower(verb.Lemma) {
			t.Errorf("%q: verb lemma %q, want lower case", tt.headline, verb.Lemma)
		}
		if tt.name != "" && (name == nil || !strings.HasPrefix(name.Tag, "NNP")) {
			t.Errorf("%q: name %q tagged %+v, want NNP", tt.headline, tt.name, name)
		}
	}
}
