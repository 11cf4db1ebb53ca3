#!/usr/bin/env bash
# Builds pledge and the examples, generates the national sets for N = 1, 2, 4, 10 years
# (once; kept under target/bench), and prints the benchmark table.
#   bash examples/bench.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin pledge --example gen-national --example bench-national
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4 10)
dirs=()
for n in "${sizes[@]}"; do
  d=target/bench/national-$n
  [ -d "$d" ] || target/release/examples/gen-national --out "$d" --years "$n" --seed 1
  dirs+=("$d")
done
target/release/examples/bench-national target/release/pledge "${dirs[@]}"
