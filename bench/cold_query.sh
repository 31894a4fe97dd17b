#!/usr/bin/env bash
# Issue 6's cold-start figure: a new `kg query` process opens a store and
# answers a query; prints the wall time of each process and the median, and
# the same for the open alone (the query capped at one row).
#
# usage: bench/cold_query.sh DB [QUERY]
#   QUERY defaults to the peer benchmark's Q1 (all triples of org/0).
#   env: KG_BUILD=<repo>/build-bench  REPEATS=5
#        DROP_CACHES=1  empty the OS page cache before each run (needs root;
#                       without it the store's files are usually in the page
#                       cache, so this measures a cold process, not a cold disk)
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
KG_BUILD=${KG_BUILD:-$repo/build-bench}
REPEATS=${REPEATS:-5}
db=${1:?usage: bench/cold_query.sh DB [QUERY]}
query=${2:-"FIND ?p ?o WHERE <http://example.org/kg/org/0> ?p ?o"}
kg=$KG_BUILD/kg
[ -x "$kg" ] || { echo "cold_query.sh: no $kg (build the kg target first)" >&2; exit 1; }
[ -d "$db" ] || { echo "cold_query.sh: no store at $db" >&2; exit 1; }

# Milliseconds of one `kg query` process; extra arguments go to kg query.
time_one() {
  if [ "${DROP_CACHES:-0}" = 1 ]; then
    sync
    echo 3 >/proc/sys/vm/drop_caches || { echo "cold_query.sh: cannot drop caches (not root?)" >&2; exit 1; }
  fi
  local t0 t1
  t0=$(date +%s%N)
  "$kg" query --db "$db" --format csv "$@" "$query" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

report() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$REPEATS"); do times+=("$(time_one "$@")"); done
  printf '%-28s median %5d ms   runs: %s\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

echo "store $db ($(du -sh "$db" | cut -f1)), $REPEATS runs each, page cache $([ "${DROP_CACHES:-0}" = 1 ] && echo dropped || echo kept)"
report "open + first row" --max-rows 1
report "open + whole query"
