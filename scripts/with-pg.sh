#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server:
#   scripts/with-pg.sh CMD ARGS...
# Starts a server on 127.0.0.1 and a free port in a temporary directory (trust auth for
# local and loopback connections), exports PG_TEST_DSN and KEYLINE_REQUIRE_PG=1, runs the
# command as the calling user, then stops the server and deletes the directory. Exits with
# the command's exit code. As root, the server runs as user postgres (initdb refuses root).
set -euo pipefail

if (($# == 0)); then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [[ ! -x "$pg_bin/initdb" ]]; then
  echo "with-pg: PostgreSQL 15 server binaries not found in $pg_bin" \
    "(run scripts/install-deps.sh --test)" >&2
  exit 1
fi

as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  as_pg=(runuser -u postgres --)
  base_tmp=/tmp  # must be reachable by user postgres
else
  base_tmp="${TMPDIR:-/tmp}"
fi

work_dir="$(mktemp -d "$base_tmp/keyline-pg.XXXXXX")"
data_dir="$work_dir/data"
log_file="$work_dir/server.log"
if ((${#as_pg[@]})); then chown postgres: "$work_dir"; fi

cleanup() {
  if [[ -f "$data_dir/postmaster.pid" ]]; then
    # Immediate: skip the shutdown checkpoint, the data directory is deleted anyway.
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$data_dir" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

"${as_pg[@]}" "$pg_bin/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 --locale=C \
  --no-sync >"$work_dir/initdb.log" 2>&1 || {
  cat "$work_dir/initdb.log" >&2
  exit 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=0
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  if port_in_use "$port"; then continue; fi
  if "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 \
    -o "-p $port -k $work_dir -c listen_addresses=127.0.0.1 -c max_connections=300" \
    start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if ((!started)); then
  echo "with-pg: could not start PostgreSQL" >&2
  cat "$log_file" >&2 || true
  exit 1
fi

for _ in $(seq 1 100); do
  if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 0.1
done
"$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" || {
  echo "with-pg: PostgreSQL did not become ready" >&2
  exit 1
}

export PG_TEST_DSN="postgresql://postgres@127.0.0.1:$port/postgres"
export KEYLINE_REQUIRE_PG=1
echo "with-pg: PostgreSQL 15 on 127.0.0.1:$port" >&2

set +e
"$@"
rc=$?
set -e
exit "$rc"
