#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/RedflagFuzz) with -sanitize=fuzzer,address and runs it over the
# seed corpus for SECONDS seconds (default 60). Findings (crash-*, timeout-*, leak-*, oom-*) go to
# Fuzz/findings/ and make the script fail; new interesting inputs go to Fuzz/.corpus (not committed).
#
#   Fuzz/run.sh [SECONDS]          # what `make fuzz SECONDS=N` and CI run
#   Fuzz/run.sh --build-only       # build, do not run
#   Fuzz/run.sh --reproduce FILE   # run one input (a finding) through the target
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TO_RUN=60
MODE=run
case "${1:-}" in
  --build-only) MODE=build ;;
  --reproduce) MODE=reproduce; INPUT="${2:?give the input file}" ;;
  "") ;;
  *) SECONDS_TO_RUN="$1" ;;
esac

SCRATCH="${REDFLAG_FUZZ_BUILD:-.build-fuzz}"
export REDFLAG_FUZZ=1
swift build --scratch-path "$SCRATCH" --product RedflagFuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
BIN="$(swift build --scratch-path "$SCRATCH" --product RedflagFuzz --show-bin-path \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)/RedflagFuzz"
[ "$MODE" = build ] && { echo "$BIN"; exit 0; }

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"
if [ "$MODE" = reproduce ]; then
  exec "$BIN" -timeout=10 -rss_limit_mb=4096 "$INPUT"
fi

mkdir -p Fuzz/.corpus Fuzz/findings
# -timeout: one input may take at most 10 s (the goal is 1 s for 1 MB in a release build; this
# build is unoptimised and instrumented). -max_len: inputs up to 64 KiB.
"$BIN" Fuzz/.corpus Fuzz/Corpus \
  -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix=Fuzz/findings/ -print_final_stats=1 -jobs=1 -workers=1 \
  ${REDFLAG_FUZZ_FLAGS:-}
[ -f fuzz-0.log ] && tail -n 15 fuzz-0.log >&2
if compgen -G "Fuzz/findings/*" > /dev/null; then
  echo "fuzz: findings in Fuzz/findings/ (reproduce with Fuzz/run.sh --reproduce FILE)" >&2
  exit 1
fi
echo "fuzz: no finding in ${SECONDS_TO_RUN} s"
