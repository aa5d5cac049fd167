#!/usr/bin/env bash
# Indicator engine (五率) performance on SQLite:
#   bench/run_rates.sh [PROJECTS=100000] [SECONDS=10] [SET=shaanxi]
# Generates once into bench/out/rates-PROJECTS.db: generate_projects (projects, units,
# leaders) then generate_engine (a confirmed 2026 plan per pooled project, 36 monthly reports
# per project up to 2026-10, 8 procedures per project). Starts the server and prints
#   - the engine's load time (the server's own log line) and its resident memory (/proc),
#   - wrk latency (p50/p99, req/s) of GET /api/v1/rates?set=SET&period=202610&group_by=unit,
#     which after the first request is answered from the result cache,
#   - the first read after a write: a report is submitted through the API, then the same GET
#     is timed once (curl), showing the write in the answer (the sequence moved) and the cost
#     of recomputing after it. Repeated a few times.
# Set BENCH_SKIP_BUILD=1 to skip install and build. PostgreSQL: run it inside
# scripts/with-pg.sh with BENCH_DB set to its URL (generates into that database every time):
#   scripts/with-pg.sh bash -c 'BENCH_SKIP_BUILD=1 BENCH_DB=$PG_TEST_DSN bench/run_rates.sh'
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-100000}
seconds=${2:-10}
set_code=${3:-shaanxi}
period=202610
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  scripts/install-deps.sh --test >/dev/null
  scripts/build.sh >/dev/null
fi
mkdir -p bench/out
base="bench/out/rates-${projects}"
db="sqlite:${base}.db"
if [[ -n "${BENCH_DB:-}" ]]; then
  base="bench/out/rates-pg-${projects}"
  db=$BENCH_DB
  rm -f "${base}.env"
fi
if [[ ! -f ${base}.env ]]; then
  [[ -n "${BENCH_DB:-}" ]] || rm -f "${base}.db"*
  build/generate_projects --db "$db" --projects "$projects" | tee "${base}.log"
  build/generate_engine --db "$db" | tee -a "${base}.log"
  grep '^BENCH_' "${base}.log" > "${base}.env"
fi
set -a; source "${base}.env"; set +a

port=${BENCH_PORT:-18082}
build/keyline --db "$db" serve --listen 127.0.0.1:$port > bench/out/server-rates.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
grep -m1 'Engine loaded' bench/out/server-rates.log
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' /proc/$server/status; }
echo "RSS after load: $(rss)"

source bench/wrk_session.sh bench_fgw "$BENCH_PASSWORD" $port
url="http://127.0.0.1:$port/api/v1/rates?set=$set_code&period=$period&group_by=unit"
get() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: $KEYLINE_COOKIE" "$url"; }
echo "first request (computes): $(get)"
curl -s -H "Cookie: $KEYLINE_COOKIE" "http://127.0.0.1:$port/api/v1/engine/status"; echo
for conns in 1 8; do
  echo "wrk -t1/-t2 -c$conns ${seconds}s (answers from the result cache):"
  BENCH_SET=$set_code BENCH_PERIOD=$period wrk -t$(( conns > 1 ? 2 : 1 )) -c$conns -d${seconds}s \
    --latency -s bench/rates.lua http://127.0.0.1:$port | grep -E 'RESULT'
done
echo "RSS after wrk: $(rss)"

# Freshness: an approved report changes, then the very next GET must show it.
project=$(curl -s -H "Cookie: $KEYLINE_COOKIE" \
  "http://127.0.0.1:$port/api/v1/projects?stage=construction&limit=1" |
  grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
p=$period
for i in 1 2 3; do
  before=$(curl -s -H "Cookie: $KEYLINE_COOKIE" "$url" | grep -o '"sequence":[0-9]*')
  # Unlock an approved report (an audited write by the office; months that are not approved
  # answer 409 and the next month is tried); the facts must follow.
  code=0
  while [[ $code != 200 && $p -gt $((period - 12)) ]]; do
    p=$((p - 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H "Cookie: $KEYLINE_COOKIE" -H "X-CSRF-Token: $KEYLINE_CSRF" \
      -d "{\"reason\":\"bench freshness $i\"}" \
      "http://127.0.0.1:$port/api/v1/projects/$project/reports/$p/unlock")
  done
  t=$(get)
  after=$(curl -s -H "Cookie: $KEYLINE_COOKIE" "$url" | grep -o '"sequence":[0-9]*')
  echo "write $i (unlock report $project/$p: HTTP $code): $before -> $after; first read after the write: $t s"
done
echo "RSS at end: $(rss)"
