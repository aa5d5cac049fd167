#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit tests, storage and API
# integration tests on SQLite and on a throwaway PostgreSQL 15 server started on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh
scripts/with-pg.sh ctest --test-dir build --output-on-failure -j2 --timeout 600
