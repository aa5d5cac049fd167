#!/usr/bin/env bash
# Installs the Debian 12 packages Keyline needs, only when some are missing.
#   scripts/install-deps.sh          build + run
#   scripts/install-deps.sh --test   also the test tools (PostgreSQL 15 server, chromium, ...)
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config ccache
          libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
          libsqlite3-dev sqlite3 libpq-dev libsodium-dev
          libgtest-dev libgmock-dev libbenchmark-dev
          # Excel in and out (zip + expat reader, libxlsxwriter), bulletins as PDF (cairo + pango
          # with a CJK font).
          libzip-dev libexpat1-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk)
# The web UI is built with Node.js/npm; Debian's packages unless a Node.js is already there.
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi
if [[ "${1:-}" == "--test" ]]; then
  packages+=(postgresql-15 postgresql-client-15 wrk curl)
  # Browser tests of the web UI: headless Chromium and CJK fonts for the screenshots.
  packages+=(chromium)
  # The bulletin PDF test renders pages to PNG and reads their text back.
  packages+=(poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
