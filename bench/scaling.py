#!/usr/bin/env python3
"""Scaling test: doubling goals, measures or findings at most doubles `check` time.

    bench/scaling.py [--binary PATH] [--max 100000] [--runs 3] [--limit 2.5]

For each kind it writes inputs of 12,500, 25,000, 50,000 and 100,000 entries
(--max sets the largest), times `strategiekit check` on each (the CPU time,
user + system, that the check took, the least of --runs, with the findings
printed as by default, to /dev/null), prints a table, and exits 1 when one
doubling takes more than --limit times as long (2 is linear; the limit leaves
room for what the memory of a larger file costs the kernel). CPU time, not
wall time, and the least of a few runs: other work on the machine then
changes the figures little. Inputs go to bench/work/scaling/.

Kinds: goals (a chain of parents: the cycle check), measures (clean ones),
warnings (measures without lead, budget and priority: three warnings each),
errors (every goal's parent, every measure's field and goal unknown).
"""
import argparse
import pathlib
import resource
import subprocess
import sys
import time

HEAD = """schema_version = 1
[municipality]
name = "Musterstadt"
kind = "city"
state = "Bayern"
[document]
date = 2026-11-22
review_months = 24
[vision]
vision = "Musterstadt nutzt Digitalisierung für ein gutes Leben aller."
[[actors]]
name = "Ausschuss für Digitalisierung"
group = "politics"
committee = true
[[goals]]
id = "Z1"
title = "Verwaltung digital"
[[fields]]
id = "administration"
goals = ["Z1"]
"""


def entries(kind: str, i: int) -> str:
    if kind == "goals":
        return f'[[goals]]\nid = "G{i}"\ntitle = "Ziel {i}"\nparent = "{"Z1" if i == 0 else f"G{i - 1}"}"\n'
    measure = f'[[measures]]\nid = "M{i}"\ntitle = "Maßnahme {i}"\n'
    if kind == "measures":
        return measure + 'field = "administration"\ngoals = ["Z1"]\nlead = "Amt"\nbudget_eur = 1000\npriority = "high"\n'
    if kind == "warnings":
        return measure + 'field = "administration"\ngoals = ["Z1"]\n'
    if kind == "errors":
        goal = f'[[goals]]\nid = "G{i}"\ntitle = "Ziel {i}"\nparent = "X{i}"\n'
        return goal + measure + f'field = "administraton"\ngoals = ["Y{i}"]\n'
    raise ValueError(kind)


def write(path: pathlib.Path, kind: str, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(HEAD)
        for i in range(n):
            f.write(entries(kind, i))


def timed(binary: str, path: pathlib.Path, runs: int) -> float:
    """The least CPU time (user + system) of `runs` checks of `path`, in seconds."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([binary, "check", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--binary", default="target/release/strategiekit")
    args.add_argument("--max", type=int, default=100_000)
    args.add_argument("--runs", type=int, default=3)
    args.add_argument("--limit", type=float, default=2.5)
    a = args.parse_args()
    work = pathlib.Path("bench/work/scaling")
    work.mkdir(parents=True, exist_ok=True)
    sizes = [a.max // 8, a.max // 4, a.max // 2, a.max]
    failed = []
    print("| kind | " + " | ".join(f"{n:,}" for n in sizes) + " | worst doubling |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for kind in ["goals", "measures", "warnings", "errors"]:
        seconds = []
        for n in sizes:
            path = work / f"{kind}-{n}.toml"
            write(path, kind, n)
            seconds.append(timed(a.binary, path, a.runs))
            path.unlink()
        ratios = [b / a_ for a_, b in zip(seconds, seconds[1:])]
        worst = max(ratios)
        cells = " | ".join(f"{s:.2f} s" for s in seconds)
        print(f"| {kind} | {cells} | {worst:.2f}× |", flush=True)
        if worst > a.limit:
            failed.append(f"{kind}: a doubling took {worst:.2f} times as long (limit {a.limit})")
    for f in failed:
        print(f"scaling: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
