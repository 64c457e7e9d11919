package analysis

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// A rule fires once per real-world event: a syndicated copy (flagged as
// a near-duplicate, its dates lost) and a later report of the same event
// update the first alert instead of firing again; another event fires.
func TestAlertOncePerCluster(t *testing.T) {
	for _, kind := range []string{store.RuleNewEvent, store.RuleFirstEvent} {
		t.Run(kind, func(t *testing.T) {
			st := openSQLite(t)
			defer st.Close()
			ctx := context.Background()
			r := addRule(t, st, store.AlertRule{Name: "clashes", Kind: kind, Source: "IND", Code: "19"})
			e := testEngine(st, Options{})
			orig := article(ev{"2025-05-10", "INDMIL", "PAKMIL", "190", -10, 4})
			if got := check(t, e, st, orig); len(got) != 1 {
				t.Fatalf("first report fired %d alerts, want 1", len(got))
			}
			// The copy: another wording of the same story, no date.
			copied := article(ev{"", "INDMIL", "PAKMIL", "190", -10, 4})
			copied.Published = model.Published{Source: model.DateUnknown}
			copied.DuplicateOf = model.Str(orig.ID)
			if got := check(t, e, st, copied); len(got) != 0 {
				t.Errorf("near-duplicate copy fired %+v", got)
			}
			later := article(ev{"2025-05-11", "INDMIL", "PAKMIL", "193", -10, 4})
			if got := check(t, e, st, later); len(got) != 0 {
				t.Errorf("later report of the same clash fired %+v", got)
			}
			all, err := st.Alerts(ctx, 0, 10)
			if err != nil || len(all) != 1 {
				t.Fatalf("stored alerts = %+v, %v; want 1", all, err)
			}
			wantReports := 3
			if kind == store.RuleFirstEvent {
				wantReports = 1 // later reports are not first events at all
			}
			if all[0].RuleID != r.ID || all[0].Reports != wantReports {
				t.Errorf("alert = %+v, want rule %d with %d reports", all[0], r.ID, wantReports)
			}
			if kind == store.RuleNewEvent {
				other := article(ev{"2025-05-20", "INDMIL", "PAKMIL", "190", -10, 4})
				if got := check(t, e, st, other); len(got) != 1 {
					t.Errorf("a new clash ten days later fired %d alerts, want 1", len(got))
				}
			}
		})
	}
}

func TestPausedRuleDoesNotFire(t *testing.T) {
	st := openSQLite(t)
	defer st.Close()
	r := addRule(t, st, store.AlertRule{Name: "any", Kind: store.RuleNewEvent})
	if err := st.(store.AlertRulePauser).PauseAlertRule(context.Background(), r.ID, true); err != nil {
		t.Fatal(err)
	}
	e := testEngine(st, Options{})
	if got := check(t, e, st, article(ev{"2025-05-10", "BRAGOV", "ARGGOV", "042", 1.9, 1})); len(got) != 0 {
		t.Errorf("paused rule fired %+v", got)
	}
	if err := st.(store.AlertRulePauser).PauseAlertRule(context.Background(), r.ID, false); err != nil {
		t.Fatal(err)
	}
	if got := check(t, e, st, article(ev{"2025-05-12", "BRAGOV", "ARGGOV", "042", 1.9, 1})); len(got) != 1 {
		t.Errorf("resumed rule fired %d alerts, want 1", len(got))
	}
}
