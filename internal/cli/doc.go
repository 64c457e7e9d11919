// Package cli implements the sitrep command line (kong): one struct per
// command, each with --help and an example. cmd/sitrep only calls Main.
package cli
