#!/usr/bin/env bash
# Renders the sample stored reports (Tools/report-sample) as HTML, screenshots them with headless Chromium
# and prints them to PDF (and PNG pages when pdftoppm is present), so the look on screen and on paper can be
# checked without a database. Output goes to $1 (default: .build-sample-report/).
#   apt-get install -y chromium poppler-utils   # if missing
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-sample-report}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
swift build --product report-sample
bin="$(swift build --show-bin-path)/report-sample"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
for kind in compliance history; do
    for format in html markdown json csv; do
        ext=$format; [ "$format" = markdown ] && ext=md
        "$bin" "$kind" "$format" > "$out/$kind.$ext"
    done
    if [ -z "$browser" ]; then
        echo "chromium not found: wrote $out/$kind.html without a screenshot (apt-get install -y chromium)" >&2
        continue
    fi
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600 \
        --screenshot="$out/$kind.png" "file://$out/$kind.html" 2>/dev/null
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/$kind.pdf" "file://$out/$kind.html" 2>/dev/null
    if command -v pdftoppm >/dev/null; then
        pdftoppm -png -r 60 "$out/$kind.pdf" "$out/$kind-print"
    fi
done
ls -1 "$out"
