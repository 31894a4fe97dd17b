#!/usr/bin/env bash
# kgstore beside the peers of /work/shared/bench: loads DATASET.nt with
# `kg import` (timed, phase "load"), then runs Q1–Q6 in one process with
# kgstore_bench_runner, printing the same JSON lines as peers/sqlite.sh, plus
# the {"phase":"process"} line with peak RSS from the shared _run.sh.
#
# usage: peers/kgstore.sh DATASET.nt
#   env: REPEATS=5, QUERYSET=news, BENCH_OUT=..., KG_BUILD=<repo>/build-bench,
#        KG_BENCH_SHARED=/work/shared/bench (its _run.sh and queries.json)
# Works when symlinked into a copy of the shared bench's peers/ (see bench/RESULTS.md).
set -euo pipefail
self=$(readlink -f "$0")
repo=$(cd "$(dirname "$self")/../.." && pwd)
KG_BUILD=${KG_BUILD:-$repo/build-bench}
KG_BENCH_SHARED=${KG_BENCH_SHARED:-/work/shared/bench}
export KG_BUILD KG_BENCH_SHARED

if [ "${1:-}" = --inner ]; then
  # called by _run.sh as: kgstore.sh --inner DATASET.nt QUERYSET WORKDIR
  ds=$2; qset=$3; work=$4; name=$(basename "$ds")
  triples=$(grep -cv -e '^[[:space:]]*$' -e '^[[:space:]]*#' "$ds")
  t0=$(date +%s.%N)
  "$KG_BUILD/kg" import --db "$work/db" "$ds" >&2
  t1=$(date +%s.%N)
  disk=$(du -sb "$work/db" | cut -f1)
  version=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || true)
  awk -v n="$triples" -v t0="$t0" -v t1="$t1" -v disk="$disk" -v ds="$name" -v ver="${version:-kgstore}" 'BEGIN {
    s = t1 - t0
    printf "{\"peer\": \"kgstore\", \"dataset\": \"%s\", \"phase\": \"load\", \"seconds\": %.3f, \"rows\": %d, \"triples_per_s\": %d, \"disk_bytes\": %d, \"path\": \"kg import (bulk)\", \"version\": \"%s\"}\n", ds, s, n, n / s, disk, ver
  }'
  exec "$KG_BUILD/bench/runner/kgstore_bench_runner" "$work/db" "$KG_BENCH_SHARED/queries.json" \
    "$qset" "$name" "${REPEATS:-5}"
fi

d=$(cd "$(dirname "$0")" && pwd)
run=$d/_run.sh; [ -x "$run" ] || run=$KG_BENCH_SHARED/peers/_run.sh
exec "$run" kgstore "$1" -- "$self" --inner "$1"
