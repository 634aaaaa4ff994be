#!/usr/bin/env bash
# Run by `make install` after the Python packages are in .venv: each step in postinstall.d/ builds
# something the package needs offline (a gazetteer from the installed GeoNames data, front-end assets,
# the headless browser used by the report tests). Steps are idempotent; they may use .venv/bin/python.
set -euo pipefail
cd "$(dirname "$0")/.."
for step in scripts/postinstall.d/*.sh; do
  [ -e "$step" ] || continue
  echo "postinstall: $(basename "$step")"
  bash "$step"
done
