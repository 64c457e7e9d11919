package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// agencyWords are words that, on their own at the end of a caption, name
// a photo source: news agencies, picture libraries and the stock words
// of photo credits. General vocabulary of the trade, not of one corpus.
var agencyWords = map[string]bool{
	"afp": true, "ap": true, "reuters": true, "epa": true, "efe": true, "epa-efe": true,
	"xinhua": true, "getty": true, "anadolu": true, "yonhap": true, "kyodo": true,
	"bloomberg": true, "shutterstock": true, "tass": true, "sputnik": true, "sana": true,
	"wafa": true, "irna": true, "ani": true, "pti": true, "dpa": true, "anp": true,
	"belga": true, "pool": true, "handout": true, "alamy": true, "nurphoto": true,
	"sopa": true, "sipa": true, "zuma": true, "kcna": true, "kns": true, "cna": true,
	"ritzau": true, "aap": true, "pa": true, "jiji": true, "upi": true, "ansa": true,
	"lusa": true, "ntb": true, "tt": true, "scanpix": true, "imago": true, "wana": true,
	"tasnim": true, "bernama": true, "antara": true, "stringer": true, "courtesy": true,
	"images": true, "photo": true, "photos": true, "file": true, "supplied": true,
	"ria": true, "novosti": true, "ukrinform": true, "unian": true, "mena": true,
	"spa": true, "wam": true, "qna": true, "kuna": true, "ina": true, "apa": true,
	"ctk": true, "pap": true, "mti": true, "hina": true, "tanjug": true, "dha": true,
	"iha": true, "dia": true, "aa": true, "nhk": true, "kbs": true, "cctv": true,
	"ptv": true, "eyepress": true, "abaca": true, "rex": true, "bbc": true,
}

// creditLower are the lowercase words a credit may contain.
var creditLower = map[string]bool{
	"via": true, "by": true, "for": true, "and": true, "of": true, "de": true, "van": true,
	"von": true, "der": true, "la": true, "le": true, "al": true, "el": true, "bin": true,
	"du": true, "da": true, "dos": true, "photo": true, "file": true, "handout": true,
	"pool": true, "images": true, "courtesy": true, "/": true, "-": true, "&": true,
}

// creditLabels introduce a credit: "Photo: X", "Photograph by X".
var creditLabels = []string{"photograph", "photos", "photo", "picture", "pictures", "image", "images", "credit", "foto", "pic"}

// splitCredit splits a photo credit off the end of a caption line:
// "Putin and Kim. (AFP)" → ("Putin and Kim.", "AFP"). ok is false when
// the line carries no credit.
func splitCredit(s string) (text, credit string, ok bool) {
	s = strings.TrimSpace(s)
	if t, c, ok := labelledCredit(s); ok {
		return t, c, true
	}
	if t, c, ok := parenCredit(s); ok {
		return t, c, true
	}
	return trailingCredit(s)
}

// parenCredit handles "… Kim Jong Un. (AFP)" and "… (Photo: Yonhap)".
func parenCredit(s string) (string, string, bool) {
	if !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	depth := 0
	open := -1
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				open = i
			}
		}
		if open >= 0 {
			break
		}
	}
	if open <= 0 {
		return "", "", false
	}
	inner := strings.TrimSpace(s[open+1 : len(s)-1])
	before := cleanCaptionText(s[:open])
	if before == "" || inner == "" {
		return "", "", false
	}
	if _, c, ok := labelledCredit(inner); ok {
		return before, c, true
	}
	if !isCreditText(inner) {
		return "", "", false
	}
	// "(Reuters)" after a sentence, or any known agency / "X/Y" credit;
	// "(SCO)" in the middle of a sentence is an abbreviation, not a credit.
	if hasAgency(inner) || strings.Contains(inner, "/") || endsSentence(before) {
		return before, inner, true
	}
	return "", "", false
}

// labelledCredit handles "… town. Photo: John Smith/AP" and
// "… town | Picture by Jane Doe".
func labelledCredit(s string) (string, string, bool) {
	// Every label form needs a colon or " by ": most lines have neither.
	if !strings.Contains(s, ":") && !strings.Contains(s, " by ") && !strings.Contains(s, " By ") {
		return "", "", false
	}
	for _, lab := range creditLabels {
		from := 0
		for {
			// Labels are ASCII: fold case bytewise so that offsets stay
			// those of s (strings.ToLower may change byte lengths).
			i := indexFoldASCII(s, lab, from)
			if i < 0 {
				break
			}
			from = i + len(lab)
			// The label must start a word and follow a caption boundary.
			if i > 0 {
				r, _ := utf8.DecodeLastRuneInString(s[:i])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					continue
				}
			}
			rest := s[i+len(lab):]
			var credit string
			switch {
			case strings.HasPrefix(rest, ":"):
				credit = rest[1:]
			case indexFoldASCII(rest, " by ", 0) == 0:
				credit = rest[4:]
			default:
				continue
			}
			credit = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(credit), ")"))
			prefix := strings.TrimRight(s[:i], " ")
			boundary := endsSentence(prefix)
			for _, sep := range []string{"(", "|", "-", "—", "–", ","} {
				if strings.HasSuffix(prefix, sep) {
					boundary = true
				}
			}
			before := cleanCaptionText(strings.TrimSuffix(prefix, "("))
			if before == "" || !boundary || credit == "" || !isCreditText(credit) {
				continue
			}
			return before, credit, true
		}
	}
	return "", "", false
}

// indexFoldASCII finds the lowercase ASCII word sub in s at or after
// from, ignoring ASCII case; -1 when absent.
func indexFoldASCII(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// trailingCredit handles "… 09 January 2025. EPA/RITCHIE B. TONGO" and
// "… on Monday. AFP via Getty Images": the earliest sentence boundary
// after which everything is a credit.
func trailingCredit(s string) (string, string, bool) {
	// A credit is at most 90 bytes (isCreditText), so only the line's
	// tail needs scanning.
	for i := max(0, len(s)-96); i < len(s); i++ {
		c := s[i]
		var cut, next int
		switch {
		case (c == '.' || c == '!' || c == '?' || c == '"' || c == ')') && i+1 < len(s) && s[i+1] == ' ':
			cut, next = i+1, i+1
		case c == '.' && strings.HasPrefix(s[i+1:], "\u00a0"):
			cut, next = i+1, i+1+len("\u00a0")
		case c == ' ' && i+2 < len(s) && (s[i+1] == '|' || s[i+1] == '-') && s[i+2] == ' ':
			cut, next = i, i+2
		case strings.HasPrefix(s[i:], " — ") || strings.HasPrefix(s[i:], " – "):
			cut, next = i, i+len(" — ")
			if strings.HasPrefix(s[i:], " – ") {
				next = i + len(" – ")
			}
		default:
			continue
		}
		rest := strings.TrimSpace(s[next:])
		if rest == "" || !isCreditText(rest) {
			continue
		}
		if !strings.Contains(rest, "/") && !hasAgency(rest) {
			continue
		}
		before := cleanCaptionText(s[:cut])
		if before == "" || countWords(before) < 2 {
			continue
		}
		return before, rest, true
	}
	return "", "", false
}

// cleanCaptionText trims a caption's text and any separator left before
// its credit, keeping the final period.
func cleanCaptionText(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{"|", "—", "–", "-", "/"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, sep))
	}
	return s
}

// isCreditText reports whether s reads like a credit: a few capitalised
// words (names, agencies), "/" separators and credit connectors.
func isCreditText(s string) bool {
	if len(s) > 90 {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, "()[],;")
		if w == "" {
			continue
		}
		if creditLower[strings.ToLower(w)] && !unicode.IsUpper(firstRune(w)) {
			continue
		}
		r := firstRune(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '©' && r != '@' {
			return false
		}
	}
	return true
}

// hasAgency reports whether s contains a known agency word.
func hasAgency(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '/' || r == '(' || r == ')' || r == ',' || r == ';'
	}) {
		if agencyWords[strings.ToLower(strings.Trim(w, ".:"))] {
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]»")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
