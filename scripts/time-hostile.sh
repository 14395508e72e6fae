#!/usr/bin/env bash
# Times `redflag scan`, `lint` and `dossier` on the folders of scripts/hostile-notes.py: one line per
# input and command with exit status, wall, user and system seconds, peak RSS (KB), stdout bytes.
#   scripts/time-hostile.sh [BIN] [DIR] [TIMEOUT]
BIN="${1:-.build/release/redflag}"; DIR="${2:-hostile-notes}"; LIMIT="${3:-25}"
for folder in "$DIR"/*/; do
  name=$(basename "$folder"); size=$(stat -c %s "$folder/acme.md")
  for command in scan lint dossier; do
    case $command in
      scan) args=(scan "$folder") ;;
      lint) args=(lint "$folder" --as-of 2026-11-29) ;;
      dossier) args=(dossier acme --notes "$folder" --as-of 2026-11-29) ;;
    esac
    stats=$( { /usr/bin/time -f "%e %U %S %M" timeout "$LIMIT" "$BIN" "${args[@]}" > /tmp/time-hostile.out 2>/tmp/time-hostile.err; echo "exit=$?"; } 2>&1 )
    echo "$name $size $command ${stats//$'\n'/ } wall/user/sys/KB=$(tail -1 /tmp/time-hostile.err) out=$(stat -c %s /tmp/time-hostile.out)"
  done
done
