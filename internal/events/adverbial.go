package events

// adverbialPP reports whether the tokens at k and k+1 are a set phrase of a
// preposition and a noun that stands as an adverb ("agreed in principle
// to", "pledged in return to"; events/words.tsv's adverbialPPs): like an
// adverb or a time, it may stand between a verb and its particle.
func adverbialPP(st *sent, k int) bool {
	return k+1 < len(st.toks) && st.words.prepositions[st.toks[k].low] && st.words.adverbialPPs[st.toks[k].low+" "+st.toks[k+1].low]
}
