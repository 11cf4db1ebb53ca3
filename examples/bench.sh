#!/usr/bin/env bash
# Builds pledge and the examples, generates the national sets for N = 1, 2, 4, 10, 20 years
# (once; kept under target/bench), and prints the benchmark tables (Markdown).
#   bash examples/bench.sh [N...]
# BENCH_RUNS=R sets the runs per figure (default 3, medians); BENCH_BEFORE=BIN measures a
# second pledge binary (say, one built from main) in the same runs, on its own rows.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin pledge --example gen-national --example bench-national
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4 10 20)
dirs=()
for n in "${sizes[@]}"; do
  d=target/bench/with-outcomes/national-$n
  [ -d "$d" ] || target/release/examples/gen-national --out "$d" --years "$n" --seed 1
  dirs+=("$d")
done
before=()
[ -z "${BENCH_BEFORE:-}" ] || before=(--before "$BENCH_BEFORE")
target/release/examples/bench-national "${before[@]}" target/release/pledge "${dirs[@]}"
