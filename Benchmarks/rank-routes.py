#!/usr/bin/env python3
"""The rank intervals of two ksp binaries over many seeds, side by side (issue 17, "resample").

    Benchmarks/rank-routes.py OLD_KSP NEW_KSP SEASON_DIR [--seeds N] [--rank]

Runs `winners` (and with --rank also `rank`) once per seed 1..N with each binary and compares the
rank intervals: for each binary, how far its interval ends move from one seed to the next (the Monte
Carlo noise of a 1000-round bootstrap), and how far the new binary's ends are from the old one's at the
same seed. When the new route draws resampled means differently (ResampledMeans), the second figure
should be no larger than the first: the two routes then cannot be told apart by their output.
"""
import csv
import io
import re
import statistics
import subprocess
import sys


def run(ksp, season, lines, *options):
    """ksp's output for a script piped to it (-c takes one statement: `.seed` would be lost)."""
    return subprocess.run([ksp, season, *options], input="\n".join(lines) + "\n", capture_output=True,
                          text=True).stdout


def award_intervals(ksp, season, seeds):
    """seed -> {channel: (low, high)} from winners' notes (printed in the table format)."""
    result = {}
    for seed in seeds:
        out = run(ksp, season, [f".seed {seed}", "winners"])
        found = re.findall(r"rests on \d+ inquiries on (\S+); resampled, its rank there is (\d+)–(\d+) of", out)
        result[seed] = {ch: (int(lo), int(hi)) for ch, lo, hi in found}
    return result


def rank_intervals(ksp, season, seeds):
    """seed -> {participant: (low, high)} from `rank` as csv."""
    result = {}
    for seed in seeds:
        out = run(ksp, season, [f".seed {seed}", "rank"], "--format", "csv")
        rows = csv.DictReader(io.StringIO(out))
        result[seed] = {r["participant"]: (int(r["rank_low"]), int(r["rank_high"])) for r in rows if r["rank_low"]}
    return result


def compare(name, old, new, seeds):
    keys = sorted(old[seeds[0]].keys())
    same_seed = []  # |new - old| at the same seed
    next_seed_old = []  # |old(s+1) - old(s)|
    next_seed_new = []
    for k in keys:
        for end in (0, 1):
            for a, b in zip(seeds, seeds[1:]):
                next_seed_old.append(abs(old[b][k][end] - old[a][k][end]))
                next_seed_new.append(abs(new[b][k][end] - new[a][k][end]))
            for s in seeds:
                same_seed.append(abs(new[s][k][end] - old[s][k][end]))
    mean = statistics.fmean
    print(f"{name}: {len(keys)} intervals × {len(seeds)} seeds")
    print(f"  old, seed to seed:     mean |Δ| {mean(next_seed_old):.3f}, max {max(next_seed_old)}")
    print(f"  new, seed to seed:     mean |Δ| {mean(next_seed_new):.3f}, max {max(next_seed_new)}")
    print(f"  new vs old, same seed: mean |Δ| {mean(same_seed):.3f}, max {max(same_seed)}")
    for k in keys:
        for end, label in ((0, "low"), (1, "high")):
            o = [old[s][k][end] for s in seeds]
            n = [new[s][k][end] for s in seeds]
            if len(keys) <= 8:
                print(f"  {k} {label}: old mean {mean(o):.2f} {sorted(set(o))}, new mean {mean(n):.2f} {sorted(set(n))}")
    return mean(same_seed), mean(next_seed_old)


def main():
    old, new, season = sys.argv[1:4]
    count = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 20
    seeds = list(range(1, count + 1))
    compare(f"winners {season}", award_intervals(old, season, seeds), award_intervals(new, season, seeds), seeds)
    if "--rank" in sys.argv:
        compare(f"rank {season}", rank_intervals(old, season, seeds), rank_intervals(new, season, seeds), seeds)


main()
