package analysis

import (
	"bufio"
	"bytes"
	"strings"
	"sync"

	sitrep "github.com/sitrep-project/sitrep"
)

// cameoNames reads the CAMEO code names of lexicon/events/cameo.tsv
// (code, Goldstein, QuadClass, name) once.
var cameoNames = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	b, err := sitrep.Lexicon.ReadFile("lexicon/events/cameo.tsv")
	if err != nil {
		return out // embedded in the binary: cannot fail once built
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) >= 4 {
			out[strings.TrimSpace(f[0])] = strings.TrimSpace(f[3])
		}
	}
	return out
})

// CameoName returns the name of a CAMEO event code ("042" → "Make a
// visit"); a code without a name of its own takes its nearest named
// prefix's; "" when none is known.
func CameoName(code string) string {
	names := cameoNames()
	for c := code; c != ""; c = c[:len(c)-1] {
		if n, ok := names[c]; ok {
			return n
		}
	}
	return ""
}

// EventLabel is a CAMEO code with its name, as lists show it: "042 Make
// a visit"; the bare code when its name is unknown.
func EventLabel(code string) string {
	if n := CameoName(code); n != "" {
		return code + " " + n
	}
	return code
}

// PloverLabel is a PLOVER event type as lists show it: "CONSULT" →
// "Consult"; PLOVER types are their own names.
func PloverLabel(t string) string {
	if t == "" {
		return ""
	}
	l := strings.ToLower(strings.ReplaceAll(t, "_", " "))
	return strings.ToUpper(l[:1]) + l[1:]
}
