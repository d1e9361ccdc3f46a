# orgchart — run `make help` for the targets.
GO ?= go
BIN := bin/orgchart
OUT := out
# An execution count, not a duration: a duration races the fuzz coordinator
# at its deadline in Go 1.26 (golang/go#75804, "context deadline exceeded"
# with no failing input), a count has no deadline to race.
FUZZTIME ?= 20000x

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: setup
setup: ## install what the project needs beyond Go modules (Debian packages, npm test client)
	@./scripts/setup.sh

.PHONY: build
build: ## build bin/orgchart
	$(GO) build -o $(BIN) ./cmd/orgchart

.PHONY: demo
demo: setup build ## validate and render every example into out/
	@./scripts/demo.sh $(BIN) $(OUT)

.PHONY: test
# GORACE: a race-instrumented process sleeps 1 s at exit by default (so that
# late reports print); the CLI and service tests start hundreds of processes
# (testscript commands, render workers), which made that sleep two thirds of
# cmd/orgchart's test time. Reports still print; only the wait goes.
test: setup lint ## vet, gofmt check, race tests, a short fuzz run
	GORACE=atexit_sleep_ms=0 $(GO) test -race -count=1 ./...
	cd internal/gvcache && GORACE=atexit_sleep_ms=0 $(GO) test -race -count=1 ./...
	@./scripts/fuzz.sh $(FUZZTIME)

.PHONY: lint
lint: ## go vet and gofmt check
	$(GO) vet ./...
	cd internal/gvcache && $(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

.PHONY: fuzz
fuzz: ## run every fuzz target for FUZZTIME executions each (default 20000x; e.g. FUZZTIME=60s locally)
	@./scripts/fuzz.sh $(FUZZTIME)

.PHONY: golden
golden: ## rewrite golden files (review the diff like code)
	$(GO) test ./... -run . -update >/dev/null || $(GO) test ./... -run . -update

.PHONY: bench
bench: ## benchmarks: load+validate at scale, render vs native dot, service load test
	@./scripts/setup.sh --bench
	@./scripts/bench.sh

.PHONY: soak
soak: ## soak the service for SOAK (default 3m) with hostile and normal requests; checks RSS plateaus (not in CI)
	@./scripts/soak.sh $(or $(SOAK),3m)

.PHONY: serve
serve: build ## run the service on :8000 with the live editor at /
	$(BIN) serve --addr :8000

.PHONY: clean
clean: ## remove build and demo output
	rm -rf bin $(OUT)
