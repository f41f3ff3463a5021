#!/usr/bin/env python3
"""Prints bench/results/summary.md from the files bench/run writes (standard library only).

    bench/summarize.py RESULTS_DIR STRATEGIEKIT_BINARY BATCH_FILES
"""

import json
import os
import platform
import re
import subprocess
import sys

TARGETS = {"ref": 30.0, "big": 50.0}  # pandoc time / strategiekit time, from issue 4
MEMORY_TARGET_MIB = 20.0
BATCH_GOAL_S = 5.45  # seconds per 1,000 files: 11,000 files in under 60 s (issue 10)


def hyperfine(path):
    """{command name: result} of a hyperfine JSON export."""
    with open(path) as fh:
        return {r["command"]: r for r in json.load(fh)["results"]}


def secs(r):
    return f"{r['mean']:.3f} ± {r['stddev']:.3f}" if r["mean"] < 10 else f"{r['mean']:.2f} ± {r['stddev']:.2f}"


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return "?"


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as fh:
        mem_kib = int(fh.readline().split()[1])
    load = open("/proc/loadavg").read().split()[:3]
    return (f"{os.cpu_count()} cores ({cpu}), {mem_kib / 1024 / 1024:.0f} GiB RAM, "
            f"Linux {platform.release()}; load average at the end {' '.join(load)}")


def main():
    results, binary, batch_files = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out = []
    w = out.append
    ok = lambda b: "yes" if b else "**no**"  # noqa: E731

    w("# Benchmark results\n")
    w(f"Machine: {machine()}.  ")
    w(f"{tool_version([binary, '--version'])} (release build), {tool_version(['pandoc', '--version'])}, "
      f"{tool_version(['hyperfine', '--version'])}.  ")
    sizes = {n: os.path.getsize(os.path.join(os.path.dirname(results.rstrip('/')), "work", "md", f"{n}.md"))
             for n in ("ref", "big")}
    w(f"Workloads (bench/workload.py): **ref** = 10 fields × 8 measures, Markdown {sizes['ref'] / 1024:.0f} KiB; "
      f"**big** = 50 fields × 40 measures, Markdown {sizes['big'] / 1024 / 1024:.2f} MiB.\n")

    w("## Speed: strategiekit (md + docx + html) vs pandoc (md → docx)\n")
    w("| workload | strategiekit [s] | pandoc [s] | ratio pandoc / strategiekit | target | met |")
    w("|---|---:|---:|---:|---:|:-:|")
    ratios = {}
    pandoc_mean = {}
    for name in ("ref", "big"):
        r = hyperfine(os.path.join(results, f"{name}.json"))
        sk, pd = r[f"strategiekit {name}"], r[f"pandoc {name}"]
        ratios[name] = pd["mean"] / sk["mean"]
        pandoc_mean[name] = pd["mean"]
        w(f"| {name} | {secs(sk)} | {secs(pd)} | **{ratios[name]:.1f}×** | ≥ {TARGETS[name]:.0f}× | "
          f"{ok(ratios[name] >= TARGETS[name])} |")
    w("\nMeans ± standard deviation of one hyperfine run per workload that holds both commands.\n")

    mem = {}
    with open(os.path.join(results, "memory.txt")) as fh:
        for line in fh:
            k, v = line.split()
            mem[k] = int(v) / 1024
    w("## Peak memory (maximum resident set size, /usr/bin/time -v)\n")
    w("| workload | strategiekit [MiB] | pandoc [MiB] | target (strategiekit, ref) | met |")
    w("|---|---:|---:|---:|:-:|")
    w(f"| ref | {mem['strategiekit_ref_kib']:.1f} | {mem['pandoc_ref_kib']:.1f} | ≤ {MEMORY_TARGET_MIB:.0f} MiB | "
      f"{ok(mem['strategiekit_ref_kib'] <= MEMORY_TARGET_MIB)} |")
    w(f"| big | {mem['strategiekit_big_kib']:.1f} | {mem['pandoc_big_kib']:.1f} | | |\n")

    b = hyperfine(os.path.join(results, "batch.json"))
    par = b[f"batch {batch_files} files"]
    one = b[f"batch {batch_files} files, RAYON_NUM_THREADS=1"]
    t = open(os.path.join(results, "batch-time.txt")).read()
    fields = dict(line.strip().rsplit(": ", 1) for line in t.splitlines() if ": " in line)
    grab = lambda key: next(v for k, v in fields.items() if k.startswith(key))  # noqa: E731
    user, system, cpu, wall = float(grab("User time")), float(grab("System time")), grab("Percent of CPU"), grab("Elapsed")
    cpu_pct = int(cpu.rstrip("%"))
    batch_mib = int(grab("Maximum resident")) / 1024
    w(f"## Batch: {batch_files} ref-size files in one `build` call (md + docx + html)\n")
    w("| | wall [s] | per file [ms] |")
    w("|---|---:|---:|")
    w(f"| all cores | {secs(par)} | {par['mean'] / batch_files * 1000:.1f} |")
    w(f"| RAYON_NUM_THREADS=1 | {secs(one)} | {one['mean'] / batch_files * 1000:.1f} |\n")
    goal = BATCH_GOAL_S * batch_files / 1000
    w(f"Goal: under {goal:.1f} s (11,000 municipalities in under a minute): {ok(par['mean'] < goal)}. "
      f"The same machine runs at different speeds from day to day; to compare runs, the batch took "
      f"**{par['mean'] / pandoc_mean['ref']:.1f} times** as long as pandoc's one conversion of the ref "
      f"Markdown in this run ({pandoc_mean['ref']:.3f} s).\n")
    w(f"Parallel speed-up {one['mean'] / par['mean']:.2f}× on {os.cpu_count()} cores. One more run under "
      f"/usr/bin/time -v: user {user:.2f} s + sys {system:.2f} s over wall {wall} = **CPU {cpu_pct} %** "
      f"(> 100 % means more than one core works): {ok(cpu_pct > 100)}. Peak memory of that run "
      f"**{batch_mib:.1f} MiB** (a batch holds no finished document: at most the ref file's "
      f"{MEMORY_TARGET_MIB:.0f} MiB goal × 2): {ok(batch_mib <= 2 * MEMORY_TARGET_MIB)}.\n")

    w("## In one line\n")
    w(f"ref **{ratios['ref']:.0f}×** faster than pandoc, big **{ratios['big']:.0f}×**, "
      f"peak memory on ref {mem['strategiekit_ref_kib']:.1f} MiB (pandoc {mem['pandoc_ref_kib']:.0f} MiB), "
      f"{batch_files} files in {par['mean']:.2f} s at {cpu_pct} % CPU and {batch_mib:.0f} MiB.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
