#!/usr/bin/env bash
# HTML dossier assets, built at install time so the report never touches a network when it renders or
# when it is opened:
#  1. the Natural Earth 110m country outlines (npm `world-atlas`, ISC licence, derived from the
#     public-domain Natural Earth data), installed from the pinned lockfile and copied next to the
#     report's other assets (git-ignored: third-party data is not committed);
#  2. Debian's chromium, used only by the browser tests and benchmarks (skipped when present or not root).
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."

FRONTEND=src/newsgraph/out/html/frontend
ATLAS_DIR=src/newsgraph/out/html/assets/world-atlas
ATLAS_SRC=$FRONTEND/node_modules/world-atlas

if [ ! -s "$ATLAS_DIR/countries-110m.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm
    else
      echo "50-report-assets: npm is missing and we are not root; the dossier map will have no outlines" >&2
    fi
  fi
  if command -v npm >/dev/null 2>&1; then
    (cd "$FRONTEND" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    mkdir -p "$ATLAS_DIR"
    cp "$ATLAS_SRC/countries-110m.json" "$ATLAS_DIR/countries-110m.json"
    cp "$ATLAS_SRC/LICENSE" "$ATLAS_DIR/LICENSE"
    version=$(.venv/bin/python -c "import json,sys; print(json.load(open(sys.argv[1]))['version'])" "$ATLAS_SRC/package.json")
    printf 'world-atlas %s (npm), ISC licence, derived from Natural Earth 1:110m (public domain)\n' \
      "$version" > "$ATLAS_DIR/SOURCE.txt"
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
  else
    echo "50-report-assets: /usr/bin/chromium is missing and we are not root; browser tests will skip" >&2
  fi
fi
