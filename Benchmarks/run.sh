#!/usr/bin/env bash
# Times redflag against the cmark CLI on the same bytes of a generated corpus.
#   Benchmarks/run.sh [SIZE_MB] [CLIENTS]      (default: 20 MB, 300 clients)
# Needs hyperfine and cmark (Debian packages); builds redflag in release first.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-20}
clients=${2:-300}
for tool in hyperfine cmark python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y hyperfine cmark python3" >&2; exit 1; }
done
swift build -c release --product redflag >/dev/null
bin=.build/release/redflag
work=.build-bench/corpus-${size}mb
if [[ ! -d $work ]]; then
    mkdir -p .build-bench
    python3 scripts/gencorpus.py --out "$work" --clients "$clients" --size-mb "$size"
fi
find "$work" -name '*.md' | sort > .build-bench/files.txt
xargs cat < .build-bench/files.txt > .build-bench/all.md
echo "corpus: $(wc -l < .build-bench/files.txt) files, $(du -sh .build-bench/all.md | cut -f1)"
hyperfine --warmup 1 --runs "${RUNS:-5}" -N \
    "$bin tags $work" \
    "$bin scan $work --format jsonl" \
    "$bin triage $work --as-of 2026-11-29" \
    "cmark .build-bench/all.md"
for command in "tags $work" "scan $work --format jsonl"; do
    /usr/bin/time -f "max RSS %M KB: redflag $command" $bin $command >/dev/null 2>.build-bench/time.txt || true
    tail -n 1 .build-bench/time.txt
done
