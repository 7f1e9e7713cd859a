#!/usr/bin/env bash
# Render a coverage report and screenshot it in headless Chromium (Debian's package), to look
# at it the way an analyst will. Writes docs/coverage-<plan>.html and docs/coverage-<plan>.png.
#   bash scripts/screenshot-coverage.sh [PLAN] [SUPERIOR]
# Needs: apt-get install chromium
set -euo pipefail
cd "$(dirname "$0")/.."
plan=${1:-corpus/nq-03-nq-cp-2025.txt}
sup=${2:-corpus/nq-57-nq-tw-2024.txt}
command -v chromium >/dev/null || { echo "chromium not installed: apt-get install chromium" >&2; exit 2; }
npx --no-install tsc -p . >/dev/null
html=$(node dist/src/cli/main.js coverage "$plan" --against "$sup" --format html --out "docs/coverage-$(basename "$plan" .txt).html")
png="${html%.html}.png"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# the flags keep Chromium off the network (this machine has none) and out of the user's profile
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1400,1800 --screenshot="$png" "file://$PWD/$html" 2>/dev/null
test -s "$png"
echo "$png"
