# sitrep — build, demo and test. `make demo` and `make test` are the README's two commands.
GO      ?= go
DB      ?= $(CURDIR)/.demo/sitrep.db
ADDR    ?= 127.0.0.1:8080
export PATH := /usr/local/go/bin:$(PATH)

.PHONY: all setup build demo test test-short bench fuzz vet fmt clean

all: build

# npm packages are embedded into the binary (assets.go): install them first.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

setup: node_modules/.package-lock.json

build: setup
	$(GO) build -o bin/sitrep ./cmd/sitrep

# Ingest the bundled sample corpus into a fresh database and serve the dashboard.
demo: build
	rm -f $(DB) $(DB)-wal $(DB)-shm
	mkdir -p $(dir $(DB))
	./bin/sitrep --db $(DB) ingest testdata/sample
	./bin/sitrep --db $(DB) serve --addr $(ADDR)

test: setup
	$(GO) test -count=1 -timeout 30m ./...

test-short: setup
	$(GO) test -short ./...

bench: build
	$(GO) test -run '^$$' -bench . -benchtime 2x ./...
	./bin/sitrep bench testdata/sample

fuzz: setup
	$(GO) test ./internal/ingest -run '^$$' -fuzz FuzzSplitDump -fuzztime 30s
	$(GO) test ./internal/text -run '^$$' -fuzz FuzzSplit -fuzztime 30s

vet: setup
	gofmt -l $$(git ls-files '*.go')
	$(GO) vet ./...

clean:
	rm -rf bin .demo
