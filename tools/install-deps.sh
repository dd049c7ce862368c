#!/usr/bin/env bash
# Installs the Debian 12 packages mgoc needs, and only those that are missing.
set -euo pipefail
packages=(llvm-19-dev llvm-19-tools clang-19 lld-19 libzstd-dev libboost-context-dev libgc-dev
          libgtest-dev libbenchmark-dev cmake ninja-build pkg-config python3 ccache golang-go golang-1.19-src time
          gdb libclang-rt-19-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
