#!/usr/bin/env bash
# The layout engine (render/layout) against d3-flextree (node) on the same
# random 100,000-person org, in the same run; also the 1M layout time.
# Installs d3-flextree with npm into out/bench/flextree (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/bench
dir="$out/flextree"
mkdir -p "$out"
if [ ! -d "$dir/node_modules/d3-flextree" ]; then
  npm install --silent --no-audit --no-fund --prefix "$dir" d3-flextree
fi
go run ./render/layout/internal/layouttree -n 100000 -seed 1 -o "$out/tree-100k.json"
ft=$(FLEXTREE_DIR="$dir" node scripts/layout-flextree.mjs "$out/tree-100k.json" 5)
echo "$ft" | grep -v '^ns/op'
bench=$(go test ./render/layout/ -run '^$' -bench 'Layout/^100k' -benchmem -benchtime 5x
  go test ./render/layout/ -run '^$' -bench 'Layout1M$' -benchmem -benchtime 5x)
echo "$bench" | grep '^Benchmark'
ft_ns=$(echo "$ft" | awk '$1 == "ns/op" {print $2}')
for c in 100kRow 100k; do
  go_ns=$(echo "$bench" | awk -v c="BenchmarkLayout/$c-" 'index($1, c) == 1 {print $3}')
  awk -v g="$go_ns" -v f="$ft_ns" -v c="$c" 'BEGIN {
    printf "render/layout %s: %.1f ms; d3-flextree 100k: %.1f ms; ratio %.3f (%.0fx faster)\n", c, g/1e6, f/1e6, g/f, f/g }'
done
