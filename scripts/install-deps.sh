#!/usr/bin/env bash
# Installs what redflag needs to build (libcmark-dev, libstemmer-dev, pkg-config) and, with --test, what its
# tests need (chromium for the real-browser tests, python3 for the corpus generator, Python's
# jsonschema for the SARIF schema test, man-db and groff-base for `make install-check`, which
# renders the installed man page).
# With --bench, what `make bench` needs: hyperfine, the cmark CLI, ripgrep, GNU time and python3-venv (the
# benchmark installs jrnl from PyPI into its own virtual environment, Benchmarks/run.sh).
# Installs with apt-get when run as root; otherwise says exactly what to install.
set -euo pipefail

# The SARIF schema test runs `python3` from PATH with the jsonschema module (from PyPI).
install_jsonschema() {
    if python3 -c 'import jsonschema' >/dev/null 2>&1; then return 0; fi
    if ! python3 -m pip --version >/dev/null 2>&1; then
        echo "The tests need Python's jsonschema, and pip is missing for $(command -v python3)." >&2
        echo "Install pip (Debian: apt-get install python3-pip), then: python3 -m pip install jsonschema" >&2
        exit 1
    fi
    echo "Installing jsonschema (PyPI) ..." >&2
    if python3 -m pip install --quiet jsonschema; then return 0; fi
    # Debian's own python3 is "externally managed" (PEP 668): its packaged jsonschema serves.
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 && [[ $(command -v python3) == /usr/bin/* ]]; then
        echo "pip refused; installing Debian's python3-jsonschema instead ..." >&2
        apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null && return 0
    fi
    echo "Could not install jsonschema for $(command -v python3): run  python3 -m pip install jsonschema" >&2
    exit 1
}

packages=(libcmark-dev libstemmer-dev pkg-config)
case "${1:-}" in
--test) packages+=(chromium python3 man-db groff-base git) ;;
--bench) packages+=(hyperfine cmark ripgrep time python3 python3-venv git) ;;
esac

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    [[ "${1:-}" == "--test" ]] && install_jsonschema
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo "$0" "$@"
    fi
    echo "redflag needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "No apt-get here. Install the equivalent of: ${missing[*]} (libcmark 0.30 with headers and pkg-config file)" >&2
    exit 1
fi
echo "Installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
[[ "${1:-}" == "--test" ]] && install_jsonschema
exit 0
