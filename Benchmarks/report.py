#!/usr/bin/env python3
"""Turns the results of Benchmarks/run.sh into BENCHMARKS.md (printed on stdout).

Every time is the median of one hyperfine run and is shown as a ratio to the cmark CLI line of the
same run (the machines are shared and noisy: ratios travel, absolute times do not), with the goal of
issue 8 beside it. The goals are stated for the ~100 MB corpus; smaller corpora show the same goal
for reference. Benchmarks/analysis.md (hand-written: profiles, what would close each gap) is
appended as it is.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess


def sh(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


# (name prefix, kind, limit): kind "ratio" = median / cmark line, "ms" = median in milliseconds.
GOALS = [
    ("scan --format jsonl --jobs 1", "ratio", 0.8),
    ("scan --format jsonl (warm cache)", None, None),
    ("scan --format jsonl", "ratio", 0.45),
    ("tags (warm cache)", None, None),
    ("tags", "ratio", 0.45),
    ("triage (warm cache)", "ms", 100),
    ("triage", "ratio", 0.5),
    ("site (warm cache)", None, None),
    ("site", "ratio", 0.5),
    ("lint (warm cache)", "ms", 100),
    ("lint", "ratio", 0.6),
    ("dossier", "ms", 30),
]
RSS_GOALS = {"scan --format jsonl": 64, "tags": 64, "lint": 64, "triage": 64, "site": 64}


def goal_for(name):
    for prefix, kind, limit in GOALS:
        if name.startswith(prefix):
            return kind, limit
    return None, None


def rss_goal_for(name):
    if "warm cache" in name or "--jobs 1" in name:
        return None
    for prefix, limit in RSS_GOALS.items():
        if name == prefix:
            return limit
    return None


def verdict(ok):
    return "met" if ok else "**missed**"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--load-before", default="")
    parser.add_argument("--load-after", default="")
    args = parser.parse_args()

    print("# Benchmarks\n")
    print("Written by `make bench` (Benchmarks/run.sh, Benchmarks/report.py); do not edit by hand, edit")
    print("Benchmarks/analysis.md. Times are medians of one hyperfine run per corpus; **ratio** is the median over")
    print("the `cmark` CLI line of the same run (`cat` of every file piped to `cmark --to xml`), as the goals are.")
    print("Goals are those of issue 8, stated for the ~100 MB corpus. Peak RSS from `/usr/bin/time -v`, one run.")
    print("On a loaded machine wall times swing; **CPU** (user + system seconds, mean of the runs, all threads)")
    print("and its ratio to the cmark line's CPU are steadier, so both are shown.\n")
    print("## Machine\n")
    cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
    memory = sh("awk '/MemTotal/ {printf \"%.1f GB\", $2/1048576}' /proc/meminfo")
    print(f"- {cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} {platform.release()}")
    print(f"- {sh('swift --version 2>&1 | head -n 1')}; {sh('cmark --version | head -n 1')}; "
          f"{sh('hyperfine --version')}; {sh('rg --version | head -n 1')}; {sh(os.environ.get('JRNL', 'jrnl') + ' --version | head -n 1')}")
    built = os.path.join(args.scratch, "commit.txt")
    commit = open(built).read().strip() if os.path.exists(built) else sh('git rev-parse --short HEAD')
    print(f"- redflag built at `{commit}`, report written "
          f"{datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
    print(f"- load average (1, 5, 15 min) before: {args.load_before}; after: {args.load_after}. The machine is "
          "shared with other engineers who compile: read the ratios, not the seconds.\n")

    medians = {}
    for size in args.sizes.split():
        folder = os.path.join(args.scratch, f"results-{size}mb")
        path = os.path.join(folder, "hyperfine.json")
        if not os.path.exists(path):
            continue
        with open(path) as handle:
            results = json.load(handle)["results"]
        rss = {}
        with open(os.path.join(folder, "rss.tsv")) as handle:
            for line in handle:
                name, _, kb = line.rstrip("\n").partition("\t")
                rss[name] = int(kb) / 1024 if kb.isdigit() else None
        with open(os.path.join(folder, "files.txt")) as handle:
            files = [line.strip() for line in handle if line.strip()]
        size_bytes = sum(os.path.getsize(file) for file in files)
        cmark = next(r["median"] for r in results if r["command"].startswith("cmark CLI"))
        floor = next(r["median"] for r in results if r["command"].startswith("cmark-floor"))
        medians[size] = {r["command"]: r["median"] for r in results}
        print(f"## ~{size} MB: {len(files):,} files, {size_bytes / 1e6:.1f} MB\n")
        cmark_cpu = next(r["user"] + r["system"] for r in results if r["command"].startswith("cmark CLI"))
        print("| command | median | ratio to cmark | goal | CPU (user+sys) | CPU ratio | peak RSS | RSS goal |")
        print("|---|---:|---:|---|---:|---:|---:|---|")
        jrnl = next((r["median"] for r in results if r["command"].startswith("jrnl")), None)
        for result in results:
            name = result["command"]
            median = result["median"]
            ratio = median / cmark
            kind, limit = goal_for(name)
            if name.startswith("scan --format jsonl") and "warm" not in name and "--jobs" not in name:
                goal = f"≤ 0.45× (≤ 1.3× floor: {median / floor:.2f}×) {verdict(ratio <= 0.45)}"
            elif kind == "ratio":
                goal = f"≤ {limit}× {verdict(ratio <= limit)}"
            elif kind == "ms":
                goal = f"≤ {limit} ms {verdict(median * 1000 <= limit)}"
            elif name.startswith("scan --tag late") and jrnl:
                goal = f"≥ 20× faster than jrnl: {jrnl / median:.0f}× {verdict(jrnl / median >= 20)}"
            else:
                goal = ""
            memory = rss.get(name)
            rss_limit = rss_goal_for(name)
            rss_text = f"{memory:.0f} MB" if memory is not None else "?"
            rss_goal = f"≤ {rss_limit} MB {verdict(memory is not None and memory <= rss_limit)}" if rss_limit else ""
            time_text = f"{median * 1000:.0f} ms" if median < 1 else f"{median:.2f} s"
            shown = name.replace("|", "\\|")
            cpu = result["user"] + result["system"]
            print(
                f"| {shown} | {time_text} | {ratio:.2f}× | {goal} | {cpu:.2f} s | {cpu / cmark_cpu:.2f}× "
                f"| {rss_text} | {rss_goal} |")
        print()

    if "20" in medians and "100" in medians:
        print("## Growth: the ~100 MB corpus over the ~20 MB one (goal ≤ 5.5×)\n")
        print("| command | 100 MB / 20 MB |")
        print("|---|---:|")
        for name, median in medians["100"].items():
            if name in medians["20"] and not name.startswith(("cmark", "rg", "jrnl", "dossier")):
                growth = median / medians["20"][name]
                shown = name.replace("|", "\\|")
                print(f"| {shown} | {growth:.2f}× {verdict(growth <= 5.5)} |")
        print()
    if "1" in medians:
        print("## 1 MB (goal ≤ 25 ms)\n")
        for name in ("scan --format jsonl", "tags"):
            if name in medians["1"]:
                ms = medians["1"][name] * 1000
                print(f"- `{name}`: {ms:.0f} ms, {verdict(ms <= 25)}")
        print()
    analysis = os.path.join(os.path.dirname(os.path.abspath(__file__)), "analysis.md")
    if os.path.exists(analysis):
        with open(analysis) as handle:
            print(handle.read().rstrip())


if __name__ == "__main__":
    main()
