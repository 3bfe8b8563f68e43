"""Whole process, cold: `ksp DIR -c "total by participant" --format csv` against the DuckDB CLI binary.

What a user meets: one process that starts, reads the season, answers and exits. hyperfine times
the two commands in rounds that alternate (ksp, DuckDB, ksp, DuckDB, …) so that a slower moment of a
shared machine falls on both; the figure is the median over all rounds. DuckDB reads the same
inquiries.csv and groups one column by participant (its reader alone: ksp also validates and scores).
Peak memory is the maximum resident set size from `/usr/bin/time -v`, the median of three runs.

ksp is the binary the Debian package installs: release, the Swift runtime and Foundation linked
statically, symbols bound at start (run.sh builds it as scripts/package does, into .build/static).

    python3 whole_process.py DUCKDB_BINARY [--runs N] [--ksp KSP_BINARY]
"""
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

SEASONS = [("1×", "samples/ksp2024"), ("10×", ".build/bench/x10"), ("100×", ".build/bench/x100")]
KSP = sys.argv[sys.argv.index("--ksp") + 1] if "--ksp" in sys.argv else ".build/static/release/ksp"
ROUNDS = 5


def commands(duckdb, path):
    ksp = f'{KSP} {path} -c "total by participant" --format csv'
    sql = (f"SELECT participant, count(*) AS n, count(answered_at) AS answered "
           f"FROM read_csv('{path}/inquiries.csv') GROUP BY participant")
    return ksp, f'{duckdb} -csv -c "{sql}"'


def hyperfine(cmds, runs):
    """Seconds of every run of each command, in rounds alternating between them."""
    times = [[] for _ in cmds]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "h.json")
        for _ in range(ROUNDS):
            for i, cmd in enumerate(cmds):
                subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(runs), "--export-json", out,
                                "--style", "none", cmd], check=True, capture_output=True)
                with open(out, encoding="utf-8") as f:
                    times[i] += json.load(f)["results"][0]["times"]
    return times


def peak_mb(cmd):
    """Median of three peak resident set sizes in MB."""
    peaks = []
    for _ in range(3):
        r = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", cmd + " >/dev/null"], capture_output=True, text=True,
                           check=True)
        kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
        peaks.append(kb / 1024)
    return statistics.median(peaks)


def fmt_time(seconds):
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def inquiries(path):
    with open(f"{path}/inquiries.csv", encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def main():
    duckdb = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"Whole process, cold, medians of {ROUNDS * runs} runs in {ROUNDS} alternating rounds; "
          f"{os.cpu_count()} cores ({cpu}).\n")
    print("| season | ksp | DuckDB CLI | ratio | ksp peak memory | DuckDB peak |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, path in SEASONS:
        ksp, duck = commands(duckdb, path)
        k, d = (statistics.median(t) for t in hyperfine([ksp, duck], runs))
        print(f"| {label} ({inquiries(path):,} inquiries) | {fmt_time(k)} | {fmt_time(d)} | {k / d:.2f} | "
              f"{peak_mb(ksp):.0f} MB | {peak_mb(duck):.0f} MB |".replace(",", " "), flush=True)


if __name__ == "__main__":
    main()
