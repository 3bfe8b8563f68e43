#!/usr/bin/env bash
# The benchmark, one command: ksp (release) on the sample season and on generated seasons at
# 10× and 100× its inquiries. First the whole-process table (what a user meets: one cold
# `ksp DIR -c …` against the DuckDB CLI binary reading the same inquiries.csv, timed by hyperfine,
# peak memory by /usr/bin/time), then the warm in-process table (ksp-bench: statements in one
# process, against DuckDB's Python module). The README's "Performance" section is its output.
#
#   Benchmarks/run.sh [--runs N] [--bench-runs N]   (DuckDB's in-process runs, 5; ksp-bench's, 15)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
# The benchmark's own tools: hyperfine times whole processes, GNU time measures their peak memory.
need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
swift build -c release --product ksp >&2
swift build -c release --product ksp-bench >&2
# The whole-process table times the binary a user installs: built as scripts/package builds it (the
# Swift runtime and Foundation linked in, symbols bound at start), in a build folder of its own.
swift build -c release --static-swift-stdlib -Xlinker -z -Xlinker now --product ksp --build-path .build/static >&2
mkdir -p .build/bench
for k in 10 100; do
  if [ ! -f ".build/bench/x$k/inquiries.csv" ]; then
    .build/release/ksp generate --seed 2024 --scale "$k" ".build/bench/x$k" >&2
  fi
done
# DuckDB (the CLI binary, and the Python module with PyYAML for the in-process table) from PyPI,
# in a virtual environment of the benchmark's own.
if [ ! -x .build/duckdb-venv/bin/python ]; then
  python3 -m venv .build/duckdb-venv
fi
.build/duckdb-venv/bin/python -c "import duckdb, yaml, duckdb_cli" 2>/dev/null \
  || .build/duckdb-venv/bin/pip install -q duckdb duckdb-cli pyyaml >&2
# The pip `duckdb` command is a Python wrapper (about 100 ms a call): time the binary it runs.
duckdb_binary="$(.build/duckdb-venv/bin/python -c 'import duckdb_cli, os; print(os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb"))')"
python3 Benchmarks/whole_process.py "$duckdb_binary" "$@"
echo
echo "Warm, in-process (ksp-bench: the median of several runs in one process that has loaded the season):"
echo
exec .build/duckdb-venv/bin/python Benchmarks/compare.py "$@"
