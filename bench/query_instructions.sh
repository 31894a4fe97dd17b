#!/usr/bin/env bash
# Instructions one warm run of a peer-benchmark query costs inside kg::RunQuery, counted by
# callgrind: the runner with 5 repeats minus the runner with 1, over 4 (the cold first run,
# which fills the block and term caches, is left out). Independent of the machine's load, so
# two builds can be compared on a shared box where wall times swing.
#
# usage: bench/query_instructions.sh BUILD_DIR STORE_DIR Qn [QUERIES.json]
#   e.g. bench/query_instructions.sh build /tmp/q-1m Q4
# An old build copied elsewhere runs with LD_LIBRARY_PATH pointing at its libkgstore.
set -euo pipefail
build=$1; store=$2; query=$3
queries=${4:-/work/shared/bench/queries.json}
runner=$build/bench/runner/kgstore_bench_runner
[ -x "$runner" ] || runner=$build/kgstore_bench_runner
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$work/out.$1" --toggle-collect='kg::RunQuery(*' \
    "$runner" "$store" "$queries" news "$(basename "$store")" "$1" "$query" >/dev/null 2>&1
  callgrind_annotate "$work/out.$1" | awk '/PROGRAM TOTALS/ && !done { gsub(",", "", $1); print $1; done = 1 }'
}
one=$(instructions 1)
five=$(instructions 5)
echo "$query $(basename "$store"): $(( (five - one) / 4 )) instructions per warm run (first run $one)"
