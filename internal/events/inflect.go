package events

import "strings"

// irregular maps a lemma to its irregular inflected forms.
var irregular = map[string][]string{
	"send": {"sent"}, "give": {"gave", "given"}, "take": {"took", "taken"},
	"meet": {"met"}, "fight": {"fought"}, "strike": {"struck", "stricken"},
	"shoot": {"shot"}, "hold": {"held"}, "lead": {"led"}, "seek": {"sought"},
	"win": {"won"}, "draw": {"drew", "drawn"}, "say": {"said"}, "tell": {"told"},
	"write": {"wrote", "written"}, "speak": {"spoke", "spoken"}, "make": {"made"},
	"break": {"broke", "broken"}, "bring": {"brought"}, "buy": {"bought"},
	"sell": {"sold"}, "begin": {"began", "begun"}, "beat": {"beaten"},
	"blow": {"blew", "blown"}, "build": {"built"}, "catch": {"caught"},
	"come": {"came"}, "cut": {"cut"}, "deal": {"dealt"}, "do": {"did", "done", "does"},
	"drive": {"drove", "driven"}, "fall": {"fell", "fallen"}, "feel": {"felt"},
	"find": {"found"}, "fly": {"flew", "flown", "flies"}, "forbid": {"forbade", "forbidden"},
	"forgive": {"forgave", "forgiven"}, "freeze": {"froze", "frozen"}, "get": {"got", "gotten"},
	"go": {"went", "gone", "goes"}, "hit": {"hit"}, "keep": {"kept"}, "know": {"knew", "known"},
	"lay": {"laid"}, "leave": {"left"}, "lend": {"lent"}, "let": {"let"},
	"lose": {"lost"}, "put": {"put"}, "quit": {"quit"}, "ride": {"rode", "ridden"},
	"rise": {"rose", "risen"}, "run": {"ran"}, "see": {"saw", "seen"}, "set": {"set"},
	"shake": {"shook", "shaken"}, "show": {"shown"}, "shut": {"shut"}, "sign": {"signed"},
	"slay": {"slew", "slain"}, "spend": {"spent"}, "spread": {"spread"}, "stand": {"stood"},
	"steal": {"stole", "stolen"}, "sting": {"stung"}, "swear": {"swore", "sworn"},
	"teach": {"taught"}, "tear": {"tore", "torn"}, "think": {"thought"}, "throw": {"threw", "thrown"},
	"undertake": {"undertook", "undertaken"}, "uphold": {"upheld"}, "withdraw": {"withdrew", "withdrawn"},
	"withhold": {"withheld"}, "be": {"is", "are", "was", "were", "been", "being", "am"},
	"have": {"has", "had", "having"}, "overthrow": {"overthrew", "overthrown"},
	"shed": {"shed"}, "bind": {"bound"}, "hang": {"hung", "hanged"}, "flee": {"fled"},
	"oversee": {"oversaw", "overseen"}, "override": {"overrode", "overridden"},
	"overrun": {"overran"}, "mislead": {"misled"}, "bid": {"bid"}, "upset": {"upset"},
	"forsake": {"forsook", "forsaken"}, "foresee": {"foresaw", "foreseen"},
	"bear": {"bore", "borne"}, "arise": {"arose", "arisen"}, "stick": {"stuck"},
	"sweep": {"swept"}, "wage": {"waged"}, "pay": {"paid"}, "lie": {"lay", "lying"},
	"grind": {"ground"}, "sink": {"sank", "sunk"},
}

// inflect returns the surface forms of a lemma: itself, -s/-es, -ed/-d,
// -ing (with the usual spelling changes) and irregular forms. Nouns in
// patterns get their plurals the same way.
func inflect(w string) []string {
	out := []string{w}
	if strings.ContainsAny(w, "'-") && !strings.Contains(w, "-") {
		return out
	}
	out = append(out, irregular[w]...)
	n := len(w)
	if n < 2 {
		return out
	}
	last := w[n-1]
	prev := w[n-2]
	isVowel := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	// -s
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		out = append(out, w+"es")
	case last == 'y' && !isVowel(prev):
		out = append(out, w[:n-1]+"ies")
	default:
		out = append(out, w+"s")
	}
	// -ed, -ing
	switch {
	case last == 'e':
		out = append(out, w+"d", w[:n-1]+"ing")
		if strings.HasSuffix(w, "ee") {
			out = append(out, w+"ing")
		}
	case last == 'y' && !isVowel(prev):
		out = append(out, w[:n-1]+"ied", w+"ing")
	default:
		out = append(out, w+"ed", w+"ing")
		// consonant doubling for short verbs ending consonant-vowel-consonant
		if n >= 3 && !isVowel(last) && isVowel(prev) && !isVowel(w[n-3]) &&
			strings.IndexByte("wxy", last) < 0 {
			out = append(out, w+string(last)+"ed", w+string(last)+"ing")
		}
		if last == 'c' {
			out = append(out, w+"ked", w+"king")
		}
	}
	return out
}
