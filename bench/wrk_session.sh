#!/usr/bin/env bash
# Sourced by bench/run.sh: logs in as $1 with password $2 on port $3 and exports
# KEYLINE_COOKIE and KEYLINE_CSRF for the wrk scripts.
login=$(curl -s -i -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:$3/api/v1/session")
KEYLINE_COOKIE=$(grep -i '^set-cookie:' <<<"$login" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
KEYLINE_CSRF=$(grep -o '"csrf_token":"[^"]*"' <<<"$login" | cut -d'"' -f4)
export KEYLINE_COOKIE KEYLINE_CSRF
