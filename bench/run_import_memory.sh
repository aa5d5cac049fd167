#!/usr/bin/env bash
# Import memory through the server: generates a ledger of N projects (default
# 199990, about the 200,000-row cap) with bench/gen_ledger.c (libxlsxwriter, with the year's
# figures), starts `keyline serve` on a fresh demo SQLite database and uploads it as the demo
# 发改 user (POST /api/v1/imports/ledger = parse + stored session + dry run), sampling the
# server's RSS (/proc/PID/status VmRSS) every 50 ms:
#   1. one dry run: RSS before / peak / after (2 s after the answer)
#   2. three dry runs at once (the default limit is 2 imports at once: the third answers 429
#      with Retry-After), RSS before / peak / after, and the HTTP statuses
# Usage: bench/run_import_memory.sh [BUILD_DIR] [N]. Needs libxlsxwriter-dev, curl and a built
# `keyline`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
n=${2:-199990}
port=${PORT:-18091}
tmp=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
cc -O2 -o "$tmp/gen_ledger" "$here/gen_ledger.c" $(pkg-config --cflags --libs xlsxwriter)
"$tmp/gen_ledger" "$tmp/ledger.xlsx" "$n" 1 figures
db="sqlite:$tmp/bench.db"
"$build/keyline" --db "$db" seed-demo >/dev/null
"$build/keyline" --db "$db" serve --listen 127.0.0.1:$port >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done
source "$here/wrk_session.sh" fgw 'Keyline@2026' $port

rss() { awk '/^VmRSS/ {print int($2 / 1024)}' /proc/$server/status; }
# Heap and stacks alone (RssAnon), without the SQLite file pages mapped into the process.
anon() { awk '/^RssAnon/ {print int($2 / 1024)}' /proc/$server/status; }
# Samples the peak RSS (MiB) into $tmp/peak until $tmp/stop exists.
sample() {
  local peak=0 r
  while [ ! -e "$tmp/stop" ]; do
    r=$(rss)
    [ "$r" -gt "$peak" ] && peak=$r
    sleep 0.05
  done
  echo "$peak" >"$tmp/peak"
}
upload() {  # upload OUT_NAME: prints the HTTP status and the wall time
  curl -s -o "$tmp/$1.json" -w '%{http_code} %{time_total}s' -X POST \
    -H "Cookie: $KEYLINE_COOKIE" -H "X-CSRF-Token: $KEYLINE_CSRF" \
    -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' \
    --data-binary @"$tmp/ledger.xlsx" "http://127.0.0.1:$port/api/v1/imports/ledger?filename=l.xlsx"
}
round() {  # round LABEL K: K uploads at once
  rm -f "$tmp/stop"
  local before after peak statuses=""
  before=$(rss)
  sample &
  local sampler=$! pids=()
  for i in $(seq "$2"); do
    (upload "r$i" >"$tmp/status$i") &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  for i in $(seq "$2"); do statuses="$statuses $(cat "$tmp/status$i")"; done
  sleep 2
  after=$(rss)
  touch "$tmp/stop"
  wait $sampler
  peak=$(cat "$tmp/peak")
  echo "$1: RSS before=${before}MiB peak=${peak}MiB (+$((peak - before))MiB) after=${after}MiB (anon $(anon)MiB) :: HTTP/time:$statuses :: load=$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "ledger: N=$n file=$(stat -c %s "$tmp/ledger.xlsx")B"
round "one dry run" 1
grep -o '"data_rows":[0-9]*' "$tmp/r1.json" || head -c 400 "$tmp/r1.json"
grep -o '"summary":{[^}]*}' "$tmp/r1.json" || true
round "three dry runs at once" 3
for i in 1 2 3; do grep -o '"message_zh":"[^"]*"' "$tmp/r$i.json" | head -1 || true; done
round "one dry run again" 1
