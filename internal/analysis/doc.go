// Package analysis turns stored events into signals for analysts: the
// cooperation–conflict index of a dyad, baselines over trailing windows,
// dense timelines for charts, and alert rules evaluated as articles
// arrive.
//
// # Index and baseline
//
// A timeline bucket's index is the mean Goldstein score of its events
// (-10 material conflict .. +10 cooperation): Goldstein-weighted, so a
// single air strike outweighs several phone calls. Baseline computes the
// mean and sample standard deviation of a trailing window of buckets;
// FillGaps makes a timeline dense (one bucket per day or week) because a
// store only returns buckets that have events, and a baseline over
// sparse buckets would ignore the quiet days.
//
// # Alerts
//
// Engine.Check runs after an article was stored (PutArticle reported
// Inserted=true). It reads the article's stored events and evaluates
// every rule (store.AlertRule):
//
//   - new_event: every event whose source, target and CAMEO code start
//     with the rule's Source, Target and Code prefixes (empty = any).
//   - first_event: a matching event is the first of its code family
//     (the rule's Code, or else the event's two-digit CAMEO root) between
//     its two actors, in either direction: no such event exists on an
//     earlier day, nor on the same day from another article.
//   - sigma: the dyad's daily count (or its Goldstein index) on the
//     event's day departs from the trailing Window-day baseline by at
//     least K standard deviations. Options.SigmaMinDays, SigmaMinEvents
//     and the standard-deviation floors keep an empty or tiny baseline
//     from firing; the alert fires when this article's events push the
//     day across the threshold, so later reports of the same busy day do
//     not fire again.
//
// Fired alerts are stored with Store.PutAlert and POSTed as JSON to the
// rule's webhook, retried with exponential backoff on network errors,
// 429 and 5xx. Delivery failures are logged and never fail Check.
//
// # Webhook safety
//
// A webhook URL is user input that makes the server send requests, so
// ValidateWebhook accepts only http/https URLs without credentials whose
// host resolves to public addresses. Because DNS can change between that
// check and the request (DNS rebinding), the engine's HTTP client checks
// the address again when it connects (net.Dialer.Control) and on every
// redirect, and ignores proxy settings. Options.AllowPrivateWebhooks
// turns the checks off for intranet deployments and tests.
package analysis
