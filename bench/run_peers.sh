#!/usr/bin/env bash
# Reproduces the peer table (/work/shared/bench) with kgstore in it, in one
# command: builds kg and kgstore_bench_runner, makes or checks the datasets,
# runs a writable copy of the shared bench with peers/kgstore.sh symlinked in,
# then prints collect.py's table and a kgstore / sqlite ratio row per dataset.
#
# usage: bench/run_peers.sh
#   env: SIZES="100k 1m"        datasets news-SIZE.nt (gen_nt.py --seed 42)
#        PEERS="kgstore sqlite" peers to run, in this order
#        DATA=/tmp/kgbd         where the datasets are (missing ones are made)
#        KG_BUILD=<repo>/build-bench (configured RelWithDebInfo if new)
#        KG_BENCH_SHARED=/work/shared/bench  BENCH_OUT=<results .jsonl>
#        REPEATS, PEER_TIMEOUT (passed to the peers / run_all.sh)
# /work/shared/bench is read-only and never written; the copy is removed at exit.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
SIZES=${SIZES:-"100k 1m"}
PEERS=${PEERS:-"kgstore sqlite"}
DATA=${DATA:-/tmp/kgbd}
KG_BUILD=${KG_BUILD:-$repo/build-bench}
KG_BENCH_SHARED=${KG_BENCH_SHARED:-/work/shared/bench}
BENCH_OUT=${BENCH_OUT:-/tmp/kg-peers-$(date +%Y%m%d-%H%M%S).jsonl}
export KG_BUILD KG_BENCH_SHARED BENCH_OUT
reference=$KG_BENCH_SHARED/results/peers-2026-11-23.md

log() { printf 'run_peers: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

build_kgstore() {
  if [ ! -f "$KG_BUILD/build.ninja" ]; then
    cmake -S "$repo" -B "$KG_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
  fi
  cmake --build "$KG_BUILD" -j "${KG_JOBS:-2}" --target kg kgstore_bench_runner >&2
}

# "100k" -> 100000, "1m" -> 1000000.
triples_of() {
  case "$1" in
    *k) echo $(( ${1%k} * 1000 )) ;;
    *m) echo $(( ${1%m} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}

# The md5 the reference report gives for FILE's name, or nothing.
reference_md5() {
  awk -F'|' -v f="$1" '{ gsub(/ /, "", $2); gsub(/ /, "", $4) } $2 == f && length($4) == 32 && $4 ~ /^[0-9a-f]+$/ { print $4; exit }' "$reference"
}

# The file run_all.sh will take for SIZE ($DATA/SIZE.nt first), made if missing.
ensure_dataset() {
  local size=$1 file=$DATA/$1.nt
  [ -f "$file" ] || file=$DATA/news-$1.nt
  if [ ! -f "$file" ]; then
    log "generating $file"
    mkdir -p "$DATA"
    python3 "$KG_BENCH_SHARED/gen_nt.py" --triples "$(triples_of "$size")" --seed 42 --out "$file.tmp" >&2
    mv "$file.tmp" "$file"
  fi
  local want got
  want=$(reference_md5 "news-$size.nt")
  [ -n "$want" ] || { log "no reference md5 for news-$size.nt in $reference: not checked"; return; }
  got=$(md5sum < "$file" | cut -d' ' -f1)
  [ "$got" = "$want" ] || die "$file: md5 $got, the peers' report measured $want (delete it to regenerate)"
}

# Ratio row(s) kgstore / sqlite per column of collect.py's table (times, disk,
# RSS: above 1 means kgstore takes more). Same rule as collect.py: the last
# run of a (peer, dataset) pair counts.
print_ratios() {
  python3 - "$BENCH_OUT" <<'PY'
import json, sys
runs = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    key = (r["dataset"], r["peer"])
    if r["phase"] == "load" or key not in runs:
        runs[key] = {}
    runs[key][r["phase"]] = r

def ratio(a, b):
    return "-" if not a or not b else "%.2g×" % (a / b) if a / b < 10 else "%.0f×" % (a / b)

def cells(phases):
    load, proc = phases.get("load", {}), phases.get("process", {})
    out = [load.get("seconds"), None, load.get("disk_bytes"), proc.get("peak_rss_kb")]
    return out + [phases.get(q, {}).get("seconds") for q in ("Q1", "Q2", "Q3", "Q4", "Q5", "Q6")]

header = False
for ds in sorted({d for d, _ in runs}):
    kg, sq = runs.get((ds, "kgstore")), runs.get((ds, "sqlite"))
    if not kg or not sq or "load" not in kg or "load" not in sq:
        continue
    if not header:
        print("| dataset | ratio | load s | triples/s | disk | peak RSS | Q1 | Q2 | Q3 | Q4 | Q5 | Q6 |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        header = True
    row = ["" if a is None and b is None else ratio(a, b) for a, b in zip(cells(kg), cells(sq))]
    print("| %s | **kgstore / sqlite** | %s |" % (ds, " | ".join(row)))
PY
}

[ -f "$reference" ] || die "no $reference: is KG_BENCH_SHARED the shared bench?"
case " $PEERS " in *" kgstore "*) build_kgstore ;; esac
for size in $SIZES; do ensure_dataset "$size"; done

copy=$(mktemp -d /tmp/kg-peer-bench.XXXXXX)
trap 'rm -rf "$copy"' EXIT
cp -r "$KG_BENCH_SHARED/." "$copy/"
chmod -R u+w "$copy"
ln -s "$repo/bench/peers/kgstore.sh" "$copy/peers/kgstore.sh"

log "results go to $BENCH_OUT"
# shellcheck disable=SC2086 # PEERS is a list of names
SIZES="$SIZES" DATA="$DATA" "$copy/run_all.sh" $PEERS >&2  # JSON lines: in $BENCH_OUT
python3 "$copy/collect.py" "$BENCH_OUT"
echo
print_ratios
