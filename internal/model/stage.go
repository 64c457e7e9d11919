package model

import "context"

// Stage is one step of the analysis pipeline (text, entities, events).
//
// Process takes an article that the stages before it have filled in and
// enriches it in place: the text stage fills Sentences and Tokens, the
// entities stage Entities, Quantities and Times, the events stage Quotes
// and Events. A stage never changes Body or anything an earlier stage
// produced, so every span stays valid.
//
// An error means this article could not be processed and must not be
// stored; the caller reports it with the article's Source and goes on
// with the next article. Quality problems that still leave a usable
// result are not errors: they go to Article.Warnings. Process must
// return promptly when ctx is cancelled.
type Stage interface {
	Name() string
	Process(ctx context.Context, a *Article) error
}
