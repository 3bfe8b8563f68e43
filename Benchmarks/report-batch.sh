#!/usr/bin/env bash
# Issue 13's benchmark: every participant report of the sample season (190) as HTML and as PDF,
# written by the release build into a temporary folder (removed afterwards). Prints the wall-clock
# seconds of each, the best of N runs (default 3 for HTML, 1 for PDF, which takes a minute or more).
#
#   Benchmarks/report-batch.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
if [ "${1:-}" = "--runs" ]; then runs="$2"; fi
swift build -c release --product ksp >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
TIMEFORMAT=%R
best() {
  local format=$1 count=$2 best=""
  for _ in $(seq "$count"); do
    rm -rf "$out/reports"
    local seconds
    seconds=$( { time .build/release/ksp samples/ksp2024 -c "report participant * to $out/reports/ as $format" >/dev/null; } 2>&1 )
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
  done
  files=$(find "$out/reports" -name "*.$format" ! -name index.html | wc -l)
  echo "$format: $files files in $best s (best of $count; $(nproc) cores)"
}
best html "$runs"
if command -v chromium >/dev/null 2>&1; then
  best pdf 1
else
  echo "pdf: skipped (no chromium; scripts/setup installs it)"
fi
