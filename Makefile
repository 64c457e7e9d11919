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
	# The go-dateparser stand-in is a module of its own (go.mod replace): ./... does not reach it.
	cd internal/ingest/nodateparser && $(GO) test -count=1 ./...

test-short: setup
	$(GO) test -short ./...

bench: build
	$(GO) test -run '^$$' -bench . -benchtime 2x ./...
	./bin/sitrep bench testdata/sample

# Every fuzz target in turn, FUZZTIME each (make fuzz FUZZTIME=10m for the long runs).
FUZZTIME ?= 30s
fuzz: setup
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$($(GO) list -f '{{range .TestGoFiles}}{{$$.Dir}}/{{.}} {{end}}' $$pkg) 2>/dev/null | sed 's/^func //'); do \
	    echo "== $$pkg $$f"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s -parallel 1 || exit 1; \
	  done; \
	done

vet: setup
	gofmt -l $$(git ls-files '*.go')
	$(GO) vet ./...

clean:
	rm -rf bin .demo
