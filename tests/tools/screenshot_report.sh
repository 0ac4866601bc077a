#!/usr/bin/env bash
# For reviewers: a full-page PNG of a report version, as headless Chromium draws it.
#   tests/tools/screenshot_report.sh [reports/<version>/report.html] [out.png] [width in px, 1280]
# tests/report/test_browser.py writes 1280 and 800 px screenshots and report.pdf under pytest's tmp dir
# (the paths are printed with pytest -s).
set -euo pipefail
html=${1:-reports/$(cat reports/LATEST)/report.html}
out=${2:-report-screenshot.png}
width=${3:-1280}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) || {
  echo "no Chromium: apt-get install chromium" >&2; exit 1; }
profile=$(mktemp -d)
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --user-data-dir="$profile" --window-size="$width",12000 --hide-scrollbars \
  --screenshot="$(realpath -m "$out")" "file://$(realpath "$html")" 2>/dev/null
rm -rf "$profile"
echo "$out"
