#!/usr/bin/env bash
# `make install-check`: installs redflag into a temporary prefix (make install PREFIX=...), checks
# the binary, its stamped version, the man page (rendered by man from the prefix's MANPATH) and the
# completions, then `make uninstall` and checks that the prefix holds no file any more.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d "${TMPDIR:-/tmp}/redflag-prefix.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install-check: $*" >&2; exit 1; }

make --no-print-directory install PREFIX="$prefix" >/dev/null
for file in bin/redflag share/man/man1/redflag.1 share/bash-completion/completions/redflag \
    share/zsh/site-functions/_redflag share/fish/vendor_completions.d/redflag.fish; do
    [[ -s "$prefix/$file" ]] || fail "missing or empty after install: $file"
done

expected=$(scripts/stamp-version.sh)
version=$("$prefix/bin/redflag" --version)
[[ "$version" == "$expected" ]] || fail "--version says '$version', git describe says '$expected'"

# `man redflag` as a user with the prefix on MANPATH: it must find the page and render it.
# (Overstrike bold and underline, if any, are taken out with sed: no dependency on col.)
page=$(MANPATH="$prefix/share/man" MANWIDTH=80 man -P cat redflag 2>&1 | sed 's/.\x08//g') \
    || fail "man redflag failed: $page"
for text in "REDFLAG(1)" "NAME" "redflag" "SYNOPSIS" "triage" "log" "diff"; do
    grep -q -- "$text" <<<"$page" || fail "man redflag: '$text' not in the rendered page"
done
man -l "$prefix/share/man/man1/redflag.1" >/dev/null 2>&1 || fail "man -l cannot render the page"
grep -q -- "--as-of" <<<"$(bash -c "source '$prefix/share/bash-completion/completions/redflag'; complete -p redflag" 2>&1; cat "$prefix/share/bash-completion/completions/redflag")" \
    || fail "the bash completion does not know --as-of"

make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -type f)
[[ -z "$left" ]] || fail "left after uninstall: $left"
echo "install-check: installed into $prefix, version $version, man page renders, uninstall leaves no file"
