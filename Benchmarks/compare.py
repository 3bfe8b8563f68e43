"""ksp against DuckDB on the same season files; prints the README's performance table.

ksp's figures come from `ksp-bench` (release build, one process per season so that its peak
memory is that season's). DuckDB reads the same inquiries.csv and computes the KSP scores in
SQL generated from season.yaml (question points, area scores with question weights, the wait
brackets on the wall clock, totals renormalised over the defined areas; e-mail waits are on the
wall clock here, not business time), materialises them, then runs the equivalents of
`total by participant`, `areas by channel` and `total by class across channel`.
"""
import statistics
import subprocess
import sys
import time

import duckdb
import yaml

RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
# ksp's statements take milliseconds at 100×: a median of five moves by a millisecond with one busy moment on a
# shared machine, so ksp-bench takes fifteen (DuckDB's Python loads take seconds each: RUNS).
BENCH_RUNS = int(sys.argv[sys.argv.index("--bench-runs") + 1]) if "--bench-runs" in sys.argv else 15
SEASONS = [("1×", "samples/ksp2024"), ("10×", ".build/bench/x10"), ("100×", ".build/bench/x100")]
BENCH = ".build/release/ksp-bench"


def ksp_bench(path):
    out = subprocess.run([BENCH, path, "--runs", str(BENCH_RUNS)], check=True, capture_output=True,
                         text=True).stdout
    rows = {}
    for line in out.strip().splitlines():
        name, median, _ = line.split("\t")
        rows[name] = float(median)
    return rows


def seconds(d):
    d = str(d)
    return float(d[:-1]) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[d[-1]]


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def scoring_sql(season_yaml):
    """SELECT … FROM inq producing id, participant, channel, total and one column per area."""
    s = yaml.safe_load(open(season_yaml, encoding="utf-8"))
    areas = s["areas"]
    points = {}
    for q in s["questions"]:
        col = f'"{q["id"]}"'
        cell = f"lower(trim({col}))"
        if q["type"] == "yesno":
            points[q["id"]] = f"(CASE WHEN {cell} IN ('ja','yes','1') THEN 100.0 WHEN {cell} IN ('nei','no','0') THEN 0.0 END)"
        elif q["type"] == "scale":
            lo, hi = q["min"], q["max"]
            points[q["id"]] = f"((try_cast({col} AS DOUBLE) - {lo}) / {hi - lo} * 100.0)"
        else:
            cases = " ".join(f"WHEN {quote(str(k).lower())} THEN {v}" for k, v in q["options"].items())
            points[q["id"]] = f"(CASE {cell} {cases} END)"
    wait = "epoch(try_cast(answered_at AS TIMESTAMP) - try_cast(contacted_at AS TIMESTAMP))"
    answered_ok = []
    bracket_cases = []
    for cid, c in s["channels"].items():
        names = [cid] + c.get("aliases", []) + [c.get("name", cid)]
        cond = "lower(channel) IN (" + ",".join(quote(n.lower()) for n in names) + ")"
        answered_ok.append(f"({cond} AND w <= {seconds(c['limit'])})")
        parts = " ".join(f"WHEN w <= {seconds(b)} THEN {p}" for b, p in c["brackets"])
        factor = s.get("second_attempt_factor", 0.5)
        bracket_cases.append(f"WHEN {cond} THEN (CASE {parts} ELSE 0 END) * (CASE WHEN attempts = '2' THEN {factor} ELSE 1 END)")
    area_exprs = {}
    for a in areas:
        if a.get("kind") == "wait":
            area_exprs[a["id"]] = f"(CASE WHEN ok THEN (CASE {' '.join(bracket_cases)} END) ELSE 0 END)"
            continue
        qs = [q for q in s["questions"] if q["area"] == a["id"]]
        if not qs:
            continue
        num = " + ".join(f"coalesce({points[q['id']]} * {q.get('weight', 1)}, 0)" for q in qs)
        den = " + ".join(f"(CASE WHEN {points[q['id']]} IS NOT NULL THEN {q.get('weight', 1)} ELSE 0 END)" for q in qs)
        area_exprs[a["id"]] = f"(CASE WHEN ok THEN ({num}) / nullif({den}, 0) END)"
    scored = [a for a in areas if a["weight"] > 0 and a["id"] in area_exprs]
    tnum = " + ".join(f"coalesce(\"{a['id']}\" * {a['weight']}, 0)" for a in scored)
    tden = " + ".join(f"(CASE WHEN \"{a['id']}\" IS NOT NULL THEN {a['weight']} ELSE 0 END)" for a in scored)
    inner = f"SELECT *, {wait} AS w FROM inq"
    with_ok = f"SELECT *, (w IS NOT NULL AND ({' OR '.join(answered_ok)})) AS ok FROM ({inner})"
    question_cols = ", ".join(f'(CASE WHEN ok THEN {points[q["id"]]} END) AS "q_{q["id"]}"' for q in s["questions"])
    with_areas = "SELECT id, participant, lower(channel) AS channel, ok, " + ", ".join(f'{e} AS "{k}"' for k, e in area_exprs.items()) + f", {question_cols} FROM ({with_ok})"
    return (f"SELECT *, CASE WHEN ok THEN ({tnum}) / nullif({tden}, 0) ELSE 0 END AS total FROM ({with_areas})",
            [a["id"] for a in areas if a["id"] in area_exprs], [c for c in s["channels"]], [q["id"] for q in s["questions"]])


def timed(fn, runs=RUNS):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def duckdb_bench(path):
    con = duckdb.connect()
    con.execute("PRAGMA threads=2")
    sql, areas, channels, questions = scoring_sql(f"{path}/season.yaml")
    read = timed(lambda: con.execute(f"CREATE OR REPLACE TABLE inq AS SELECT * FROM read_csv('{path}/inquiries.csv', header=true, all_varchar=true)"), max(1, RUNS // 2 + 1))
    con.execute(f"CREATE OR REPLACE TABLE participants AS SELECT * FROM read_csv('{path}/participants.csv', header=true, all_varchar=true)")
    score = timed(lambda: con.execute(f"CREATE OR REPLACE TABLE scored AS {sql}"), max(1, RUNS // 2 + 1))
    q = {}
    q["total by participant"] = timed(lambda: con.execute("SELECT participant, avg(total), count(*) FROM scored GROUP BY 1").fetchall())
    q["areas by channel"] = timed(lambda: con.execute("SELECT channel, " + ", ".join(f'avg("{a}")' for a in areas) + ", count(*) FROM scored GROUP BY 1").fetchall())
    pivot = ", ".join(f"avg(total) FILTER (WHERE channel = {quote(c)})" for c in channels)
    q["total by class across channel"] = timed(lambda: con.execute(f"SELECT p.class, {pivot}, avg(total), count(*) FROM scored s JOIN participants p ON s.participant = p.id GROUP BY 1").fetchall())
    q["questions by channel"] = timed(lambda: con.execute("SELECT channel, " + ", ".join(f'avg("q_{x}"), count("q_{x}")' for x in questions) + " FROM scored GROUP BY 1").fetchall())
    return read, score, q


def main():
    results = {}
    for label, path in SEASONS:
        results[label] = (ksp_bench(path), duckdb_bench(path))
    print("| | " + " | ".join(f"ksp {l}" for l, _ in SEASONS) + " | " + " | ".join(f"DuckDB {l}" for l, _ in SEASONS) + " | ksp/DuckDB 100× |")
    print("|---|" + "---:|" * (2 * len(SEASONS) + 1))

    def fmt(v):
        return f"{v:.2f} ms" if v < 10 else f"{v:.0f} ms"

    ksp_load = [results[l][0]["load+score"] for l, _ in SEASONS]
    duck_load = [results[l][1][0] + results[l][1][1] for l, _ in SEASONS]
    print("| load and score | " + " | ".join(fmt(v) for v in ksp_load) + " | " + " | ".join(fmt(v) for v in duck_load) + f" | {ksp_load[-1] / duck_load[-1]:.2f} |")
    duck_read = [results[l][1][0] for l, _ in SEASONS]
    print("| (DuckDB reading the CSV alone) | | | | " + " | ".join(fmt(v) for v in duck_read) + f" | {ksp_load[-1] / duck_read[-1]:.2f} |")
    for name in results["1×"][0]:
        if name in ("load+score", "peak memory MB"):
            continue
        ks = [results[l][0][name] for l, _ in SEASONS]
        duck = [results[l][1][2].get(name) for l, _ in SEASONS]
        ratio = f"{ks[-1] / duck[-1]:.2f}" if duck[-1] else ""
        dcells = " | ".join(fmt(v) if v is not None else "" for v in duck)
        print(f"| `{name}` | " + " | ".join(fmt(v) for v in ks) + f" | {dcells} | {ratio} |")
    mem = [results[l][0]["peak memory MB"] for l, _ in SEASONS]
    print("| peak memory (ksp-bench process) | " + " | ".join(f"{m:.0f} MB" for m in mem) + " | | | | |")


if __name__ == "__main__":
    main()
