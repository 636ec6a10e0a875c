# boardpaper: `make` builds the sample papers into output/; `make test` runs
# every test, installing the programs the tests need when they are missing.

GO       ?= go
BIN      := bin/boardpaper
GOFILES  := $(shell find . -name '*.go' -not -path './node_modules/*')

# Programs the tests drive, and the Debian packages that provide them.
TEST_TOOLS := pdftotext:poppler-utils qpdf:qpdf chromium:chromium node:nodejs npm:npm

# The accessibility check's npm project (axe-core, playwright-core).
A11Y := internal/a11y

# Fuzz targets: name and package.
FUZZ := FuzzSnapshot:./internal/project FuzzFence:./internal/exhibit FuzzPipeline:./internal/pipeline FuzzExemptLeak:./internal/publish

.PHONY: all papers test deps vet bench fuzz fuzz-ci pdf-check clean

all: papers

# The binary is static (no cgo): Go's resolver and user lookup instead of
# the C library's, which boardpaper never needs, and no dynamic loader to
# run first, which took 1.5 ms of every build's start. -trimpath keeps the
# machine's paths out of the binary.
$(BIN): $(GOFILES) go.mod go.sum $(wildcard templates/layouts/*.yaml)
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/boardpaper

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
	@[ -d $(A11Y)/node_modules ] || (cd $(A11Y) && npm ci --no-audit --no-fund --loglevel=error)

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

test: deps vet
	BOARDPAPER_REQUIRE_TOOLS=1 $(GO) test -race -count=1 ./...
	$(MAKE) --no-print-directory fuzz-ci
	$(MAKE) --no-print-directory pdf-check

# pdf-check validates every PDF a build writes (the samples, their agenda
# packs, the --exempt-out full versions, and a 20-paper synthetic project's
# papers and packs) with veraPDF, against PDF/UA-1, PDF/A-2b and PDF/A-2a
# (the level the PDFs claim): one Java run for each, all the files at once
# (about a minute each). veraPDF is in no package registry: it is used from
# ../shared/tools/verapdf when that folder is there, and the check says it
# was skipped when not.
UA_CHECK := ../shared/tools/verapdf/ua-check
PDF_PROFILES := ua1 2b 2a

pdf-check: $(BIN)
	@if [ ! -x $(UA_CHECK) ]; then \
	  echo "pdf-check: SKIPPED: $(UA_CHECK) is not there, so no PDF was checked against PDF/UA-1 or PDF/A-2"; exit 0; \
	fi; \
	dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
	./$(BIN) build --force --out "$$dir/samples" --exempt-out "$$dir/exempt" >/dev/null || exit 1; \
	$(GO) run ./cmd/synth -n 20 -out "$$dir/synthetic" >/dev/null || exit 1; \
	(cd "$$dir/synthetic" && "$(CURDIR)/$(BIN)" build --out "$$dir/synthetic/output" >/dev/null) || exit 1; \
	files=$$(find "$$dir" -name '*.pdf' | sort); failed=""; \
	for p in $(PDF_PROFILES); do \
	  echo "pdf-check: $$(echo $$files | wc -w) PDFs, profile $$p"; \
	  $(UA_CHECK) --profile $$p $$files >"$$dir/report.txt" || failed="$$failed $$p"; \
	  grep -v '^PASS' "$$dir/report.txt"; \
	done; \
	if [ -n "$$failed" ]; then echo "pdf-check: FAILED:$$failed (the rules and files above)"; exit 1; fi; \
	echo "pdf-check: every PDF passes PDF/UA-1, PDF/A-2b and PDF/A-2a"

clean:
	rm -rf bin output
