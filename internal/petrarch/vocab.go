package petrarch

import (
	"strings"
	"time"
)

// Vocabulary is a dictionary set compiled into the lookup tables a
// coder needs: actors with dated roles, agents that combine with an
// actor, discards, and verb patterns keyed by verb form. It is
// read-only once built and safe for concurrent use.
//
// Every lookup takes words as tokens in upper case ("SUDANESE",
// "SOLDIERS"); Key gives a token's key.
type Vocabulary struct {
	Actors   *ActorTable
	Agents   *AgentTable
	Discards *DiscardTable
	Verbs    *VerbTable
	Issues   []*Issue
	// Warnings are the loading warnings of the dictionaries compiled.
	Warnings []Warning
}

// CompileOptions tune Compile.
type CompileOptions struct {
	// MinStem is the shortest word written without a trailing "_" that
	// is read as a TABARI stem (matching longer words: "IRAN" matches
	// "IRANIAN"); shorter words must match whole, so "UN" or "US" never
	// match "UNDER" or "USED".
	MinStem int
}

// DefaultCompileOptions returns the options Compile is meant to run with.
func DefaultCompileOptions() CompileOptions { return CompileOptions{MinStem: 4} }

// Key returns the form of a token that lookups take (upper case).
func Key(word string) string { return strings.ToUpper(word) }

// Compile builds the lookup tables of d.
func Compile(d *Dictionaries, opts CompileOptions) *Vocabulary {
	v := &Vocabulary{
		Actors:   &ActorTable{actors: d.Actors},
		Agents:   &AgentTable{agents: d.Agents},
		Discards: &DiscardTable{},
		Verbs:    compileVerbs(d),
		Issues:   d.Issues,
		Warnings: d.Warnings,
	}
	for i, a := range d.Actors {
		for _, n := range a.Names {
			v.Actors.idx.add(stems(n, opts.MinStem), i, false)
		}
	}
	v.Agents.idx.addAgents(d.Agents)
	for i, p := range d.Discards.Sentence {
		v.Discards.sentence.add(stems(p, opts.MinStem), i, false)
	}
	for i, p := range d.Discards.Story {
		v.Discards.story.add(stems(p, opts.MinStem), i, false)
	}
	return v
}

// stems marks words shorter than min as exact.
func stems(p Phrase, min int) Phrase {
	short := false
	for _, w := range p {
		if !w.Exact && len(w.Text) < min {
			short = true
		}
	}
	if !short {
		return p
	}
	q := append(Phrase(nil), p...)
	for i := range q {
		if len(q[i].Text) < min {
			q[i].Exact = true
		}
	}
	return q
}

// ActorTable finds actors (countries, cities, leaders, organisations,
// armed groups) by name.
type ActorTable struct {
	actors []*Actor
	idx    phraseIndex
}

// Len is the number of actor entries.
func (t *ActorTable) Len() int { return len(t.actors) }

// Match returns the actor whose name is the longest phrase starting at
// words[0], and how many words it covers (nil, 0 if none).
func (t *ActorTable) Match(words []string) (*Actor, int) {
	id, n := t.idx.longest(words, 0)
	if id < 0 || n == 0 {
		return nil, 0
	}
	return t.actors[id], n
}

// Lookup returns the code of the actor named at words[0] on day date:
// a role restricted to dates that cover date wins over the actor's
// open code ("BARACK OBAMA" is USAGOV from 2009-01-21 on). ok is false
// when no actor is named there or the actor has no code on that day
// (or only the null code "---"); n still counts the name's words then,
// so that a coder can skip them.
func (t *ActorTable) Lookup(words []string, date time.Time) (code string, n int, ok bool) {
	a, n := t.Match(words)
	if a == nil {
		return "", 0, false
	}
	code = a.CodeOn(date)
	return code, n, code != "" && code != "---"
}

// AgentTable finds agents (SOLDIER -> ~MIL, POLICE -> ~COP, NGO~ ...)
// by name, singular or plural.
type AgentTable struct {
	agents []*Agent
	idx    phraseIndex
}

// Len is the number of agent entries.
func (t *AgentTable) Len() int { return len(t.agents) }

// Match returns the agent whose name (or plural) is the longest phrase
// starting at words[0], and how many words it covers.
func (t *AgentTable) Match(words []string) (*Agent, int) {
	id, n := t.idx.longest(words, 0)
	if id < 0 || n == 0 {
		return nil, 0
	}
	return t.agents[id], n
}

// Combine returns the code of actor with agents: "NGO~" agents before
// it, "~MIL" agents after it, leaving out 3-character elements the code
// already has ("USAGOV" with ~GOV stays USAGOV). An empty actor is
// "---", PETRARCH's unknown actor ("---MIL": soldiers of no known
// country).
func Combine(actor string, agents ...*Agent) string {
	if actor == "" {
		actor = "---"
	}
	m := member{actors: []string{actor}}
	for _, a := range agents {
		if a == nil {
			continue
		}
		if a.Prefix {
			m.pre = append(m.pre, a.Code)
		} else {
			m.suf = append(m.suf, a.Code)
		}
	}
	return m.codes()[0]
}

// groupLinks are the words that join an agent to the actor it belongs
// to ("soldiers of Sudan", "police from Kenya").
var groupLinks = map[string]bool{"OF": true, "FROM": true}

// GroupMatch is an actor phrase as PETRARCH reads it: an actor (nil
// for agents alone) and the agents around it.
type GroupMatch struct {
	Actor *Actor
	// ActorCode is the actor's code on the day asked ("" without an
	// actor).
	ActorCode string
	Agents    []*Agent
	// N is the number of words the phrase covers.
	N int
}

// Code is the combined code ("SDNMIL"; "---UAF" for agents alone). A
// coder that knows the country of the place can write
// Combine(country, g.Agents...) instead when g.Actor is nil, as
// conflict data sets code "gunmen" in a place.
func (g GroupMatch) Code() string { return Combine(g.ActorCode, g.Agents...) }

// MatchGroup reads an actor phrase at words[0]: an actor followed by
// agents ("SUDANESE SOLDIERS" -> SDN + ~MIL, "TALIBAN FIGHTERS" -> AFGREB
// + ~UAF), agents followed by "of"/"from" and an actor ("SOLDIERS FROM
// MALI"), or agents alone ("GUNMEN"). ok is false when nothing at
// words[0] is an actor or agent, or the actor has no code on date (N
// then still counts the actor's words).
func (v *Vocabulary) MatchGroup(words []string, date time.Time) (g GroupMatch, ok bool) {
	agents := func(from int) ([]*Agent, int) {
		var ags []*Agent
		n := from
		for n < len(words) {
			a, k := v.Agents.Match(words[n:])
			if a == nil {
				break
			}
			ags, n = append(ags, a), n+k
		}
		return ags, n
	}
	if a, n := v.Actors.Match(words); a != nil {
		g = GroupMatch{Actor: a, ActorCode: a.CodeOn(date), N: n}
		if g.ActorCode == "" || g.ActorCode == "---" {
			return g, false
		}
		g.Agents, g.N = agents(n)
		return g, true
	}
	g.Agents, g.N = agents(0)
	if len(g.Agents) == 0 {
		return GroupMatch{}, false
	}
	if g.N+1 < len(words) && groupLinks[words[g.N]] {
		if a, k := v.Actors.Match(words[g.N+1:]); a != nil {
			if c := a.CodeOn(date); c != "" && c != "---" {
				g.Actor, g.ActorCode, g.N = a, c, g.N+1+k
			}
		}
	}
	return g, true
}

// Group is MatchGroup's combined code.
func (v *Vocabulary) Group(words []string, date time.Time) (code string, n int, ok bool) {
	g, ok := v.MatchGroup(words, date)
	if !ok {
		return "", g.N, false
	}
	return g.Code(), g.N, true
}

// Mention is an actor phrase found in a sentence: words[Start:End].
type Mention struct {
	Start, End int
	GroupMatch
}

// Mentions returns the actor phrases of a sentence, left to right,
// longest first and not overlapping.
func (v *Vocabulary) Mentions(words []string, date time.Time) []Mention {
	var out []Mention
	for i := 0; i < len(words); {
		g, ok := v.MatchGroup(words[i:], date)
		switch {
		case ok:
			out = append(out, Mention{Start: i, End: i + g.N, GroupMatch: g})
			i += g.N
		case g.N > 0:
			i += g.N // a name with no role on the day: skip it whole
		default:
			i++
		}
	}
	return out
}

// DiscardTable holds the phrases that stop a sentence or a story from
// being coded (sports results, historical chronologies).
type DiscardTable struct {
	sentence, story phraseIndex
}

// Sentence reports whether a sentence discard phrase occurs in words.
func (t *DiscardTable) Sentence(words []string) bool { return anyPhrase(&t.sentence, words) }

// Story reports whether a story discard phrase occurs in words.
func (t *DiscardTable) Story(words []string) bool { return anyPhrase(&t.story, words) }

func anyPhrase(x *phraseIndex, words []string) bool {
	for i := range words {
		if _, n := x.longest(words, i); n > 0 {
			return true
		}
	}
	return false
}
