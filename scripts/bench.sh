#!/usr/bin/env bash
# make bench: every performance figure of the README, each with its
# reference measured in the same run. Output goes to the terminal and to
# out/bench/. Needs `scripts/setup.sh --bench` (Debian's graphviz and time).
# Takes about 10-15 minutes on a 2-core machine; nothing here is a test.
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/bench
mkdir -p "$out"
log="$out/bench.txt"
: >"$log"
say() { printf '%s\n' "$*" | tee -a "$log"; }
run() { "$@" 2>&1 | tee -a "$log"; }
timed() { # label, command...: wall seconds and peak RSS of one process
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KB" "$@" >/dev/null 2>"$out/time.err" || {
    rc=$?; [ $rc -eq 1 ] || { cat "$out/time.err"; exit 1; }; }
  grep -F "$label:" "$out/time.err" | tee -a "$log"
}

say "# orgchart bench, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(go version | cut -d' ' -f3)"
go build -o bin/orgchart ./cmd/orgchart
go build -o bin/orgsynth ./cmd/orgsynth

say "## 1. Load and validate at scale (whole process: orgchart validate --format json)"
for size in 1k:1000 100k:100000 1m:1000000; do
  for fmt in csv yaml; do
    f="org-${size%%:*}.$fmt"
    bin/orgsynth -n "${size#*:}" -format "$fmt" -seed 1 -o "$out/$f"
    timed "validate $f ($(du -h "$out/$f" | cut -f1))" bin/orgchart validate --format json "$out/$f"
  done
done
say "reference in the same run: bare library parse of the same kind of bytes (encoding/csv, go-yaml nodes)"
run go test ./graph/ -run '^$' -bench '(Load|Reference)(CSV|YAML)/(100k|1M)$' -benchmem -benchtime 3x
run go test ./graph/ -run '^$' -bench 'Build(DefaultStore)?/100k$' -benchmem -benchtime 3x
run go test ./graph/check/ -run '^$' -bench 'Run/(100k|1M)$' -benchmem -benchtime 3x

say "## 1c. directory exports: the same 100k org as CSV, Entra (Graph users) and LDIF (issue 13 asks for under 2x CSV)"
# Whole process, best of 3 wall times each, and each format's ratio to CSV. Last measured (2 shared
# cores, load average 5-7, so only same-run ratios mean anything): csv 0.11 s, entra 0.47 s (4.3x),
# ldif 0.62 s (5.6x) with the parallel readers, against 0.52 s (4.7x) and 0.67 s (6.1x) without, in
# the same run; later runs under heavier load gave entra/csv 3.6-4.2x and ldif/csv 4.1-4.7x. The 2x
# bar is not met (docs/import.md, "Performance at scale").
for fmt in csv entra ldif; do
  bin/orgsynth -n 100000 -format "$fmt" -seed 1 -o "$out/org-100k-dir.$fmt"
  for i in 1 2 3; do
    timed "validate org-100k-dir.$fmt ($(du -h "$out/org-100k-dir.$fmt" | cut -f1))" bin/orgchart validate --format json --input-format "$fmt" "$out/org-100k-dir.$fmt"
  done
done
grep -h '^validate org-100k-dir\.' "$log" | tail -9 | awk '
  { split($2, a, "."); f = a[2]; t = $4 + 0; if (!(f in best) || t < best[f]) best[f] = t }
  END { for (f in best) printf "directory %s: best %.2f s wall, %.1fx csv\n", f, best[f], best[f] / best["csv"] }' | sort | tee -a "$log"
run go test ./graph/load -run '^$' -bench 'LoadDirectory' -benchmem -benchtime 3x

say "## 1b. diff of two 1M-person versions against validating one (the issue asks for under 2x)"
# A realistic pair built in the benchmark: NEW retitles one entry in 500, moves one in 1000, drops
# 1000 leaves and adds 1000 joiners. (Two unrelated charts, where nearly every entry changes, are a
# different workload: the output itself is then hundreds of megabytes.)
run go test ./pipeline/ -run '^$' -bench '(Validate|Diff)1M$' -benchmem -benchtime 3x

say "## 2. Render (go-graphviz + canvas) against native dot on the same DOT"
run go test ./render/ -run '^$' -bench 'Render/|NativeDot/' -benchmem -benchtime 3x -timeout 60m
bin/orgsynth -n 5000 -format yaml -seed 1 -o "$out/org-5k.yaml"
for fmt in svg png pdf; do
  timed "render 5000 people to $fmt" bin/orgchart render --no-findings "$out/org-5k.yaml" -o "$out/org-5k.$fmt"
done

say "## 3. Service load test on loopback (orgload)"
run go run ./cmd/orgload

say "results saved in $log"

say "## 4. Layout engine (render/layout) against d3-flextree on the same 100k tree"
run ./scripts/bench-layout.sh

say "## 5. Org engine (orgchart render) against native dot and d3-flextree, whole processes"
run ./scripts/bench-org.sh
