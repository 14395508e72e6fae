#!/usr/bin/env python3
"""Writes the entries of `redflag scan --format jsonl` (stdin) as a jrnl journal (argv[1]).

One jrnl entry per dated redflag entry, in date order: `[YYYY-MM-DD HH:MM] client: text`, the
entry's canonical tags appended as `#name` so that `jrnl '#late'` finds what `redflag scan --tag
late` finds. Undated entries have no place in jrnl and are left out.
"""
import json
import sys

entries = []
for line in sys.stdin:
    entry = json.loads(line)
    if not entry.get("date"):
        continue
    names = []
    for tag in entry["tags"]:
        if tag["name"] not in names:
            names.append(tag["name"])
    text = " ".join(entry["text"].split())
    time = entry.get("time") or "09:00"
    entries.append((entry["date"], time, entry["client"], text, names))
entries.sort()
with open(sys.argv[1], "w", encoding="utf-8") as journal:
    for date, time, client, text, names in entries:
        # Tags the text does not already show (inherited from a heading or front matter, or an alias).
        tags = "".join(" #" + name for name in names if "#" + name not in text.split())
        journal.write(f"[{date} {time}] {client}: {text}{tags}\n\n")
