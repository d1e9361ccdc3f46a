#!/usr/bin/env bash
# Installs what orgchart needs beyond Go modules, on a fresh Debian machine:
#   - chromium (headless browser test of the editor page, driven by chromedp),
#     with fonts-liberation so the page shows SVG text with the metrics
#     Graphviz laid it out with (Helvetica/Arial-compatible)
#   - poppler-utils (pdftoppm/pdfinfo, used by tests and to look at PDFs)
#   - postgresql (the chart registry's tests start a throwaway server of their
#     own with initdb and pg_ctl on a loopback port, as the postgres user)
#   - libreoffice-impress (soffice: the PPTX tests convert decks to PDF, and TestSVGInLibreOffice
#     an SVG, with libreoffice-draw, which Impress depends on)
#   - python3 (standard library only: the independent computation that the
#     stats test compares with, stats/testdata/stats.py)
#   - the npm packages of the remark-kroki client test (test/remark)
#   - with --bench: graphviz (native `dot`, the reference in `make bench`)
# It is idempotent and installs only what is missing. Called by `make demo`,
# `make test` and .ci/run. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

want=(chromium fonts-liberation poppler-utils python3 postgresql libreoffice-impress)
if [[ "${1:-}" == "--bench" ]]; then
  want+=(graphviz time)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  echo "setup: installing ${missing[*]}" >&2
  # Another apt-get may hold the lock for a while: wait for it.
  for try in 1 2 3 4 5 6 7 8 9 10; do
    if $SUDO apt-get -o DPkg::Lock::Timeout=120 update -qq &&
       DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=120 install -y -qq \
         --no-install-recommends "${missing[@]}" >/dev/null; then
      break
    fi
    [[ $try -lt 10 ]] || { echo "setup: apt-get failed" >&2; exit 1; }
    sleep 15
  done
fi

if [[ -f test/remark/package.json ]] && [[ ! -d test/remark/node_modules ]]; then
  echo "setup: npm ci in test/remark" >&2
  npm ci --prefix test/remark --no-audit --no-fund --loglevel=error >/dev/null
fi

go mod download
