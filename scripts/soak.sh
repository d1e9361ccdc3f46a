#!/usr/bin/env bash
# A bounded soak test of the service (make soak; not in CI): orgload -soak
# starts `orgchart serve`'s server with two workers on 127.0.0.1, drives a
# mix of hostile and normal requests at it for SOAK (default 3m), samples
# the server's and workers' RSS from /proc, and fails on any answer that
# should not be or when the RSS does not plateau.
set -euo pipefail
cd "$(dirname "$0")/.."
soak="${1:-3m}"
mkdir -p bin
go build -o bin/orgload ./cmd/orgload
exec bin/orgload -soak "$soak" -c "${SOAK_CLIENTS:-6}"
