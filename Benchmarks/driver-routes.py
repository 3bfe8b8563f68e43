#!/usr/bin/env python3
"""The share intervals of `drivers` by two ksp binaries over many seeds, side by side (issue 17).

    Benchmarks/driver-routes.py OLD_KSP NEW_KSP SEASON_DIR [--seeds N] [STATEMENT ...]

Runs each statement (default: `drivers of nps` and `drivers of nps on questions where area = agent`) once per
seed 1..N with each binary and compares the 95 % intervals of the shares. OLD resamples the inquiries; NEW, on a
base of 10 000 complete cases or more, draws each round from the normal approximation of the answers' means and
products (ResamplingRoute.moments). Printed per statement:
- how far each binary's interval ends move from one seed to the next (the Monte Carlo noise of 1000 rounds), and
  how far NEW's ends are from OLD's at the same seed: if the routes agree, the last is no larger than the first;
- the mean width of each interval over the seeds under each binary, and their ratio: a route that made intervals
  systematically narrower or wider would show here, where seed noise averages out.
"""
import csv
import io
import statistics
import subprocess
import sys

DEFAULT_STATEMENTS = ["drivers of nps", "drivers of nps on questions where area = agent"]


def intervals(ksp, season, statement, seeds):
    """seed -> {predictor: (low, high)} in %, from the statement as csv."""
    result = {}
    for seed in seeds:
        out = subprocess.run([ksp, season, "--format", "csv"], input=f".seed {seed}\n{statement}\n",
                             capture_output=True, text=True, check=True).stdout
        rows = list(csv.DictReader(io.StringIO(out)))
        key = "area" if "area" in rows[0] else "question"
        result[seed] = {r[key]: (float(r["share_low"]), float(r["share_high"])) for r in rows}
    return result


def compare(name, old, new, seeds):
    keys = sorted(old[seeds[0]].keys())
    mean = statistics.fmean
    same_seed, next_old, next_new = [], [], []
    for k in keys:
        for end in (0, 1):
            for a, b in zip(seeds, seeds[1:]):
                next_old.append(abs(old[b][k][end] - old[a][k][end]))
                next_new.append(abs(new[b][k][end] - new[a][k][end]))
            same_seed += [abs(new[s][k][end] - old[s][k][end]) for s in seeds]
    print(f"{name}: {len(keys)} intervals × {len(seeds)} seeds (shares in %)")
    print(f"  old, seed to seed:     mean |Δ| {mean(next_old):.4f}, max {max(next_old):.4f}")
    print(f"  new, seed to seed:     mean |Δ| {mean(next_new):.4f}, max {max(next_new):.4f}")
    print(f"  new vs old, same seed: mean |Δ| {mean(same_seed):.4f}, max {max(same_seed):.4f}")
    ratios = []
    for k in keys:
        old_width = mean([old[s][k][1] - old[s][k][0] for s in seeds])
        new_width = mean([new[s][k][1] - new[s][k][0] for s in seeds])
        ratios.append(new_width / old_width)
        print(f"  {k:<12} mean width old {old_width:.4f}, new {new_width:.4f}, new/old {new_width / old_width:.3f}")
    print(f"  width new/old over all intervals: mean {mean(ratios):.3f}, min {min(ratios):.3f}, max {max(ratios):.3f}")


def main():
    args = sys.argv[1:]
    count = 20
    if "--seeds" in args:
        i = args.index("--seeds")
        count = int(args[i + 1])
        del args[i:i + 2]
    old, new, season, *statements = args
    seeds = list(range(1, count + 1))
    for statement in statements or DEFAULT_STATEMENTS:
        compare(f"{statement} on {season}", intervals(old, season, statement, seeds),
                intervals(new, season, statement, seeds), seeds)


if __name__ == "__main__":
    main()
