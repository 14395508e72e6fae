#!/usr/bin/env bash
# Installs what redflag needs to build (libcmark-dev, pkg-config) and, with --test, what its
# tests need (chromium for the real-browser tests, python3 for the corpus generator).
# Installs with apt-get when run as root; otherwise says exactly what to install.
set -euo pipefail

packages=(libcmark-dev pkg-config)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(chromium python3)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

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
