#!/bin/sh
# Ledger import benchmark (issues 7 and 14): generates realistic N-project ledgers with libxlsxwriter
# (bench/gen_ledger.c: merged title and two-row header, 序号, hidden column, headings and 小计
# rows, blank rows, amounts as numbers / text / full-width / 亿元, dates as cells and text, and
# the year's figures: 2025年计划投资, 1-11月完成投资 金额 / 占年度计划(%), 形象进度, 包抓领导,
# 建设单位统一社会信用代码 — FIGURES=0 leaves them out) and
# imports each end to end with the CLI into a fresh SQLite database:
#   keyline import ledger FILE.xlsx   (prints the dry run, then plans again and writes every
#                                      project, its stage record and audit entry in ONE
#                                      transaction)
# Reports wall time and peak RSS (/usr/bin/time -v). Usage: bench/run_import.sh [BUILD_DIR] [N...]
# (default sizes 5000 100000). Needs libxlsxwriter-dev and a built `keyline`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
[ $# -gt 0 ] && shift
sizes=${*:-"5000 100000"}
keyline="$build/keyline"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/gen_ledger" "$here/gen_ledger.c" $(pkg-config --cflags --libs xlsxwriter)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for n in $sizes; do
  if [ "${FIGURES:-1}" = 1 ]; then
    "$tmp/gen_ledger" "$tmp/ledger_$n.xlsx" "$n" 1 figures
  else
    "$tmp/gen_ledger" "$tmp/ledger_$n.xlsx" "$n"
  fi
  size=$(stat -c %s "$tmp/ledger_$n.xlsx")
  db="sqlite:$tmp/bench_$n.db"
  "$keyline" --db "$db" migrate >/dev/null
  /usr/bin/time -v "$keyline" --db "$db" import ledger "$tmp/ledger_$n.xlsx" \
    >"$tmp/out_$n.txt" 2>"$tmp/time_$n.txt" || { cat "$tmp/out_$n.txt" "$tmp/time_$n.txt"; exit 1; }
  wall=$(grep 'Elapsed (wall clock)' "$tmp/time_$n.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$tmp/time_$n.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$tmp/time_$n.txt")
  echo "N=$n file=${size}B import(dry run + confirm): wall=$wall cpu=${cpu}s peak_rss=${rss}KB load=$(cut -d' ' -f1 /proc/loadavg) :: $(tail -1 "$tmp/out_$n.txt")"
  /usr/bin/time -v "$keyline" --db "$db" import ledger "$tmp/ledger_$n.xlsx" --dry-run \
    >"$tmp/out2_$n.txt" 2>"$tmp/time2_$n.txt" || true
  wall=$(grep 'Elapsed (wall clock)' "$tmp/time2_$n.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$tmp/time2_$n.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$tmp/time2_$n.txt")
  echo "N=$n re-import dry run (all unchanged): wall=$wall cpu=${cpu}s peak_rss=${rss}KB :: $(grep '^新建' "$tmp/out2_$n.txt")"
done
