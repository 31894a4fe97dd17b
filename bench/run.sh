#!/usr/bin/env bash
# What `./kg.sh bench` runs: the benchmarks built in BUILD_DIR that need no
# external data — the microbenchmarks (bench/micro), then the ingest
# throughput (bench/ingest, KG_BENCH_MB=50 of text by default).
# The peer comparison needs datasets and other stores: bench/run_peers.sh.
#
# usage: bench/run.sh [BUILD_DIR] [Google Benchmark flags for kg_micro_bench]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
build=${1:-$root/build}
shift || true

micro=$build/bench/micro/kg_micro_bench
ingest=$build/bench/ingest/ingest_bench
[ -x "$micro" ] || { echo "bench/run.sh: no $micro (is Google Benchmark installed? build first)" >&2; exit 1; }
"$micro" "$@"
if [ -x "$ingest" ]; then "$ingest"; fi
echo "Peer stores (SQLite, ...) on the shared datasets: bench/run_peers.sh" >&2
