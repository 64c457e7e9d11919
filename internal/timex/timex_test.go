package timex

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

func day(s string) *time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &t
}

func show(t model.Time) string {
	v := "nil"
	if t.Value != nil {
		v = *t.Value
	}
	s := fmt.Sprintf("%s=%s/%s", t.Text, v, t.Precision)
	if t.Precision == model.PrecisionRange {
		s += fmt.Sprintf("[%s..%s]", model.Deref(t.From), model.Deref(t.To))
	}
	return s
}

func TestFind(t *testing.T) {
	r := New(DefaultOptions())
	tests := []struct {
		pub, in string
		want    []string
	}{
		// pub 2024-06-14 is a Friday.
		{"2024-06-14", "Officials warned on Friday that talks failed.", []string{"on Friday=2024-06-14/day"}},
		{"2024-06-14", "On Wednesday, an official said the minister was expected to visit.", []string{"On Wednesday=2024-06-12/day"}},
		{"2024-06-14", "A newspaper on Monday reported he would visit.", []string{"on Monday=2024-06-10/day"}},
		{"2024-06-14", "The spokesman on Thursday declined to comment.", []string{"on Thursday=2024-06-13/day"}},
		{"2024-06-14", "In testimony in March to Congress, she spoke.", []string{"in March=2024-03/month"}},
		{"2024-06-14", "He visited the capital last year.", []string{"last year=2023/year"}},
		{"2024-06-14", "He is expected to visit \"in the coming days\".", []string{"in the coming days=nil/range[2024-06-14..2024-06-21]"}},
		{"2024-06-14", "The site reported this week that planes left.", []string{"this week=nil/range[2024-06-10..2024-06-14]"}},
		{"2024-06-14", "The leaders will meet on Tuesday in Geneva.", []string{"on Tuesday=2024-06-18/day"}},
		{"2024-06-14", "The summit is scheduled for Friday.", []string{"Friday=2024-06-14/day"}},
		{"2024-06-14", "Elections will be held in March.", []string{"in March=2025-03/month"}},
		{"2024-06-14", "He left last Friday and returns next Tuesday.", []string{"last Friday=2024-06-07/day", "next Tuesday=2024-06-18/day"}},
		{"2024-06-14", "Protests began yesterday and continue today, with more tomorrow.", []string{"yesterday=2024-06-13/day", "today=2024-06-14/day", "tomorrow=2024-06-15/day"}},
		{"2024-06-14", "Shelling resumed this morning and tonight.", []string{"this morning=2024-06-14/day", "tonight=2024-06-14/day"}},
		{"2024-06-14", "Clashes erupted over the weekend.", []string{"over the weekend=nil/range[2024-06-08..2024-06-09]"}},
		{"2024-06-14", "Talks began earlier this month and end later this year.", []string{"earlier this month=nil/range[2024-06-01..2024-06-14]", "later this year=nil/range[2024-06-14..2024-12-31]"}},
		{"2024-06-14", "Prices rose last month and this year, and will next year.", []string{"last month=2024-05/month", "this year=2024/year", "next year=2025/year"}},
		{"2024-06-14", "Fighting has grown in recent years and in recent weeks.", []string{"in recent years=nil/range[..2024-06-14]", "in recent weeks=nil/range[..2024-06-14]"}},
		{"2024-06-14", "Aid will arrive in the coming weeks or coming months.", []string{"in the coming weeks=nil/range[2024-06-14..2024-07-14]", "coming months=nil/range[2024-06-14..2024-09-14]"}},
		{"2024-06-14", "He served in the 1990s.", []string{"in the 1990s=nil/range[1990..1999]"}},
		{"2024-06-14", "The war began in 2014 and sanctions since 2016.", []string{"in 2014=2014/year", "since 2016=nil/range[2016..2024-06-14]"}},
		{"2024-06-14", "The deal was signed on March 9, 2023.", []string{"on March 9, 2023=2023-03-09/day"}},
		{"2024-06-14", "It was signed on 9 March 2024 and on 2024-03-09.", []string{"on 9 March 2024=2024-03-09/day", "on 2024-03-09=2024-03-09/day"}},
		{"2024-06-14", "The vote is on March 9.", []string{"on March 9=2024-03-09/day"}},
		{"2024-06-14", "The ceasefire in March 2023 collapsed.", []string{"in March 2023=2023-03/month"}},
		{"2024-06-14", "Strikes killed 20 people in the past two weeks.", []string{"in the past two weeks=nil/range[2024-05-31..2024-06-14]"}},
		{"2024-06-14", "Thursday's exercise ended.", []string{"Thursday's=2024-06-13/day"}},
		{"2024-06-14", "They marched on the March 1st Movement anniversary.", []string{"March 1st=2024-03-01/day"}},
		{"2024-06-14", "The dispute dates from early 2016.", []string{"early 2016=2016/year"}},
		{"2024-06-14", "Thursday’s vote was close.", []string{"Thursday’s=2024-06-13/day"}},
		{"2024-06-14", "The president is expected to arrive on Monday.", []string{"on Monday=2024-06-17/day"}},
		{"2024-06-14", "He'll travel on Sunday.", []string{"on Sunday=2024-06-16/day"}},
		{"2024-06-14", "He was expected to arrive on Monday.", []string{"on Monday=2024-06-10/day"}},
		{"2024-06-14", "He died two days ago, a year ago and 18 months ago.", []string{"two days ago=2024-06-12/day", "a year ago=2023/year", "18 months ago=2022-12/month"}},
		{"2024-06-14", "Strikes hit in the past 24 hours and at the weekend.", []string{"in the past 24 hours=nil/range[2024-06-13..2024-06-14]", "at the weekend=nil/range[2024-06-08..2024-06-09]"}},
		{"2024-06-14", "They fought in mid-June and early 2023.", []string{"in mid-June=2024-06/month", "early 2023=2023/year"}},
		{"2024-06-14", "On Monday Putin said talks failed.", []string{"On Monday=2024-06-10/day"}},
		// Not times.
		{"2024-06-14", "The Good Friday Agreement held.", nil},
		{"2024-06-14", "A total of 2000 troops and around 1900 people left.", nil},
		{"2024-06-14", "Talks ran from 2014 to 2016, the end of 2019.", []string{"2014=2014/year", "2016=2016/year", "2019=2019/year"}},
		{"2024-06-14", "The Mayor said talks may resume.", nil},
		{"2024-06-14", "She may visit and protesters march.", nil},
		{"2024-06-14", "About 2016 troops and 1,500 tanks moved.", nil},
		{"2024-06-14", "Call +1 202-555-0100 for details.", nil},
		{"2024-06-14", "The Kuang Hua VI boats sailed.", nil},
		{"2024-06-14", "March organisers met Friday Ndlovu.", nil},
		// pub 2025-01-09 is a Thursday.
		{"2025-01-09", "Taiwan on Thursday demonstrated its defenses.", []string{"on Thursday=2025-01-09/day"}},
		{"2025-01-09", "Taiwan demanded on Wednesday that China stop.", []string{"on Wednesday=2025-01-08/day"}},
		{"2025-01-09", "Beijing has refused talks since 2016, officials say.", []string{"since 2016=nil/range[2016..2025-01-09]"}},
		{"2025-01-09", "Thursday's exercise demonstrated resolve.", []string{"Thursday's=2025-01-09/day"}},
		// Year and month boundaries.
		{"2025-01-09", "Inflation peaked in December.", []string{"in December=2024-12/month"}},
		{"2025-01-09", "Prices fell last month and last week.", []string{"last month=2024-12/month", "last week=nil/range[2024-12-30..2025-01-05]"}},
		{"2025-01-09", "The agency said on Sunday it would act.", []string{"on Sunday=2025-01-05/day"}},
		{"2025-01-09", "Results will be published in December.", []string{"in December=2025-12/month"}},
		{"2024-03-01", "The storm hit yesterday.", []string{"yesterday=2024-02-29/day"}},
		{"2024-03-01", "The report, released on Feb. 29, was late.", []string{"on Feb. 29=2024-02-29/day"}},
		{"2023-03-01", "The report was released on February 29.", nil},
		{"2024-12-31", "Talks will resume next month and next week.", []string{"next month=2025-01/month", "next week=nil/range[2025-01-06..2025-01-12]"}},
		{"2024-06-15", "Rallies continue this weekend.", []string{"this weekend=nil/range[2024-06-15..2024-06-16]"}},
		{"2024-06-17", "Rallies were held over the weekend.", []string{"over the weekend=nil/range[2024-06-15..2024-06-16]"}},
		{"2024-06-14", "In May, the May 2024 deal and May 5 meeting.", []string{"In May=2024-05/month", "May 2024=2024-05/month", "May 5=2024-05-05/day"}},
	}
	for _, tt := range tests {
		got := r.Find(tt.in, 100, 3, day(tt.pub))
		var shown []string
		for _, g := range got {
			shown = append(shown, show(g))
			if tt.in[g.Start-100:g.End-100] != g.Text || g.Sentence != 3 {
				t.Errorf("%q: mention %+v not exact", tt.in, g.Mention)
			}
		}
		if strings.Join(shown, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("pub %s %q\n got %q\nwant %q", tt.pub, tt.in, shown, tt.want)
		}
	}
}

func TestFindNoPub(t *testing.T) {
	r := New(DefaultOptions())
	got := r.Find("On Friday, in 2016 and on 9 March 2024, since last year.", 0, 0, nil)
	var shown []string
	for _, g := range got {
		shown = append(shown, show(g))
	}
	want := []string{"On Friday=nil/day", "in 2016=2016/year", "on 9 March 2024=2024-03-09/day", "last year=nil/year"}
	if strings.Join(shown, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q\nwant %q", shown, want)
	}
}

func TestProcess(t *testing.T) {
	r := New(DefaultOptions())
	art := model.NewArticle()
	art.Body = "Nothing here.\nTroops left on Monday."
	art.Published.Date = model.Str("2024-06-14")
	art.Sentences = []model.Sentence{{Index: 0, Start: 0, End: 13, Text: "Nothing here."}, {Index: 1, Start: 14, End: 36, Text: "Troops left on Monday."}}
	if err := r.Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if len(art.Times) != 1 || art.Times[0].Text != "on Monday" || art.Body[art.Times[0].Start:art.Times[0].End] != "on Monday" || art.Times[0].Sentence != 1 {
		t.Fatalf("times = %+v", art.Times)
	}
	art.Published.Date = model.Str("2024-06")
	if err := r.Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if art.Times[0].Value != nil {
		t.Errorf("month-precision pub resolved a weekday: %v", *art.Times[0].Value)
	}
}

func TestLexicon(t *testing.T) {
	bad := fstest.MapFS{cuesFile: {Data: []byte("will\n")}}
	if _, err := NewFromLexicon(DefaultOptions(), bad); err == nil || !strings.Contains(err.Error(), cuesFile+":1") {
		t.Errorf("err = %v, want file:line", err)
	}
	user := fstest.MapFS{cuesFile: {Data: []byte("vows\tto\n")}}
	r, err := NewFromLexicon(DefaultOptions(), user)
	if err != nil {
		t.Fatal(err)
	}
	got := r.Find("He vows to return on Monday.", 0, 0, day("2024-06-14"))
	if len(got) != 1 || *got[0].Value != "2024-06-17" {
		t.Errorf("user cue ignored: %+v", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Friday", "in the past 3 weeks", "2024-02-30", "March 31, 2023", "the 1990s", "Thursday’s", "May 5"} {
		f.Add(s)
	}
	r := New(DefaultOptions())
	f.Fuzz(func(t *testing.T, s string) {
		for _, pub := range []*time.Time{nil, day("2024-02-29")} {
			prev := 0
			for _, g := range r.Find(s, 7, 1, pub) {
				if g.Start < 7+prev || g.End > 7+len(s) || g.Start >= g.End || s[g.Start-7:g.End-7] != g.Text {
					t.Fatalf("bad mention %+v in %q", g.Mention, s)
				}
				prev = g.End - 7
			}
		}
	})
}
