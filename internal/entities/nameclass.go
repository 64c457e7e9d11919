package entities

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
	namemodel "github.com/sitrep-project/sitrep/internal/names"
)

// NameModel returns the name classifier's weights, read on first use
// from the last lexicon root that has entities/names.model; nil (and no
// error) when no root has one, and the classifier is then off.
func (l *Lexicon) NameModel() (*namemodel.Model, error) {
	l.namesOnce.Do(func() { l.namesVal, l.namesErr = l.readModel(nameModelFile) })
	return l.namesVal, l.namesErr
}

// ArcNameModel returns the weights of the classifier with arc features
// (namearcs.go), read on first use as NameModel's; nil when no root has
// entities/names-arcs.model.
func (l *Lexicon) ArcNameModel() (*namemodel.Model, error) {
	l.arcsOnce.Do(func() { l.arcsVal, l.arcsErr = l.readModel(arcModelFile) })
	return l.arcsVal, l.arcsErr
}

// readModel reads name from the last root that has it.
func (l *Lexicon) readModel(name string) (*namemodel.Model, error) {
	for i := len(l.roots) - 1; i >= 0; i-- {
		f, err := l.roots[i].Open(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		m, err := namemodel.Read(f, name)
		f.Close()
		return m, err
	}
	return nil, nil
}

// NameSamples runs the stage over art with the classifier off and
// returns the spans its lexicons and rules typed, for training.
func (r *Recognizer) NameSamples(ctx context.Context, art *model.Article) ([]NameSample, error) {
	var out []NameSample
	if err := r.process(ctx, art, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// sample records item k for training when it was typed.
func (d *doc) sample(k int) {
	it := d.items[k]
	if d.samples == nil || it.ent < 0 || d.sentIdx < 0 || !d.toks[it.s].cap {
		return
	}
	typ := d.ents[it.ent].typ
	switch typ {
	case model.TypePerson, model.TypeOrg, model.TypePlace:
	default:
		return
	}
	smp := NameSample{Text: d.spanText(it.s, it.e), Type: typ, Feats: d.nameFeats(it.s, it.e, nil)}
	if d.ensureParsed() {
		smp.ArcFeats = d.arcFeats(it.s, it.e, append([]uint64(nil), smp.Feats...))
	}
	*d.samples = append(*d.samples, smp)
}

// classifyName types an unknown name by the trained model when the
// rules before it found nothing; it reports whether it made an entity.
func (d *doc) classifyName(k int, name string) bool {
	if d.samples != nil {
		return false // training: the model must not label its own data
	}
	m, err := d.r.lex.NameModel()
	if err != nil || m == nil {
		return false
	}
	it := d.items[k]
	if d.strongPerson(k) {
		return false // a title, honorific or known given name: a person
	}
	for q := it.s; q < it.e; q++ {
		if isAllCaps(d.toks[q].text) || isDigit(d.toks[q].text) {
			return false // acronyms and table cells: the rules' business
		}
	}
	d.feats = d.nameFeats(it.s, it.e, d.feats[:0])
	if len(d.scores) != len(m.Classes) {
		d.scores = make([]float32, len(m.Classes))
	}
	best, margin := m.Scores(d.feats, d.scores)
	if margin < d.r.opts.NameMargin {
		if am, err := d.r.lex.ArcNameModel(); err == nil && am != nil && len(am.Classes) == len(m.Classes) && d.ensureParsed() {
			d.feats = d.arcFeats(it.s, it.e, d.feats)
			best, margin = am.Scores(d.feats, d.scores)
		}
	}
	switch m.Classes[best] {
	case model.TypeOrg:
		if margin >= d.r.opts.NameMargin {
			d.newOrg(k, name, "")
			return true
		}
	case model.TypePlace:
		return margin >= d.r.opts.NameMargin // no gazetteer place and no person
	}
	return false
}

// strongPerson reports the cues that make a name a person whatever the
// classifier says: a role just before it, an honorific, a known given
// name first.
func (d *doc) strongPerson(k int) bool {
	it := d.items[k]
	if k > 0 && d.items[k-1].kind == iRole && d.items[k-1].e == it.s {
		return true
	}
	if _, ok := d.r.lex.given[d.toks[it.s].text]; ok {
		return true
	}
	return d.honorific(it.s) != 0
}

// companyAliases lets a company named with its legal form or trade word
// ("Kagiso Mining Ltd") be called later by its leading words ("Kagiso",
// "Kagiso Mining"), unless those name a place, a country or a person.
func (d *doc) companyAliases(k, x int) {
	it := d.items[k]
	if it.e-it.s < 2 || !d.isOrgWord(it.e-1) || d.r.lex.orgs.m[d.toks[it.e-1].lower].sector != "BUS" {
		return
	}
	for e := it.s + 1; e < it.e; e++ {
		if d.hasConnector(it.s, e) {
			return
		}
		alias := d.spanText(it.s, e)
		if len(alias) < 3 {
			continue
		}
		if d.r.lex.knownPlace(alias) {
			if d.millionCity(alias) {
				continue // "Moscow Metals Ltd" leaves Moscow a city
			}
			d.ents[x].placeAlias = alias // "Kola Nickel" is also "Kola", but "in Kola" is the town
		}
		if _, ok := d.r.lex.given[alias]; ok {
			continue
		}
		if _, _, ok := d.r.lex.proper.match(d.toks, it.s, false, &d.buf); ok {
			return // "Japan Airlines" is no alias of Japan
		}
		if _, ok := d.byKey["O:"+alias]; !ok {
			d.byKey["O:"+alias] = x
		}
	}
}

// millionCity reports a name with a reading of a million people or a
// first-level division: too well known as a place to stand for a company.
func (d *doc) millionCity(name string) bool {
	for _, p := range d.r.lex.gaz().Lookup(name) {
		if p.Pop >= 1000000 || p.Kind == gazetteer.KindAdmin1 {
			return true
		}
	}
	return false
}
