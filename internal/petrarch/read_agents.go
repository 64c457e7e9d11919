package petrarch

import (
	"io"
	"strings"
)

// ReadAgents reads an agents dictionary, expanding "!MACRO!" words.
// Bad lines are returned as warnings and skipped; the error is only a
// read failure.
func ReadAgents(r io.Reader, name string) ([]*Agent, []Warning, error) {
	macros := map[string][]string{}
	var out []*Agent
	d := &diag{name: name}
	err := scanLines(r, d, func(l srcLine) {
		n := l.n
		t := strings.TrimSpace(l.text)
		if t == "" {
			return
		}
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			i := strings.IndexByte(t, '=')
			key := strings.ToUpper(strings.TrimSpace(t[:i]))
			if len(key) < 3 || !strings.HasSuffix(key, "!") || strings.Count(key, "!") != 2 {
				d.warnf(n, "macro name %q must be !NAME!: skipped", key)
				return
			}
			var vals []string
			for _, v := range strings.Split(t[i+1:], ",") {
				if v = strings.ToUpper(strings.TrimSpace(v)); v != "" {
					vals = append(vals, v)
				}
			}
			if len(vals) == 0 {
				d.warnf(n, "empty macro %s: skipped", key)
				return
			}
			macros[key] = vals
			return
		}
		if !balanced(t) {
			d.warnf(n, "unbalanced brackets: skipped")
			return
		}
		m := codeRe.FindStringSubmatch(t)
		if m == nil {
			d.warnf(n, "agent without [code]: skipped")
			return
		}
		head := strings.TrimSpace(t[:strings.IndexByte(t, '[')])
		var plurals []string
		explicit := false
		if i := strings.IndexByte(head, '{'); i >= 0 {
			explicit = true
			// the plurals close before the code: "MAN {MEN} [~X]", not
			// "{[~X]}" (a '[' inside the braces ends the head)
			j := strings.IndexByte(head[i:], '}')
			if j < 0 {
				d.warnf(n, "plurals { without } before the [code]: skipped")
				return
			}
			plurals = strings.Fields(head[i+1 : i+j])
			head = strings.TrimSpace(head[:i])
		}
		code := strings.ToUpper(strings.TrimSpace(m[1]))
		if len(parsePhrase(head)) == 0 {
			d.warnf(n, "agent without a name: skipped")
			return
		}
		a := &Agent{Line: n, ExplicitPlurals: explicit}
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.Code, a.Prefix = strings.TrimSuffix(code, "~"), true
		default:
			d.warnf(n, "agent code %q must start or end with ~: skipped", code)
			return
		}
		if !validActorCode(a.Code) || a.Code == "---" {
			d.warnf(n, "agent code %q is not a CAMEO agent code (3-character elements)", code)
		}
		names, undefined := expandAll(strings.ToUpper(head), macros)
		if undefined != "" {
			d.warnf(n, "undefined macro %s: skipped", undefined)
			return
		}
		for _, h := range names {
			a.Names = append(a.Names, parsePhrase(h))
		}
		for _, p := range plurals {
			ps, undefined := expandAll(strings.ToUpper(p), macros)
			if undefined != "" {
				d.warnf(n, "undefined macro %s in plural: plural skipped", undefined)
				continue
			}
			for _, h := range ps {
				a.Plurals = append(a.Plurals, parsePhrase(h))
			}
		}
		out = append(out, a)
	})
	return out, d.warn, err
}

// expandAll expands every "!MACRO!" of s; undefined names the first
// macro-shaped word that has no definition.
func expandAll(s string, macros map[string][]string) (out []string, undefined string) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, ""
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}, ""
	}
	key := s[i : i+j+2]
	vals, ok := macros[key]
	if !ok {
		return nil, key
	}
	for _, v := range vals {
		more, u := expandAll(s[:i]+v+s[i+j+2:], macros)
		if u != "" {
			return nil, u
		}
		out = append(out, more...)
	}
	return out, ""
}

// ReadDiscards reads a discards file: "+PHRASE" discards the story,
// "PHRASE" the sentence.
func ReadDiscards(r io.Reader, name string) (Discards, []Warning, error) {
	var out Discards
	d := &diag{name: name}
	err := scanLines(r, d, func(l srcLine) {
		t := strings.TrimSpace(l.text)
		if t == "" {
			return
		}
		if strings.ContainsAny(t, "[]{}") {
			d.warnf(l.n, "discard phrases take no codes or forms: skipped")
			return
		}
		story := strings.HasPrefix(t, "+")
		p := parsePhrase(strings.TrimPrefix(t, "+"))
		switch {
		case len(p) == 0:
			d.warnf(l.n, "empty discard phrase: skipped")
		case story:
			out.Story = append(out.Story, p)
		default:
			out.Sentence = append(out.Sentence, p)
		}
	})
	return out, d.warn, err
}

// ReadIssues reads a PETRARCH issues file: "<ISSUE CATEGORY=...>"
// sections of "phrase [CODE]" lines, where "n:WORD" adds the noun's
// plural, "v:WORD" the verb's regular forms and "a+b" both "a b" and
// "a-b"; "~phrase" ("~~phrase": in the story) cancels the section.
func ReadIssues(r io.Reader, name string) ([]*Issue, []Warning, error) {
	var out []*Issue
	d := &diag{name: name}
	category := ""
	err := scanLines(r, d, func(l srcLine) {
		t := strings.TrimSpace(l.text)
		switch {
		case t == "":
			return
		case strings.HasPrefix(t, "<ISSUE"):
			category = ""
			if i := strings.Index(t, `CATEGORY="`); i >= 0 {
				rest := t[i+len(`CATEGORY="`):]
				if j := strings.IndexByte(rest, '"'); j >= 0 {
					category = rest[:j]
				}
			}
			if category == "" {
				d.warnf(l.n, "issue section without CATEGORY")
			}
			return
		case strings.HasPrefix(t, "</ISSUE"):
			category = ""
			return
		}
		is := &Issue{Category: category, Line: l.n}
		phrase := t
		switch {
		case strings.HasPrefix(t, "~~"):
			is.Ignore, is.Story, phrase = true, true, t[2:]
		case strings.HasPrefix(t, "~"):
			is.Ignore, phrase = true, t[1:]
		default:
			if !balanced(t) {
				d.warnf(l.n, "unbalanced brackets: skipped")
				return
			}
			m := codeRe.FindStringSubmatch(t)
			if m == nil {
				d.warnf(l.n, "issue phrase without [CODE]: skipped")
				return
			}
			is.Code = strings.TrimSpace(m[1])
			phrase = t[:strings.IndexByte(t, '[')]
			if is.Code == "" {
				d.warnf(l.n, "empty issue code: skipped")
				return
			}
		}
		for _, f := range issueForms(strings.ToUpper(strings.TrimSpace(phrase))) {
			if p := parsePhrase(f); len(p) > 0 {
				is.Forms = append(is.Forms, p)
			}
		}
		if len(is.Forms) == 0 {
			d.warnf(l.n, "empty issue phrase: skipped")
			return
		}
		out = append(out, is)
	})
	return out, d.warn, err
}

// issueForms expands the n:, v: and + markers of an issue phrase.
func issueForms(s string) []string {
	words := strings.Fields(s)
	forms := [][]string{nil}
	for _, w := range words {
		var alts []string
		switch {
		case strings.HasPrefix(w, "N:"):
			b := w[2:]
			alts = []string{b, nounPlural(b)}
		case strings.HasPrefix(w, "V:"):
			b := w[2:]
			alts = append([]string{b}, regularVerbForms(b)...)
		default:
			alts = []string{w}
		}
		var next [][]string
		for _, f := range forms {
			for _, a := range alts {
				// "a+b" is written both "a b" and "a-b".
				for _, v := range []string{strings.ReplaceAll(a, "+", " "), strings.ReplaceAll(a, "+", "-")} {
					next = append(next, append(append([]string(nil), f...), v))
					if !strings.Contains(a, "+") {
						break
					}
				}
			}
		}
		forms = next
	}
	out := make([]string, 0, len(forms))
	for _, f := range forms {
		out = append(out, strings.Join(f, " "))
	}
	return out
}

// nounPlural is PETRARCH's regular plural: -Y -> -IES, -S/-X/-Z/-CH/-SH
// -> -ES, else -S.
func nounPlural(w string) string {
	switch {
	case w == "":
		return w
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	}
	return w + "S"
}

// regularVerbForms gives -S, -ED and -ING of a regular verb.
func regularVerbForms(w string) []string {
	if w == "" {
		return nil
	}
	if strings.HasSuffix(w, "E") {
		return []string{w + "S", w + "D", w[:len(w)-1] + "ING"}
	}
	if strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])) {
		return []string{w[:len(w)-1] + "IES", w[:len(w)-1] + "IED", w + "ING"}
	}
	return []string{nounPlural(w), w + "ED", w + "ING"}
}
