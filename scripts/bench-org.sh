#!/usr/bin/env bash
# The org engine (orgchart render, default --layout org) against its
# references, whole processes, in the same run (section 5 of make bench):
#   - 1,000 people to SVG vs native `dot -Tsvg` on the plain DOT a user would
#     write for the same people (a box per person, one edge per line);
#   - 100,000 people to one poster SVG vs d3-flextree (node) only laying out
#     the same tree (peak RSS reported: the bar is 2 GB);
#   - a 100-person chart to PNG for a 16:9 slide vs native `dot -Tpng`.
# Needs scripts/setup.sh --bench (graphviz, time) and npm for d3-flextree.
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/bench/org
mkdir -p "$out"
go build -o bin/orgchart ./cmd/orgchart
go build -o bin/orgsynth ./cmd/orgsynth
go build -o bin/benchcharts ./render/draw/internal/benchcharts
ftdir=out/bench/flextree
if [ ! -d "$ftdir/node_modules/d3-flextree" ]; then
  npm install --silent --no-audit --no-fund --prefix "$ftdir" d3-flextree
fi
# best of 3 wall-clock seconds and the peak RSS (KB) of that run
best() {
  local b="" rss=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$out/t" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
    read -r s m <"$out/t"
    if [ -z "$b" ] || awk -v a="$s" -v b="$b" 'BEGIN{exit !(a<b)}'; then b=$s; rss=$m; fi
  done
  echo "$b $rss"
}
ratio() { awk -v a="$2" -v b="$4" -v l="$1" -v r="$3" 'BEGIN{printf "%s: %.2f s vs %s: %.2f s: ratio %.2f (%s)\n", l, a, r, b, a/b, (a<=b ? "meets the bar" : "SLOWER")}'; }

for n in 100 1000 100000; do
  bin/orgsynth -n $n -format yaml -seed 1 -o "$out/org-$n.yaml"
done
bin/benchcharts -n 1000 -dot "$out/plain-1000.dot"
bin/benchcharts -n 100 -dot "$out/plain-100.dot"
bin/benchcharts -n 100000 -tree "$out/tree-100000.json"

read -r org1k rss1k < <(best bin/orgchart render "$out/org-1000.yaml" -o "$out/org-1000.svg")
read -r dot1k _ < <(best dot -Tsvg -o "$out/plain-1000.svg" "$out/plain-1000.dot")
ratio "orgchart render 1,000 people to SVG" "$org1k" "dot -Tsvg plain DOT" "$dot1k"

read -r org100k rss100k < <(best bin/orgchart render "$out/org-100000.yaml" -o "$out/org-100000.svg")
ft=$(FLEXTREE_DIR="$ftdir" node scripts/layout-flextree.mjs "$out/tree-100000.json" 3 | awk '$1 == "ns/op" {print $2/1e9}')
ratio "orgchart render 100,000 people to one poster SVG" "$org100k" "d3-flextree layout only (median of 3)" "$ft"
echo "peak RSS of the 100,000-person render: $((rss100k / 1024)) MB (bar: 2048 MB)"

read -r orgpng _ < <(best bin/orgchart render "$out/org-100.yaml" --preset slide-16x9 -o "$out/org-100.png")
read -r dotpng _ < <(best dot -Tpng -o "$out/plain-100.png" "$out/plain-100.dot")
ratio "orgchart render 100 people to PNG for slide-16x9" "$orgpng" "dot -Tpng plain DOT" "$dotpng"
