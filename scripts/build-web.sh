#!/usr/bin/env bash
# Builds the web UI into web/dist (Vite). `npm ci` runs only when web/node_modules is missing
# or package-lock.json changed since the last install; the Vite build only when a source
# file is newer than web/dist/index.html. KEYLINE_SKIP_WEB=1 skips everything.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [[ "${KEYLINE_SKIP_WEB:-}" == 1 ]]; then exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  echo "build-web: npm not found, web UI not built (scripts/install-deps.sh installs it)" >&2
  exit 0
fi
stamp=node_modules/.keyline-lock.sha256
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules || ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sum" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi
if [[ ! -f dist/index.html ]] || [[ -n "$(find src public index.html vite.config.js package-lock.json \
      -newer dist/index.html -print -quit 2>/dev/null)" ]]; then
  npm run build --silent
fi
# The API reference: docs/api.yaml rendered by Redoc (@redocly/cli, pinned) into one
# self-contained page, served at /api-docs/.
api_docs=dist/api-docs/index.html
if [[ ! -f "$api_docs" ]] || [[ -n "$(find ../docs/api.yaml package-lock.json -newer "$api_docs" \
      -print -quit 2>/dev/null)" ]]; then
  if ! log="$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly \
      build-docs ../docs/api.yaml --inlineBundle --title "Keyline API 参考" -o "$api_docs" 2>&1)"; then
    echo "$log" >&2
    exit 1
  fi
fi
