#!/usr/bin/env bash
# Load test of the issue-2 targets on SQLite:
#   bench/run.sh [PROJECTS=100000] [SECONDS=20]
# Builds, generates the ledger once into bench/out/bench.db, starts the server, logs in and
# runs wrk (16 connections) against the filtered list and against project creation.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-100000}
seconds=${2:-20}
scripts/install-deps.sh --test >/dev/null
scripts/build.sh >/dev/null
mkdir -p bench/out
db="sqlite:bench/out/bench-${projects}.db"
if [[ ! -f bench/out/bench-${projects}.env ]]; then
  rm -f "bench/out/bench-${projects}.db"*
  build/generate_projects --db "$db" --projects "$projects" | tee "bench/out/bench-${projects}.log"
  grep '^BENCH_' "bench/out/bench-${projects}.log" > "bench/out/bench-${projects}.env"
fi
set -a; source "bench/out/bench-${projects}.env"; set +a

port=18080
build/keyline --db "$db" serve --listen 127.0.0.1:$port > bench/out/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done

source bench/wrk_session.sh bench_fgw "$BENCH_PASSWORD" $port

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "projects in database: $projects"
wrk -t2 -c16 -d5s -s bench/list_projects.lua http://127.0.0.1:$port >/dev/null  # warm-up
wrk -t2 -c16 -d${seconds}s --latency -s bench/list_projects.lua http://127.0.0.1:$port | grep -E 'RESULT|Latency|Requests/sec'
wrk -t2 -c16 -d${seconds}s --latency -s bench/create_projects.lua http://127.0.0.1:$port | grep -E 'RESULT|Latency|Requests/sec'
