#!/usr/bin/env bash
# The benchmark, one command: ksp (release) on the sample season and on generated seasons at
# 10× and 100× its inquiries, side by side with DuckDB on the same inquiries.csv files.
# Prints a markdown table (the README's "Performance" section is its output).
#
#   Benchmarks/run.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
swift build -c release --product ksp >&2
swift build -c release --product ksp-bench >&2
mkdir -p .build/bench
for k in 10 100; do
  if [ ! -f ".build/bench/x$k/inquiries.csv" ]; then
    .build/release/ksp generate --seed 2024 --scale "$k" ".build/bench/x$k" >&2
  fi
done
# DuckDB and PyYAML from PyPI, in a virtual environment of the benchmark's own.
if [ ! -x .build/duckdb-venv/bin/python ]; then
  python3 -m venv .build/duckdb-venv
fi
.build/duckdb-venv/bin/python -c "import duckdb, yaml" 2>/dev/null || .build/duckdb-venv/bin/pip install -q duckdb pyyaml >&2
exec .build/duckdb-venv/bin/python Benchmarks/compare.py "$@"
