#!/usr/bin/env bash
# Quick start: install what is missing, build, create ./data/keyline.db with the demo
# district on first run, and serve http://127.0.0.1:8080 (Ctrl-C stops).
# Extra arguments go to `keyline serve` (e.g. --listen 0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p data
db="${KEYLINE_DB:-sqlite:./data/keyline.db}"
./build/keyline --db "$db" migrate
./build/keyline --db "$db" seed-demo
static_args=()
if [[ -f web/dist/index.html ]]; then static_args=(--static web/dist); fi
exec ./build/keyline --db "$db" serve "${static_args[@]}" "$@"
