#!/usr/bin/env python3
"""Writes the hostile notes folders of issue 9 (one client file each) under OUT, for timing
`redflag scan|lint|dossier` on them (see scripts/time-hostile.sh). Nothing here is committed data:
every folder is generated.

    scripts/hostile-notes.py OUT
"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "hostile-notes"
head = "## 2026-01-05 call\nClient shouted at me #abuse\n\n"


def write(name, data):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "acme.md"), "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode())


write("lone-cr", (head + "## 2026-01-06\nHe lied again #lie\n\n- 2026-01-07 late #late\n").replace("\n", "\r"))
write("mixed", "## 2026-01-05 call\r\nShouted #abuse\r\n\r\n## 2026-01-06\rLied #lie\r\r## 2026-01-07\nLate #late\n\n"
      "- 2026-01-08 #dispute\r- 2026-01-09 #legal\n")
random.seed(9)
write("binary", bytes(random.getrandbits(8) for _ in range(200000)))
write("images", head + "![[]()" * 160000)
write("quote-emph", head + ">" * 100000 + "a*" * 100000)
write("list-blank", head + "- " * 30000 + "a\n" + "\n" * 30000)
write("quoted-list-blank", head + "> " + "- " * 10000 + "a\n" + ">\n" * 30000)
write("refs", head + "".join("[%s%d]: /u\n" % ("a" * (i % 50), i) for i in range(5000)) + "\n2026-01-06 #lie\n")
write("long-tag", head + "2026-01-06 #" + "a" * 1000000 + "\n")
bomb = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
    "a%d: &a%d [%s]" % (level, level, ", ".join(["*a%d" % (level - 1)] * 9)) for level in range(1, 10)]
write("alias-bomb", "---\n" + "\n".join(bomb) + "\n---\n" + head)
for megabytes in (5, 10, 20, 50):
    entry = "## 2025-03-%02d Call %d\nThey asked for *more* work, see [mail](http://x/%d) #changed-mind\n\n" \
            "- 2025-03-%02d paid late #late\n\n"
    text, index = [], 0
    size = 0
    while size < megabytes * 1000000:
        chunk = entry % (1 + index % 28, index, index, 1 + index % 28)
        text.append(chunk)
        size += len(chunk)
        index += 1
    write("big-%d" % megabytes, "".join(text))
