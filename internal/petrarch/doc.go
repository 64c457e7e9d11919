// Package petrarch reads TABARI/PETRARCH dictionaries (actors with
// synonyms and date-restricted codes, agents with !MACROS!, verbs with
// synsets, blocks and patterns, discards) and codes sentences with them
// over sitrep's own sentence analysis, so that political scientists can
// bring two decades of dictionaries to sitrep. Syntax errors are
// reported as file:line: reason.
package petrarch
