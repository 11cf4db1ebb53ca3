#!/usr/bin/env bash
# Produces the report for the next BRÅ meeting: what has been done since the last meeting,
# as Markdown and as a printable HTML page, in Swedish.
#
#   examples/bra-report.sh KOMMUN LAST_MEETING [OUT_DIR]
#   examples/bra-report.sh filipstad 2016-05-01 rapporter/
#
# PLEDGE_AS_OF sets the meeting's date (default today), so a report can be made again later.
set -euo pipefail
kommun=${1:?usage: bra-report.sh KOMMUN LAST_MEETING [OUT_DIR]}
since=${2:?usage: bra-report.sh KOMMUN LAST_MEETING [OUT_DIR]}
out=${3:-.}
pledge=${PLEDGE:-pledge}
as_of=${PLEDGE_AS_OF:-$(date +%F)}

mkdir -p "$out"
base="$out/bra-$kommun-$as_of"
"$pledge" report "$kommun" --since "$since" --as-of "$as_of" --lang sv --format markdown > "$base.md"
"$pledge" report "$kommun" --since "$since" --as-of "$as_of" --lang sv --format html > "$base.html"
echo "$base.md"
echo "$base.html"
