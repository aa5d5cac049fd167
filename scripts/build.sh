#!/usr/bin/env bash
# Configures (once) and builds Keyline into ./build, and the web UI into web/dist.
# Re-running only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
# The web UI first (when npm is present), so that CMake sees web/node_modules for the browser tests.
scripts/build-web.sh
build_type="${KEYLINE_BUILD_TYPE:-RelWithDebInfo}"
if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
fi
# 2-core CI machines: keep parallelism (and peak memory of Beast/Boost.JSON units) bounded.
cmake --build build -- -j"${KEYLINE_JOBS:-2}"
