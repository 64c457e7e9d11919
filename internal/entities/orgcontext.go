package entities

// Organisation names in running text that no lexicon knows are typed by
// the words around them: a kind noun before the name ("brewer Zywiec"),
// or a phrase of ownership and trade before it ("a stake in", "owned
// by", "shares of").

// kindBefore returns the sector of an organisation kind noun (orgtypes.tsv
// mode "kind") right before token s, across nothing but an optional
// second word of the noun ("news agency Interfax"), or "", false.
func (d *doc) kindBefore(s int) (string, bool) {
	p := d.tokAt(s - 1)
	if !p.word || p.cap {
		return "", false
	}
	if p2 := d.tokAt(s - 2); p2.word && !p2.cap {
		if o, ok := d.r.lex.orgs.m[p2.lower+" "+p.lower]; ok && o.kind {
			return o.sector, true
		}
	}
	if o, ok := d.r.lex.orgs.m[p.lower]; ok && o.kind {
		return o.sector, true
	}
	return "", false
}

// ownershipBefore are the phrases of ownership and trade that take a
// company's name after them ("a stake in Okocim", "owned by Heineken").
var ownershipBefore = set(`stake_in stakes_in shares_in shares_of owned_by controlled_by acquired_by bought_by subsidiary_of
unit_of division_of merger_with merge_with takeover_of bid_for acquisition_of stake_of holding_in sold_to`)

// ownershipContext reports a name after a phrase of ownership or trade.
func (d *doc) ownershipContext(s int) bool {
	a, b := d.tokAt(s-2), d.tokAt(s-1)
	return a.word && b.word && ownershipBefore[a.lower+"_"+b.lower]
}

// orgByContext reports an unknown name the words around it make an
// organisation: a kind noun before it or a phrase of ownership, unless
// a given name, title or role marks a person.
func (d *doc) orgByContext(k int) (string, bool) {
	it := d.items[k]
	if d.strongPerson(k) {
		return "", false
	}
	if sec, ok := d.kindBefore(it.s); ok {
		return sec, true
	}
	if d.ownershipContext(it.s) {
		return "BUS", true
	}
	return "", false
}
