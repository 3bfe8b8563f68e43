#!/usr/bin/env bash
# Every figure of the benchmark's statements stays as it was: runs the benchmark's statements
# (ksp-bench --statements), and tables of small groups where a changed order of additions would show
# (questions and areas by participant and by shopper), with two ksp binaries on the sample seasons and
# the generated 10× and 100× seasons, as csv, and compares the output byte for byte. Status 0 when all
# are identical.
#
#   Benchmarks/same-figures.sh OLD_KSP NEW_KSP [SEASON_DIR…]
set -euo pipefail
cd "$(dirname "$0")/.."
old="$1"
new="$2"
shift 2
seasons=("$@")
if [ ${#seasons[@]} -eq 0 ]; then
  seasons=(samples/ksp2024 samples/ksp2023 .build/bench/x10 .build/bench/x100)
fi
swift build -c release --product ksp-bench >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for season in "${seasons[@]}"; do
  .build/release/ksp-bench "$season" --statements >"$work/statements.ksp"
  printf '%s\n' "questions by participant" "questions by shopper" "areas by participant" "total by shopper" \
    "questions by month" >>"$work/statements.ksp"
  "$old" "$season" -f "$work/statements.ksp" --format csv --keep-going >"$work/old.csv" 2>&1 || true
  "$new" "$season" -f "$work/statements.ksp" --format csv --keep-going >"$work/new.csv" 2>&1 || true
  if cmp -s "$work/old.csv" "$work/new.csv"; then
    echo "identical: $season ($(wc -l <"$work/old.csv") lines)"
  else
    echo "DIFFERENT: $season"
    diff "$work/old.csv" "$work/new.csv" | head -20
    status=1
  fi
done
exit $status
