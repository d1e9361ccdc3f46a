#!/usr/bin/env bash
# The main job on the examples: validate each one (findings are expected: the
# examples show conflicts) and render the seed scenario to SVG, PNG and PDF.
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${1:-bin/orgchart}"; out="${2:-out}"
mkdir -p "$out"
for f in examples/*.yaml examples/*.json examples/*.csv; do
  [ -e "$f" ] || continue
  echo "== orgchart validate $f"
  "$bin" validate "$f"
  rc=$?
  [ $rc -le 1 ] || { echo "demo: validate $f failed with exit $rc" >&2; exit 1; }
done
for f in examples/*.yaml examples/*.csv; do
  [ -e "$f" ] || continue
  base=$(basename "${f%.*}")
  for fmt in svg png pdf; do
    "$bin" render "$f" -o "$out/$base.$fmt" || { echo "demo: render $f to $fmt failed" >&2; exit 1; }
  done
done
echo
echo "demo: rendered charts are in $out/ (open $out/seed.png or $out/seed.pdf)"
