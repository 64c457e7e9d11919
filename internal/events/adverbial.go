package events

// adverbialPPs are set phrases of a preposition and a noun that stand as an
// adverb ("agreed in principle to", "pledged in return to"): like an
// adverb or a time, they may stand between a verb and its particle.
var adverbialPPs = set("in principle", "in theory", "in return", "in turn", "in part", "in full",
	"in writing", "in advance", "in public", "in private", "in secret", "in person", "in effect",
	"at last", "at once", "at first", "for now", "on paper", "on balance", "in general",
	"by consensus", "by default", "by far", "in unison", "in haste")

// adverbialPP reports whether the tokens at k and k+1 are such a phrase.
func adverbialPP(st *sent, k int) bool {
	return k+1 < len(st.toks) && prepositions[st.toks[k].low] && adverbialPPs[st.toks[k].low+" "+st.toks[k+1].low]
}
