#!/usr/bin/env bash
# What the tests need beyond Python packages: Debian's chromium and a font with Hangul
# (fonts-noto-cjk: the browser tests check that Korean renders as glyphs, not boxes), the npm
# packages of Neo4j's Cypher linter, and the console's npm packages (the test that rebuilds its
# bundle and checks every bundled licence). Idempotent; skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing: ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (browser tests need them)" >&2
  fi
fi

if [ -f tools/cypher-lint/package.json ] && [ ! -d tools/cypher-lint/node_modules ]; then
  (cd tools/cypher-lint && npm ci --no-audit --no-fund --silent)
fi

if [ -f web/package.json ] && [ ! -d web/node_modules ]; then
  (cd web && npm ci --no-audit --no-fund --silent)
fi
