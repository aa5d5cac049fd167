#!/usr/bin/env bash
# Reading a published snapshot vs computing it, on the demo district (SQLite):
#   bench/run_snapshots.sh [PERIOD=202611] [RUNS=20]
# Seeds the demo into a fresh bench/out/snapshots.db, then runs build/snapshot_read_bench, which
# issues the period's bulletin and publishes the demo ranking once and times computing each
# against reading the stored snapshot. Set BENCH_SKIP_BUILD=1 to skip the build.
set -euo pipefail
cd "$(dirname "$0")/.."
period=${1:-202611}
runs=${2:-20}
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  cmake --build build --target keyline snapshot_read_bench -- -j2 >/dev/null
fi
mkdir -p bench/out
rm -f bench/out/snapshots.db*
build/keyline --db sqlite:bench/out/snapshots.db seed-demo >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
build/snapshot_read_bench --db sqlite:bench/out/snapshots.db --period "$period" --runs "$runs"
