#!/usr/bin/env bash
# Runs every fuzz target of the module for a short budget each (default 20000
# executions; a count, not a duration: see golang/go#75804 in the Makefile).
# Crashers land in the package's testdata/fuzz/ and then run as regular tests.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${1:-20000x}"
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  grep -qs '^func Fuzz' "$dir"/*_test.go || continue
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
    echo "fuzz: $pkg $target ($fuzztime)"
    go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" >/tmp/fuzz.$$.log 2>&1 || {
      cat /tmp/fuzz.$$.log; rm -f /tmp/fuzz.$$.log; exit 1; }
  done
done
rm -f /tmp/fuzz.$$.log
echo "fuzz: ok"
