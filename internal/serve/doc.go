// Package serve is sitrep's HTTP face: a JSON API over a store.Store and a
// server-rendered dashboard, both served by the single sitrep binary.
//
// The API lives under /api (see openapi.json, served at
// /api/openapi.json). Every error is a JSON envelope
//
//	{"error":{"code":"bad_request","message":"...","param":"since"}}
//
// so that clients can show which query parameter was wrong. Listings are
// paged with the store's opaque cursors; nothing ever loads a whole table
// into memory, except the actor network, which aggregates dyads while
// streaming events (EachEvent) and keeps only the strongest edges.
//
// Writes (POST /api/ingest, alert-rule changes) need a bearer token. A
// server started without one is read-only and answers 403 read_only to
// every write, so that a public dashboard cannot be used to inject data.
// The token is checked from the headers before any body is read; bodies
// have their own deadline (Options.BodyTimeout). Uploads are spooled to
// a file and processed by a background job (jobs.go), so memory does
// not grow with them. A URL posted for the server to fetch goes through
// the outbound-fetch policy of internal/netguard. Every API endpoint
// names its query parameters (unknown ones are a 400), every parameter
// has a maximum length (params.go), and a server bound to loopback
// answers only loopback Host names (guard.go).
//
// The dashboard is html/template + htmx (partial updates of the event
// table) + a little vanilla JavaScript for the map, the network and the
// alert feed. A strict Content-Security-Policy forbids inline scripts and
// styles: everything the browser runs comes from /static.
package serve
