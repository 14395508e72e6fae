#!/usr/bin/env python3
"""Build train-batch3.jsonl from the hand-written blocks in src/en.txt and src/ru.txt, then validate.

Block format (one block per entry):
    === <tags comma-separated, or -> | <kind> | <voice>
    <text line 1>
    <text line 2 ...>
Text lines run until the next "===" header; trailing blank lines are stripped.
"""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "train-batch3.jsonl")
SIGNS = {"abuse", "lie", "unreasonable", "late", "dispute", "changed-mind",
         "ignored-advice", "competitor", "legal"}
NEG_KINDS = {"near-miss", "negation", "hypothetical", "someone-else", "own-mistake", "everyday"}
KINDS = NEG_KINDS | {"incident"}
TAG_RE = re.compile(r"(?<![\w&])#[^\s\d#]")   # a hashtag such as #late / #лож; "№47" and "#3" are not tags
WORD_RE = re.compile(r"[\w][\w'’./:%$€£₽-]*", re.UNICODE)


def parse(path, lang):
    entries, cur, errors = [], None, []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.startswith("=== "):
                if cur:
                    entries.append(cur)
                parts = [p.strip() for p in line[4:].split("|")]
                if len(parts) != 3:
                    errors.append(f"{path}:{n}: bad header {line!r}")
                    cur = None
                    continue
                tags = [] if parts[0] == "-" else [t.strip() for t in parts[0].split(",")]
                cur = {"text": [], "lang": lang, "tags": tags, "kind": parts[1], "voice": parts[2],
                       "_where": f"{os.path.basename(path)}:{n}"}
            elif cur is not None:
                cur["text"].append(line)
            elif line.strip():
                errors.append(f"{path}:{n}: text before first header")
    if cur:
        entries.append(cur)
    for e in entries:
        while e["text"] and not e["text"][-1].strip():
            e["text"].pop()
        e["text"] = "\n".join(e["text"]).strip()
    return entries, errors


def words(text):
    return WORD_RE.findall(text)


def validate(entries):
    errors, seen = [], {}
    for e in entries:
        w = e["_where"]
        if not e["text"]:
            errors.append(f"{w}: empty text")
        if TAG_RE.search(e["text"]):
            errors.append(f"{w}: hashtag inside text")
        if e["lang"] not in ("en", "ru"):
            errors.append(f"{w}: bad lang")
        if e["kind"] not in KINDS:
            errors.append(f"{w}: bad kind {e['kind']}")
        if not (1 <= len(e["tags"]) <= 2) if e["kind"] == "incident" else e["tags"]:
            errors.append(f"{w}: tags/kind mismatch {e['tags']} {e['kind']}")
        for t in e["tags"]:
            if t not in SIGNS:
                errors.append(f"{w}: unknown tag {t}")
        if len(set(e["tags"])) != len(e["tags"]):
            errors.append(f"{w}: repeated tag")
        if not re.fullmatch(r"[a-z-]{2,20}", e["voice"]):
            errors.append(f"{w}: bad voice {e['voice']!r}")
        key = re.sub(r"\s+", " ", e["text"].lower())
        if key in seen:
            errors.append(f"{w}: duplicate of {seen[key]}")
        seen[key] = w
    return errors


def table(rows, header):
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    fmt = "| " + " | ".join("{:<%d}" % x for x in widths) + " |"
    out = [fmt.format(*header), "|" + "|".join("-" * (x + 2) for x in widths) + "|"]
    out += [fmt.format(*r) for r in rows]
    return "\n".join(out)


def main():
    entries, errors = [], []
    for lang in ("en", "ru"):
        e, err = parse(os.path.join(HERE, f"{lang}.txt"), lang)
        entries += e
        errors += err
    errors += validate(entries)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as fh:
        for e in entries:
            rec = {k: e[k] for k in ("text", "lang", "tags", "kind", "voice")}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # re-read the written file and validate it independently of the parser
    recs = []
    with open(OUT, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            r = json.loads(line)
            assert set(r) == {"text", "lang", "tags", "kind", "voice"}, n
            assert isinstance(r["text"], str) and isinstance(r["tags"], list), n
            assert "\\n" not in r["text"], f"literal backslash-n at line {n}"
            recs.append(r)
    assert len({r["text"] for r in recs}) == len(recs), "duplicate texts"

    langs = ("en", "ru")
    def cnt(pred):
        return [sum(1 for r in recs if r["lang"] == l and pred(r)) for l in langs]

    rows = []
    for s in ["legal", "abuse", "competitor", "lie", "unreasonable", "late", "dispute",
              "changed-mind", "ignored-advice"]:
        c = cnt(lambda r, s=s: r["tags"][:1] == [s])
        rows.append([s, *c, sum(c)])
    c = cnt(lambda r: r["kind"] == "incident"); rows.append(["**all incidents**", *c, sum(c)])
    c = cnt(lambda r: r["kind"] == "incident" and 4 <= len(words(r["text"])) <= 10)
    rows.append(["short incidents (4-10 words)", *c, sum(c)])
    c = cnt(lambda r: len(r["tags"]) == 2); rows.append(["two tags", *c, sum(c)])
    print("Incidents by (first) tag\n" + table(rows, ["tag", "en", "ru", "total"]))

    rows = []
    for k in ["someone-else", "own-mistake"]:
        c = cnt(lambda r, k=k: r["kind"] == k); rows.append([k, *c, sum(c)])
    c = cnt(lambda r: r["kind"] == "near-miss" and r["voice"] == "pasted")
    rows.append(["near-miss: pasted social/marketing text", *c, sum(c)])
    c = cnt(lambda r: r["kind"] == "near-miss" and r["voice"] != "pasted")
    rows.append(["near-miss: legal/abuse/competitor vocabulary", *c, sum(c)])
    c = cnt(lambda r: r["kind"] != "incident"); rows.append(["**all negatives (tags [])**", *c, sum(c)])
    c = cnt(lambda r: True); rows.append(["**total**", *c, sum(c)])
    print("\nHard negatives by kind\n" + table(rows, ["kind", "en", "ru", "total"]))

    vc = collections.Counter((r["voice"], r["lang"]) for r in recs)
    voices = sorted({v for v, _ in vc}, key=lambda v: -(vc[(v, "en")] + vc[(v, "ru")]))
    rows = [[v, vc[(v, "en")], vc[(v, "ru")], vc[(v, "en")] + vc[(v, "ru")]] for v in voices]
    print("\nVoices\n" + table(rows, ["voice", "en", "ru", "total"]))

    # soft check: incidents that contain their own sign's name
    names = {"lie": r"\b(lie|lied|lying|liar)\b|лж|врал|вран", "late": r"\blate\b|опозд",
             "legal": r"\blegal|illegal|юрид|незакон", "abuse": r"\babus|оскорб",
             "dispute": r"\bdisput|оспари", "competitor": r"\bcompetit|конкурент"}
    hits = [r["text"][:60] for r in recs if r["kind"] == "incident"
            and any(re.search(names[t], r["text"], re.I) for t in r["tags"] if t in names)]
    print(f"\nincidents naming their own sign: {len(hits)}")
    for h in hits:
        print("  -", h)
    print(f"\nOK: {len(recs)} entries written to {OUT}")


if __name__ == "__main__":
    main()
