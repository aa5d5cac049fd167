#!/usr/bin/env bash
# Load test of the issue-3 month-end target on SQLite:
#   bench/run_reports.sh [PROJECTS=100000] [SECONDS=20] [RUNS=1]
# Generates the ledger once into bench/out/reports-PROJECTS.db (generate_projects --report-ids:
# every project under construction is owned by the reporter company of bench_company), starts
# the server, opens the reporting windows of fresh periods as the supervisor bench_fgw
# (PUT /api/v1/reporting/calendar/{period}), logs in as bench_company and runs
# wrk -t2 -c16 against POST /api/v1/projects/{id}/reports/{period}/submit: a 5 s warm-up, then
# RUNS measured runs of SECONDS each. Every wrk run gets periods no earlier run used (the next
# free one is kept in bench/out/reports-PROJECTS.next_period), so every request is a first,
# version-0 submission. Set BENCH_SKIP_BUILD=1 to skip install and build.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-100000}
seconds=${2:-20}
runs=${3:-1}
threads=2
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  scripts/install-deps.sh --test >/dev/null
  scripts/build.sh >/dev/null
fi
mkdir -p bench/out
base="bench/out/reports-${projects}"
db="sqlite:${base}.db"
if [[ ! -f ${base}.env ]]; then
  rm -f "${base}.db"* "${base}.next_period"
  build/generate_projects --db "$db" --projects "$projects" --report-ids "${base}.ids" \
    | tee "${base}.log"
  grep '^BENCH_' "${base}.log" > "${base}.env"
fi
set -a; source "${base}.env"; set +a
export BENCH_WRK_THREADS=$threads

port=${BENCH_PORT:-18081}
build/keyline --db "$db" serve --listen 127.0.0.1:$port > bench/out/server-reports.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done

# Periods are months from 2000-01 on, handed out in order; a run of S seconds gets enough for
# 20,000 submissions/s.
next_period_index() { cat "${base}.next_period" 2>/dev/null || echo 0; }
take_periods() {  # $1 = seconds; prints comma-separated periods and advances the counter
  local need=$(( ($1 * 20000 + BENCH_REPORT_PROJECTS - 1) / BENCH_REPORT_PROJECTS ))
  local i first list=""
  first=$(next_period_index)
  for (( i = first; i < first + need; i++ )); do
    local period=$(( (2000 + i / 12) * 100 + i % 12 + 1 ))
    if (( period >= 202600 )); then
      echo "out of fresh periods: rm ${base}.* to regenerate" >&2; exit 1
    fi
    list+="${list:+,}$period"
  done
  echo $(( first + need )) > "${base}.next_period"
  echo "$list"
}
open_windows() {  # $1 = comma-separated periods
  local p
  for p in ${1//,/ }; do
    local y=${p:0:4} m=${p:4:2}
    curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' \
      -H "Cookie: $KEYLINE_COOKIE" -H "X-CSRF-Token: $KEYLINE_CSRF" \
      -d "{\"opens_on\":\"$y-$m-01\",\"due_on\":\"2099-12-30\",\"locks_after\":\"2099-12-31\"}" \
      "http://127.0.0.1:$port/api/v1/reporting/calendar/$p" \
      || { echo "PUT /api/v1/reporting/calendar/$p failed" >&2; exit 1; }
  done
}

warmup_periods=$(take_periods 5)
declare -a run_periods=()
for (( r = 0; r < runs; r++ )); do run_periods+=("$(take_periods "$seconds")"); done
source bench/wrk_session.sh bench_fgw "$BENCH_PASSWORD" $port
open_windows "$warmup_periods"
for p in "${run_periods[@]}"; do open_windows "$p"; done
source bench/wrk_session.sh "$BENCH_REPORT_USER" "$BENCH_PASSWORD" $port

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "projects in database: $projects; reporting projects (construction, bench_company): $BENCH_REPORT_PROJECTS"
BENCH_PERIODS=$warmup_periods wrk -t$threads -c16 -d5s -s bench/submit_reports.lua \
  http://127.0.0.1:$port | grep -E 'RESULT|WARNING|first|^[0-9]' | sed 's/^RESULT/warm-up/'
# CPU the server used (user+system, clock ticks), a figure the noisy shared machine disturbs
# less than wall-clock throughput.
server_ticks() { awk '{print $14 + $15}' /proc/$server/stat; }
tick=$(getconf CLK_TCK)
for p in "${run_periods[@]}"; do
  echo "periods: $p"
  t0=$(server_ticks)
  out=$(BENCH_PERIODS=$p wrk -t$threads -c16 -d${seconds}s --latency -s bench/submit_reports.lua \
    http://127.0.0.1:$port)
  t1=$(server_ticks)
  grep -E 'RESULT|WARNING|first|^[0-9]|Latency|Requests/sec' <<<"$out"
  n=$(grep -o 'requests=[0-9]*' <<<"$out" | cut -d= -f2)
  awk -v d=$((t1 - t0)) -v n="$n" -v hz="$tick" -v s="$seconds" 'BEGIN {
    printf "server CPU: %.1f s of %d s (%.0f%% of 2 cores), %.0f us per report\n",
      d / hz, s, 100 * d / hz / (2 * s), n ? 1e6 * d / hz / n : 0 }'
done
curl -s -b "$KEYLINE_COOKIE" "http://127.0.0.1:$port/metrics" > bench/out/metrics-reports.txt || true
