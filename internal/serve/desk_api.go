package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/sitrep-project/sitrep/internal/analysis"
	"github.com/sitrep-project/sitrep/internal/store"
)

// countryView is one country of /api/countries: the store's counts with
// the ISO 3166 numeric code (world-atlas outlines are keyed by it) and
// the English name.
type countryView struct {
	store.CountryCount
	M49  string `json:"m49"`
	Name string `json:"name"`
}

// apiCountries answers /api/countries: events matching the event filters
// per location country, for the map's choropleth.
func (s *Server) apiCountries(w http.ResponseWriter, r *http.Request) {
	f, err := eventFilter(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cc, ok := s.st.(store.CountryCounter)
	if !ok {
		writeError(w, http.StatusNotImplemented, "not_implemented", "this store cannot count events by country", "")
		return
	}
	counts, err := cc.CountryCounts(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]countryView, 0, len(counts))
	for _, c := range counts {
		v := countryView{CountryCount: c}
		if reg, err := language.ParseRegion(c.Country); err == nil {
			if m := reg.M49(); m > 0 {
				v.M49 = fmt.Sprintf("%03d", m)
			}
			v.Name = display.English.Regions().Name(reg)
		}
		items = append(items, v)
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

// rulePatch is the body of PATCH /api/alert-rules/{id}: what may change
// on a stored rule.
type rulePatch struct {
	Paused *bool `json:"paused"`
}

// apiPatchAlertRule pauses or resumes a rule.
func (s *Server) apiPatchAlertRule(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		refuseBody(w)
		writeError(w, http.StatusBadRequest, "bad_request", "rule id must be a positive integer", "id")
		return
	}
	var p rulePatch
	if !s.decodeBody(w, r, &p, `body must be {"paused": true|false}`) {
		return
	}
	if p.Paused == nil {
		writeError(w, http.StatusBadRequest, "bad_request", `body must be {"paused": true|false}`, "paused")
		return
	}
	ps, ok := s.st.(store.AlertRulePauser)
	if !ok {
		writeError(w, http.StatusNotImplemented, "not_implemented", "this store cannot pause rules", "")
		return
	}
	if err := ps.PauseAlertRule(r.Context(), id, *p.Paused); err != nil {
		s.fail(w, r, fmt.Errorf("pause alert rule %d: %w", id, err))
		return
	}
	rules, err := s.st.AlertRules(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, rule := range rules {
		if rule.ID == id {
			writeJSON(w, http.StatusOK, analysis.Redacted(rule))
			return
		}
	}
	s.fail(w, r, fmt.Errorf("alert rule %d: %w", id, store.ErrNotFound))
}

// alertsData is the alert rules page: the rules, the latest alerts and
// the choices of the rule form.
type alertsData struct {
	Rules  []store.AlertRule
	Alerts []store.Alert
	Kinds  []string
}

// pageAlerts lists the alert rules with their controls and the latest
// fired alerts. Changes go through the API with the server's token
// (web/static/alerts.js), so the page validates exactly as the API does.
func (s *Server) pageAlerts(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rules, err := s.st.AlertRules(ctx)
	if err != nil {
		s.pageFail(w, r, fmt.Errorf("alert rules: %w", err))
		return
	}
	d := alertsData{Kinds: []string{store.RuleNewEvent, store.RuleFirstEvent, store.RuleSigma}}
	for _, rule := range rules {
		d.Rules = append(d.Rules, analysis.Redacted(rule))
	}
	// The latest alerts: walk to the end, keep the last page's worth.
	var after int64
	for {
		page, err := s.st.Alerts(ctx, after, store.MaxLimit)
		if err != nil {
			s.pageFail(w, r, fmt.Errorf("alerts: %w", err))
			return
		}
		d.Alerts = append(d.Alerts, page...)
		if len(d.Alerts) > uiLimit {
			d.Alerts = d.Alerts[len(d.Alerts)-uiLimit:]
		}
		if len(page) < store.MaxLimit {
			break
		}
		after = page[len(page)-1].ID
	}
	for i, j := 0, len(d.Alerts)-1; i < j; i, j = i+1, j-1 {
		d.Alerts[i], d.Alerts[j] = d.Alerts[j], d.Alerts[i]
	}
	s.render(w, r, http.StatusOK, "alerts", "Alert rules", d)
}

// decodeBody reads a JSON request body of at most maxRuleBody bytes into
// v, refusing unknown fields, and reads it to its end so that the body
// deadline can be lifted. On failure it answers (a 400 starting with
// want, a timeout, or an oversized body) and returns false.
func (s *Server) decodeBody(w http.ResponseWriter, r *http.Request, v any, want string) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRuleBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		_, err = io.Copy(io.Discard, dec.Buffered())
		if err == nil {
			_, err = io.Copy(io.Discard, r.Body)
		}
	}
	if err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			s.fail(w, r, err)
		case isTimeout(err):
			s.bodyTimedOut(w)
		default:
			writeError(w, http.StatusBadRequest, "bad_request", want+": "+clipText(err.Error(), 200), "body")
		}
		return false
	}
	s.bodyRead(w)
	return true
}
