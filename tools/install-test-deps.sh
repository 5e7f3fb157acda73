#!/usr/bin/env bash
# What the tests need beyond Python packages: Debian's chromium (browser tests), the npm
# packages of Neo4j's Cypher linter, and the console's npm packages (the test that rebuilds its
# bundle and checks every bundled licence). Idempotent; skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: run 'sudo apt-get install chromium' (browser tests will be skipped)" >&2
  fi
fi

if [ -f tools/cypher-lint/package.json ] && [ ! -d tools/cypher-lint/node_modules ]; then
  (cd tools/cypher-lint && npm ci --no-audit --no-fund --silent)
fi

if [ -f web/package.json ] && [ ! -d web/node_modules ]; then
  (cd web && npm ci --no-audit --no-fund --silent)
fi
