package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// TestSharedTokens: the stage reads the text stage's tokens as they are,
// with their tags, and reads apart only a name before a hyphenated
// modifier, the "ex-" of a former holder and a final period that is no
// initial's or title's.
func TestSharedTokens(t *testing.T) {
	cases := []struct {
		in   string
		want string // the stage's tokens, joined by "|"
	}{
		{"Nairobi-based lenders cut rates.", "Nairobi|-|based|lenders|cut|rates|."},
		{"The Tehran-backed militia and Hong-kyun's unit withdrew.", "The|Tehran|-|backed|militia|and|Hong-kyun|'s|unit|withdrew|."},
		{"ex-President Evo Morales spoke in La Paz.", "ex|-|President|Evo|Morales|spoke|in|La|Paz|."},
		{"A North Korean-made rocket hit the Gaza-Israel border.", "A|North|Korean|-|made|rocket|hit|the|Gaza-Israel|border|."},
		{"Gen. Mohamed Hamdan met U.S. and Lagos Cement Co. officials.", "Gen.|Mohamed|Hamdan|met|U.S.|and|Lagos|Cement|Co|.|officials|."},
		{"Shares of Jakarta Steel Inc. rose on Jan. 4 in Warsaw.", "Shares|of|Jakarta|Steel|Inc|.|rose|on|Jan|.|4|in|Warsaw|."},
		{"Colombia's FARC and O'Higgins FC met.", "Colombia|'s|FARC|and|O'Higgins|FC|met|."},
	}
	tx := text.New(tagged(t))
	for _, c := range cases {
		shared := tx.Tokenize(c.in, model.Span{Start: 0, End: len(c.in)})
		toks := fromShared(shared, nil)
		got := make([]string, len(toks))
		for i, tk := range toks {
			got[i] = tk.text
			if c.in[tk.start:tk.end] != tk.text {
				t.Errorf("%q: token %q has span text %q", c.in, tk.text, c.in[tk.start:tk.end])
			}
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, g, c.want)
		}
		// every token keeps the tag the text stage gave the token it
		// starts; the other parts of a token have none
		k := 0
		for _, tk := range toks {
			for k < len(shared) && shared[k].End <= tk.start {
				k++
			}
			want := ""
			if k < len(shared) && shared[k].Start == tk.start {
				want = shared[k].Tag
			}
			if tk.tag != want {
				t.Errorf("%q: %q has tag %q, want %q", c.in, tk.text, tk.tag, want)
			}
		}
	}
}

// TestReadsSharedTags: the stage reads the tags the text stage gave
// (it neither tags nor cuts again): a lone sentence-opening capital is a
// name when the tagger calls it a proper noun, and no name when the same
// token carries an adverb's tag.
func TestReadsSharedTags(t *testing.T) {
	for _, body := range []string{
		"Okonkwo said the talks in Abuja had failed.",
		"Thapa said the strike in Kathmandu would go on.",
		"Quispe said the road to Cusco was closed.",
		"Nazarbek said the pipeline deal with Ankara was off.",
		"Haddad said the port of Beirut would reopen.",
	} {
		name := body[:strings.IndexByte(body, ' ')]
		found := func(tag string) bool {
			art := model.NewArticle()
			art.Body = body
			if err := text.New(tagged(t)).Process(context.Background(), art); err != nil {
				t.Fatal(err)
			}
			if tag != "" {
				art.Tokens[0][0].Tag = tag
			}
			if err := New(testLexicon(t), DefaultOptions()).Process(context.Background(), art); err != nil {
				t.Fatal(err)
			}
			for _, e := range art.Entities {
				for _, m := range e.Mentions {
					if m.Start == 0 && m.Text == name {
						return true
					}
				}
			}
			return false
		}
		if !found("NNP") {
			t.Errorf("%q: no mention of %q with the tag NNP", body, name)
		}
		if found("RB") {
			t.Errorf("%q: %q is a name though its token is tagged RB", body, name)
		}
	}
}

// TestSlashCodes: words glued by slashes to a number are a code (a virus
// strain), not place names; names glued by a slash without a number stay
// names.
func TestSlashCodes(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"Asia: a strain named after a city", "Vaccines in [[LOC Manila]] target the A/Hong Kong/4801/2014 strain this winter.",
			[]notWant{{"Hong Kong", model.TypePlace}}},
		{"Africa: a strain named after a country", "Clinics in [[LOC Nairobi]] reported cases of A/Kenya/105/2019-like virus.",
			[]notWant{{"Kenya", model.TypePlace}}},
		{"Latin America: a B strain", "The B/Brazil/1/2020 lineage spread in [[LOC Lima]] in June.",
			[]notWant{{"Brazil", model.TypePlace}, {"B", model.TypeOrg}}},
		{"Europe: a strain after a region", "Labs in [[LOC Lyon]] grew the A/Bavaria/12/2017 virus.",
			[]notWant{{"Bavaria", model.TypePlace}}},
		{"Middle East: a strain after a city", "Doctors in [[LOC Amman]] saw the A/Baghdad/3/2018 strain.",
			[]notWant{{"Baghdad", model.TypePlace}}},
		{"two names joined by a slash stay names", "Refugees crossed from [[LOC Rwanda]]/[[LOC Burundi]] into camps near [[LOC Goma]].", nil},
	})
}
