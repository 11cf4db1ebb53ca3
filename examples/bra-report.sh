#!/usr/bin/env bash
# Produces the report for the next BRÅ meeting: what has been done since the last meeting,
# as Markdown and as a printable HTML page, in Swedish.
#
#   examples/bra-report.sh KOMMUN LAST_MEETING [OUT_DIR]
#   examples/bra-report.sh filipstad 2016-05-01 rapporter/
#
# PLEDGE_AS_OF sets the meeting's date (default today), so a report can be made again later.
# From cron, set PATH in the crontab line (PATH=$HOME/.cargo/bin:/usr/bin:/bin) or PLEDGE to
# the program's full path. Both files are UTF-8 (the HTML says so in its <meta charset>); a
# failed run leaves no half-written file behind.
set -euo pipefail
kommun=${1:?usage: bra-report.sh KOMMUN LAST_MEETING [OUT_DIR]}
since=${2:?usage: bra-report.sh KOMMUN LAST_MEETING [OUT_DIR]}
out=${3:-.}
pledge=${PLEDGE:-pledge}
as_of=${PLEDGE_AS_OF:-$(date +%F)}

if ! command -v "$pledge" >/dev/null 2>&1; then
  echo "bra-report.sh: programmet pledge hittades inte (\"$pledge\" finns inte i PATH: $PATH)" >&2
  exit 127
fi
mkdir -p "$out"
base="$out/bra-$kommun-$as_of"
for format in markdown html; do
  ext=${format/markdown/md}
  "$pledge" report "$kommun" --since "$since" --as-of "$as_of" --lang sv --format "$format" > "$base.$ext.tmp" ||
    { status=$?; rm -f "$base.$ext.tmp"; exit "$status"; }
  mv "$base.$ext.tmp" "$base.$ext"
done
echo "$base.md"
echo "$base.html"
