package entities

import "github.com/sitrep-project/sitrep/internal/model"

// revisitHeadlines gives the sentences in capitals (a headline opening
// the body: "VIEIRA SAVES ARSENAL WITH LATE GOAL") a second look once the
// whole article is read: a folded word there is only a name when a
// lexicon knows it, and the people and clubs of the story are known only
// after the body that names them in full. Only names that refer to an
// entity already made are added; nothing else of the sentence changes.
func (d *doc) revisitHeadlines() {
	if len(d.foldedSents) == 0 {
		return
	}
	seen := map[int]bool{}
	for _, e := range d.ents {
		for _, m := range e.mentions {
			seen[m.Start] = true
		}
	}
	d.revisit = true
	defer func() { d.revisit = false }()
	for _, i := range d.foldedSents {
		d.sentIdx = i
		d.toks = d.sentenceTokens(i, d.toks)
		d.foldCaps()
		d.scan()
		for k := range d.items {
			it := &d.items[k]
			if it.kind != iName || seen[d.toks[it.s].start] || !d.foldedIn(it.s, it.e) {
				continue
			}
			name := d.tokText(it.s, it.e)
			x := d.surname(k, name)
			if x < 0 {
				if y, ok := d.byKey["O:"+name]; ok {
					x = y
				} else if y, ok := d.byKey["H:"+name]; ok && d.ents[y].typ == model.TypePerson {
					x = y
				}
			}
			if x >= 0 {
				it.ent = x
				d.mention(x, it.s, it.e)
			}
		}
	}
}
