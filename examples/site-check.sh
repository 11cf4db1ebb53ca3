#!/usr/bin/env bash
# Opens the site of `pledge site` in real headless Chromium: screenshots of the index and of
# one löfte's page at a phone (390 px) and a desktop (1280 px) width, and an accessibility
# check with axe-core (WCAG 2.1 A/AA and best practice) on every page at both widths, which
# fails on any serious or critical finding; and, when the `frictionless` tool is installed, a
# validation of datapackage.json with the files it describes.
#
# Usage: examples/site-check.sh [SHOTS_DIR]     (run from the repository root)
#   PLEDGE     the program [default: target/debug/pledge, else pledge on PATH]
#   CHROMIUM   the browser [default: chromium or chromium-browser on PATH]
#   SITE_CHECK_CACHE  where the npm packages axe-core and puppeteer-core are installed
#              [default: target/site-check]; installed there with npm when missing
# Without Chromium or Node.js it says so and exits 0 (nothing checked), so CI can always
# call it. Exit status: 0 when all pages pass; 1 on a serious finding; 2 when it cannot run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shots=${1:-$root/target/site-check/shots}
cache=${SITE_CHECK_CACHE:-$root/target/site-check}
pledge=${PLEDGE:-}
if [[ -z $pledge ]]; then
  if [[ -x $root/target/debug/pledge ]]; then pledge=$root/target/debug/pledge; else pledge=pledge; fi
fi
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $chromium ]] || ! command -v node >/dev/null; then
  echo "site-check: skipped: needs chromium and node (apt-get install chromium nodejs npm)" >&2
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$shots"
"$pledge" --quiet --lang sv --dir "$root/pledges" site "$work/pledges" --as-of 2017-06-30 || exit 2
"$pledge" --quiet --lang sv --dir "$root/examples/site/pledges" site "$work/example" --as-of 2018-06-30 || exit 2
# A löfte with indicators, measurements and verdicts: its page shows the outcome and charts.
"$pledge" --quiet --lang sv --dir "$root/examples/indicators" site "$work/outcomes" --as-of 2019-06-01 || exit 2
# Activities with parts and units, each shown with its own target and record.
"$pledge" --quiet --lang sv --dir "$root/examples/targets" site "$work/targets" --as-of 2017-10-15 || exit 2

shot() { # NAME WIDTH PAGE
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --hide-scrollbars --screenshot="$shots/$1-$2.png" \
    --window-size="$2,2400" "file://$3" >/dev/null 2>&1 || { echo "site-check: no screenshot of $3" >&2; exit 2; }
}
for w in 390 1280; do
  shot index "$w" "$work/pledges/index.html"
  shot alvesta "$w" "$work/pledges/alvesta-2017-2018/index.html"
  shot example-index "$w" "$work/example/index.html"
  shot kiruna "$w" "$work/example/kiruna-2018-2019/index.html"
  shot hagfors-outcomes "$w" "$work/outcomes/hagfors-2017-2018/index.html"
  shot sunne-parts-units "$w" "$work/targets/sunne-2017/index.html"
done
echo "site-check: screenshots in $shots"

if [[ ! -d $cache/node_modules/axe-core || ! -d $cache/node_modules/puppeteer-core ]]; then
  mkdir -p "$cache"
  [[ -f $cache/package.json ]] || echo '{"private": true}' >"$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --silent axe-core@4 puppeteer-core@24) || exit 2
fi
# The data package, by the Frictionless reference tool when it is installed (pip install
# frictionless).
if command -v frictionless >/dev/null; then
  for site in "$work/pledges" "$work/example"; do
    (cd "$site" && frictionless validate datapackage.json >/dev/null) ||
      { echo "site-check: $site/datapackage.json is not valid (frictionless validate)" >&2; exit 1; }
  done
  echo "site-check: datapackage.json valid (frictionless)"
fi
mapfile -t pages < <(find "$work" -name '*.html' | sort)
cd "$cache"
node "$root/examples/site/axe-check.mjs" "$chromium" "${pages[@]}"
