#!/usr/bin/env bash
# The cost of writing a site's files plainly (mkdir + create + write per file, `cp -r` of a
# site already made) beside `pledge site` itself, each into a folder deleted just before, as
# examples/bench-national.rs runs `site` (on ext4 without a journal, making files right after
# deleting as many is slower the more were deleted: the inode allocator skips recently freed
# inodes one by one, so a plain write pays it too).
#   bash examples/site-write-floor.sh DIR [BIN...]   (RUNS=3 by default; medians; BIN defaults
#   to target/release/pledge, the first one makes the site that is copied)
set -euo pipefail
dir=$1; shift
bins=("$@"); [ ${#bins[@]} -gt 0 ] || bins=(target/release/pledge)
runs=${RUNS:-3}
export PLEDGE_AS_OF=2025-12-31 PLEDGE_USER=bench
work=$(mktemp -d "${TMPDIR:-/tmp}/site-floor.XXXXXX")
trap 'rm -rf "$work"' EXIT
"${bins[0]}" --dir "$dir" site "$work/ref" >/dev/null
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
declare -A times
for _ in $(seq "$runs"); do
  for b in "${bins[@]}"; do
    rm -rf "$work/out"; times[$b]+="$(t "$b" --dir "$dir" site "$work/out") "
  done
  rm -rf "$work/out"; times[plain]+="$(t cp -r "$work/ref" "$work/out") "
done
med() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
plain=$(echo "${times[plain]}" | med)
echo "set: $dir ($(find "$work/ref" -type f | wc -l) files, $(du -sm "$work/ref" | cut -f1) MiB written)"
printf "plain write (cp -r): %.3f s\n" "$plain"
for b in "${bins[@]}"; do
  m=$(echo "${times[$b]}" | med)
  printf "%s site: %.3f s = %.2fx the plain write\n" "$b" "$m" "$(echo "$m / $plain" | bc -l)"
done
