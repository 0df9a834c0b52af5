#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the station needs, or says which are missing.
#   scripts/system-deps.sh run    what the station itself needs
#   scripts/system-deps.sh test   that, plus what the test suite starts (printers, databases)
# As root (or with password-less sudo) it installs them; otherwise it prints the command.
set -euo pipefail

RUNTIME=(
  python3 python3-venv
  libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1
  libxcb-shm0 libxcb-util1 libcups2 libpulse0 libasound2
  libzbar0 fonts-noto-cjk fonts-wqy-zenhei
)
# The suite also builds the installer: strip, dpkg-shlibdeps and dpkg-deb.
TEST=(
  poppler-utils xvfb xauth cups cups-client cups-bsd printer-driver-cups-pdf postgresql
  binutils dpkg-dev openssl chromium chromium-driver
)

want=("${RUNTIME[@]}")
[[ "${1:-run}" == "test" ]] && want+=("${TEST[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-based system; make sure these (or equivalents) are installed:" >&2
  echo "  ${want[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "system-deps: these system packages are missing:" >&2
  echo "  ${missing[*]}" >&2
  echo "Install them (once) with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
