#!/usr/bin/env bash
# Instructions per row of the two pos walks of Q2 and Q4 step 1 and per
# candidate of Q4's step 2 (forward lookups), today's keys against packed
# posting lists (kg_pos_packing, pos_packing.cpp), and the packed tables' bytes: callgrind counts only the measured walks (REPEATS
# each, after one warm walk), so the figures do not depend on the box's load.
#
# usage: bench/postings/measure.sh BUILD_DIR STORE_DIR [BLOCKS...]
#   e.g. bench/postings/measure.sh build /tmp/q8f-5m 64 128 256
# The packed copies go to /tmp/kg-pos-packing-<store>-<N>[-fixed] (kept).
set -euo pipefail
build=$1; store=$2; shift 2
blocks=${*:-64 128 256}
tool=$build/bench/postings/kg_pos_packing
repeats=${REPEATS:-5}
name=$(basename "$store")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
kg=http://example.org/kg
patterns=("$kg/competes_with $kg/org/1" "$kg/subject $kg/org/0")

inclusive() {  # callgrind output, function name -> its inclusive instructions
  callgrind_annotate --inclusive=yes "$1" | awk -v f="$2" '$0 ~ f && !done { gsub(",", "", $1); print $1; done = 1 }'
}

for block in 1 $blocks "128 fixed"; do
  set -- $block
  dir=/tmp/kg-pos-packing-$name-$1${2:+-$2}
  "$tool" build "$store" "$dir" $1 ${2:-varint}
  for pattern in "${patterns[@]}"; do
    set -- $pattern
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" --toggle-collect='*MeasuredWalk*' \
      "$tool" walk "$store" "$dir" "$1" "$2" "$repeats" >"$work/walk" 2>/dev/null
    rows=$(awk '/^store/ { print $3 }' "$work/walk")
    grep -q '(same)' "$work/walk" || { echo "different rows from $dir"; cat "$work/walk"; exit 1; }
    keys=$(inclusive "$work/cg" MeasuredWalkKeys)
    packed=$(inclusive "$work/cg" MeasuredWalkPacked)
    awk -v d="$(basename "$dir")" -v p="${2#$kg/}" -v pr="${1#$kg/}" -v r="$rows" -v n="$repeats" -v k="$keys" -v q="$packed" \
      'BEGIN { printf "%s (%s, %s) %d rows: keys %.0f, packed %.0f instructions per row (%.1fx fewer)\n", d, pr, p, r, k / (n * r), q / (n * r), k / q }'
  done
  valgrind --tool=callgrind --callgrind-out-file="$work/cg" --toggle-collect='*MeasuredProbe*' \
    "$tool" probe "$store" "$dir" $kg/predicate $kg/competes_with $kg/subject $kg/org/0 "$repeats" >"$work/probe" 2>/dev/null
  grep -q same "$work/probe" || { echo "different answers from $dir"; cat "$work/probe"; exit 1; }
  candidates=$(awk '{ print $2 }' "$work/probe")
  keys=$(inclusive "$work/cg" MeasuredProbeKeys)
  packed=$(inclusive "$work/cg" MeasuredProbePacked)
  awk -v d="$(basename "$dir")" -v c="$candidates" -v n="$repeats" -v k="$keys" -v q="$packed" -v f="$(awk '{ print $5 }' "$work/probe")" \
    'BEGIN { printf "%s Q4 step 2, %d candidates (%d found): keys %.0f, packed %.0f instructions per candidate (%.1fx fewer)\n", d, c, f, k / (n * c), q / (n * c), k / q }'
done
