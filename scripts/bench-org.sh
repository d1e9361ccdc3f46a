#!/usr/bin/env bash
# The org engine (orgchart render, default --layout org) against its
# references, whole processes, in the same run (section 5 of make bench):
#   - 1,000 people to SVG vs native `dot -Tsvg` on the plain DOT a user would
#     write for the same people (a box per person, one edge per line);
#   - 100,000 people to one poster SVG vs d3-flextree (node) only laying out
#     the same tree: a whole node process that reads the tree and lays it out
#     once, as the other bars time whole `dot` processes. Two stricter
#     references are printed too, timed inside that node process: its first
#     (cold) layout, and the median of three layouts (no start-up, no
#     reading, the JIT warmed up) (peak RSS reported: the bar is 2 GB). A chart that size
#     comes from an HR or directory export, so the bar is measured on the CSV
#     of the org; the same org as YAML is printed too, for reference (go-yaml
#     parsing is about half of that process);
#   - a 100-person chart to PNG for a 16:9 slide vs native `dot -Tpng`.
# Each ours/reference pair is run alternately BENCH_RUNS times (default 9)
# and compared by medians, so both see the same load on a shared machine.
# Needs scripts/setup.sh --bench (graphviz, time) and npm for d3-flextree.
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/bench/org
runs=${BENCH_RUNS:-9}
mkdir -p "$out"
go build -o bin/orgchart ./cmd/orgchart
go build -o bin/orgsynth ./cmd/orgsynth
go build -o bin/benchcharts ./render/draw/internal/benchcharts
ftdir=out/bench/flextree
if [ ! -d "$ftdir/node_modules/d3-flextree" ]; then
  npm install --silent --no-audit --no-fund --prefix "$ftdir" d3-flextree
fi

# timed LABEL CMD...: appends "seconds peak-RSS-KB" of one run to
# $out/t.<label>: the wall clock in nanoseconds around the run (/usr/bin/time's
# own has 10 ms steps, too coarse here), its peak RSS from /usr/bin/time.
timed() {
  local label=$1
  shift
  local t0
  t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$out/t1" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
  echo "$((($(date +%s%N) - t0) / 1000)) $(cat "$out/t1")" | awk '{print $1 / 1e6, $2}' >>"$out/t.$label"
}
# flextree TREE: times a whole node process that reads the tree and lays it
# out once into $out/t.flexproc (the bar's reference); then appends
# d3-flextree's in-process layout times, the median of 3 layouts in one node
# process to $out/t.flextree and the first, cold one to $out/t.flexcold
# (stricter references, printed beside the bar).
flextree() {
  FLEXTREE_DIR="$ftdir" node scripts/layout-flextree.mjs "$1" 3 >"$out/ft"
  awk '$1 == "ns/op" {print $2/1e9, 0}' "$out/ft" >>"$out/t.flextree"
  awk '$1 == "first-ns" {print $2/1e9, 0}' "$out/ft" >>"$out/t.flexcold"
  timed flexproc env FLEXTREE_DIR="$ftdir" node scripts/layout-flextree.mjs "$1" 1
}
# median LABEL: the median seconds of $out/t.<label>
median() { sort -n "$out/t.$1" | awk '{t[NR]=$1} END{print t[int((NR+1)/2)]}'; }
# peak LABEL: the largest peak RSS of $out/t.<label>, in MB
peak() { sort -k2 -n "$out/t.$1" | awk 'END{print int($2/1024)}'; }
ratio() {
  awk -v a="$2" -v b="$4" -v l="$1" -v r="$3" -v n="$runs" \
    'BEGIN{printf "%s: %.3f s vs %s: %.3f s: ratio %.2f (%s; medians of %d alternating runs)\n", l, a, r, b, a/b, (a<=b ? "meets the bar" : "SLOWER"), n}'
}
# context: as ratio, without a verdict, for a stricter reference than the bar's
context() {
  awk -v a="$2" -v b="$4" -v l="$1" -v r="$3" \
    'BEGIN{printf "%s: %.3f s vs %s: %.3f s: ratio %.2f\n", l, a, r, b, a/b}'
}

for n in 100 1000 100000; do
  bin/orgsynth -n $n -format yaml -seed 1 -o "$out/org-$n.yaml"
done
bin/orgsynth -n 100000 -format csv -seed 1 -o "$out/org-100000.csv"
bin/benchcharts -n 1000 -dot "$out/plain-1000.dot"
bin/benchcharts -n 100 -dot "$out/plain-100.dot"
bin/benchcharts -n 100000 -tree "$out/tree-100000.json"
rm -f "$out"/t.*

for _ in $(seq "$runs"); do
  timed org1k bin/orgchart render "$out/org-1000.yaml" -o "$out/org-1000.svg"
  timed dot1k dot -Tsvg -o "$out/plain-1000.svg" "$out/plain-1000.dot"
done
ratio "orgchart render 1,000 people to SVG" "$(median org1k)" "dot -Tsvg plain DOT" "$(median dot1k)"

for _ in $(seq "$runs"); do
  timed csv100k bin/orgchart render "$out/org-100000.csv" -o "$out/org-100000.svg"
  flextree "$out/tree-100000.json"
  timed yaml100k bin/orgchart render "$out/org-100000.yaml" -o "$out/org-100000-yaml.svg"
done
ratio "orgchart render 100,000 people (CSV export) to one poster SVG" "$(median csv100k)" "d3-flextree: a node process reading the tree and laying it out" "$(median flexproc)"
ratio "  the same org from YAML (for reference; not the bar)" "$(median yaml100k)" "the same" "$(median flexproc)"
context "  stricter: the CSV render" "$(median csv100k)" "d3-flextree's first (cold) layout, timed inside node" "$(median flexcold)"
context "  strictest: the CSV render" "$(median csv100k)" "the median of three layouts inside one node process" "$(median flextree)"
echo "peak RSS of the 100,000-person render: $(peak csv100k) MB from CSV, $(peak yaml100k) MB from YAML (bar: 2048 MB); SVG $(($(wc -c <"$out/org-100000.svg") / 1000000)) MB"

for _ in $(seq "$runs"); do
  timed png100 bin/orgchart render "$out/org-100.yaml" --preset slide-16x9 -o "$out/org-100.png"
  timed dotpng dot -Tpng -o "$out/plain-100.png" "$out/plain-100.dot"
done
ratio "orgchart render 100 people to PNG for slide-16x9" "$(median png100)" "dot -Tpng plain DOT" "$(median dotpng)"
