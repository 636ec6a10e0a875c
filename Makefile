# boardpaper: `make` builds the sample papers into output/; `make test` runs
# every test, installing the programs the tests need when they are missing.

GO       ?= go
BIN      := bin/boardpaper
GOFILES  := $(shell find . -name '*.go' -not -path './node_modules/*')

# Programs the tests drive, and the Debian packages that provide them.
TEST_TOOLS := pdftotext:poppler-utils qpdf:qpdf chromium:chromium

.PHONY: all papers test deps vet bench clean

all: papers

$(BIN): $(GOFILES) go.mod go.sum $(wildcard templates/layouts/*.yaml)
	$(GO) build -o $(BIN) ./cmd/boardpaper

papers: $(BIN)
	./$(BIN) build

# deps installs what the tests need, through apt-get when running as root.
deps:
	@missing=""; \
	for pair in $(TEST_TOOLS); do \
	  cmd=$${pair%%:*}; pkg=$${pair##*:}; \
	  command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "make test needs:$$missing (install them, or run as root)"; exit 1; fi; \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

test: deps vet
	BOARDPAPER_REQUIRE_TOOLS=1 $(GO) test -race -count=1 ./...

# bench: Go benchmarks for each stage and chart kind (ns/op, B/op,
# allocs/op), then whole-process builds of 1, 100 and 1,000 synthetic
# papers beside their targets. Takes a few minutes.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 20x ./internal/build ./internal/pdf ./internal/chart ./internal/html
	$(GO) run ./cmd/benchreport

clean:
	rm -rf bin output
