#!/usr/bin/env bash
# `make bench`: times redflag against the cmark CLI, the cmark-floor, ripgrep and jrnl on generated
# corpora, records peak memory, and writes BENCHMARKS.md. A developer target, not a test.
#
#   Benchmarks/run.sh                 # corpora of about 1, 20 and 100 MB
#   SIZES="1 20" Benchmarks/run.sh    # fewer corpora; RUNS=N sets hyperfine's runs (default: per size)
#   SKIP='^(site|lint)' Benchmarks/run.sh   # leave out the commands whose names match
#
# Needs hyperfine, cmark, ripgrep, python3, GNU time (/usr/bin/time) (`make bench` installs them:
# scripts/install-deps.sh --bench) and, for the jrnl line, jrnl: the one on PATH, else one installed from
# PyPI into .build-bench/jrnl-venv; if neither works, only the jrnl line is dropped, with a message.
# Everything is written under .build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scratch=$repo/.build-bench
sizes=${SIZES:-1 20 100}
as_of=2026-11-29
mkdir -p "$scratch"

for tool in hyperfine cmark rg python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || {
        echo "missing $tool: apt-get install -y hyperfine cmark ripgrep python3 time" >&2
        exit 1
    }
done

# jrnl (PyPI), the journaling tool the tag query is compared with.
jrnl=$(command -v jrnl || true)
if [[ -z $jrnl ]] && ! [[ -n ${SKIP:-} && "jrnl" =~ $SKIP ]]; then
    venv=$scratch/jrnl-venv
    if [[ ! -x $venv/bin/jrnl ]]; then
        echo "== installing jrnl from PyPI into $venv"
        { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet jrnl; } >&2 ||
            echo "could not install jrnl (python3 -m venv, then pip install jrnl): its line is left out" >&2
    fi
    [[ -x $venv/bin/jrnl ]] && jrnl=$venv/bin/jrnl
fi

echo "== building redflag (release) and the cmark-floor"
swift build -c release --product redflag >/dev/null
bin=$repo/.build/release/redflag
# The commit the binary was built from (the report is written later, when HEAD may have moved).
{ git rev-parse --short HEAD; git diff --quiet HEAD -- Sources Package.swift || echo "+ uncommitted changes"; } \
    | paste -sd' ' >"$scratch/commit.txt"
(cd Benchmarks/cmark-floor && swift build -c release --scratch-path "$scratch/cmark-floor-build" >/dev/null)
floor=$scratch/cmark-floor-build/release/scan
jobs=$(nproc)

# Clients per corpus: about 10 files per client, as in a real practice (gencorpus.py's examples).
clients_for() { case $1 in 1) echo 20 ;; 20) echo 300 ;; 100) echo 1500 ;; *) echo $(($1 * 15)) ;; esac; }
runs_for() { case $1 in 1) echo 10 ;; 20) echo 3 ;; *) echo 1 ;; esac; }
# The peak-memory pass before hyperfine already reads every file once (and fills the cache); the
# largest corpus gets no further warm-up run.
warmup_for() { case $1 in 1 | 20) echo 1 ;; *) echo 0 ;; esac; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for size in $sizes; do
    work=$scratch/corpus-${size}mb
    out=$scratch/results-${size}mb
    if [[ ! -d $work ]]; then
        echo "== generating $work"
        python3 scripts/gencorpus.py --out "$work" --clients "$(clients_for "$size")" --size-mb "$size" \
            --seed redflag >/dev/null
    fi
    rm -rf "$out" && mkdir -p "$out"
    find "$work" -name '*.md' | sort >"$out/files.txt"
    client=$(ls "$work" | sort | head -n 1)
    client=${client%.md}

    # The same entries as a jrnl journal (one entry per dated entry), and its configuration.
    if [[ -n $jrnl ]] && ! [[ -n ${SKIP:-} && "jrnl" =~ $SKIP ]]; then
        "$bin" scan "$work" --format jsonl --no-cache | python3 Benchmarks/jrnl_journal.py "$out/journal.txt"
        cat >"$out/jrnl.yaml" <<EOF
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals: {default: {journal: $out/journal.txt}}
linewrap: 79
tagsymbols: '#'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
EOF
    fi

    cache=$out/cache
    names=()
    commands=()
    # SKIP: a regular expression of command names to leave out (SKIP='^(site|lint|jrnl)' for a quick run).
    add() {
        if [[ -n ${SKIP:-} && $1 =~ $SKIP ]]; then return; fi
        names+=("$1")
        commands+=("$2")
    }
    add "cmark CLI (cat | cmark --to xml)" "xargs -a $out/files.txt cat | cmark --to xml"
    add "cmark-floor --jobs $jobs" "$floor $work --jobs $jobs"
    add "rg -c '#[a-z]'" "rg -c '#[a-z]' $work"
    add "scan --format jsonl" "$bin scan $work --format jsonl --no-cache"
    add "scan --format jsonl --jobs 1" "$bin scan $work --format jsonl --no-cache --jobs 1"
    add "tags" "$bin tags $work --no-cache"
    add "triage" "$bin triage $work --as-of $as_of --no-cache"
    add "site" "$bin site $work --output $out/site --as-of $as_of --no-cache"
    add "lint" "$bin lint $work --as-of $as_of --no-cache"
    add "dossier $client" "$bin dossier $work $client --as-of $as_of --no-cache"
    add "scan --format jsonl (warm cache)" "$bin scan $work --format jsonl --cache-path $cache"
    add "tags (warm cache)" "$bin tags $work --cache-path $cache"
    add "triage (warm cache)" "$bin triage $work --as-of $as_of --cache-path $cache"
    add "site (warm cache)" "$bin site $work --output $out/site --as-of $as_of --cache-path $cache"
    add "lint (warm cache)" "$bin lint $work --as-of $as_of --cache-path $cache"
    add "dossier $client (warm cache)" "$bin dossier $work $client --as-of $as_of --cache-path $cache"
    add "scan --tag late --format json" "$bin scan $work --tag late --format json --no-cache"
    if [[ -f $out/jrnl.yaml ]]; then
        add "jrnl '#late' --format json" "$jrnl --config-file $out/jrnl.yaml '#late' --format json"
    fi

    echo "== $work: $(wc -l <"$out/files.txt") files, $(du -sh --apparent-size "$work" | cut -f1)"
    # Peak memory, one run each (this also warms the cache and checks every command runs: exit 0, or 1
    # for lint findings and notes with errors).
    : >"$out/rss.tsv"
    for index in "${!commands[@]}"; do
        status=0
        /usr/bin/time -v -o "$out/time.txt" bash -c "${commands[$index]}" >/dev/null 2>"$out/stderr.txt" || status=$?
        if ((status > 1)); then
            echo "failed ($status): ${commands[$index]}" >&2
            tail -n 5 "$out/stderr.txt" >&2
            exit 1
        fi
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
        printf '%s\t%s\n' "${names[$index]}" "$kb" >>"$out/rss.tsv"
    done

    arguments=()
    for index in "${!commands[@]}"; do arguments+=(--command-name "${names[$index]}" "${commands[$index]}"); done
    hyperfine --warmup "$(warmup_for "$size")" --runs "${RUNS:-$(runs_for "$size")}" --ignore-failure --style basic \
        --export-json "$out/hyperfine.json" "${arguments[@]}"
    printf '%s\n' "$work" >"$out/corpus.txt"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

JRNL=${jrnl:-jrnl} python3 Benchmarks/report.py --scratch "$scratch" --sizes "$sizes" --load-before "$load_before" \
    --load-after "$load_after" >BENCHMARKS.md
echo "== wrote BENCHMARKS.md"
