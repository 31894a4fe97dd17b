#!/usr/bin/env bash
# Scores extraction on folders of pages that each hold a manifest.tsv and a
# gold.jsonl (or expected.jsonl; the format of shared/eval/score.py): ingests each folder into a
# fresh store, exports its claims and prints one row per folder plus a total.
# The blind sets under bench/extraction/heldout/ are pages written by people
# who never read the rules; see docs/ingest.md "Blind yardsticks".
#
# usage: bench/extraction/score_sets.sh FOLDER...
#   env: KG=<repo>/build/kg   the kg to measure (a snapshot's wrapper script works)
#        KG_RULES_DIR         rule data to use (default: the repo's ingest/data)
#        SHOW=1               also print score.py's report of missed claims and false positives
#        KEEP=DIR             keep each folder's claims export as DIR/<parent>-<folder>.jsonl
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
KG=${KG:-$repo/build/kg}
export KG_RULES_DIR=${KG_RULES_DIR:-$repo/ingest/data}
score=${KG_SCORE:-$repo/../shared/eval/score.py}
[ $# -gt 0 ] || { sed -n 2,13p "$0" >&2; exit 2; }
[ -f "$score" ] || { echo "score_sets.sh: no $score" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

printf '%-28s %9s %9s %9s %6s\n' set required precision extracted fp
for set in "$@"; do
  # The parent folder too, so that s20/en and s21/en keep stores and exports apart.
  name=$(basename "$(dirname "$(readlink -f "$set")")")-$(basename "$set")
  gold=$set/gold.jsonl; [ -f "$gold" ] || gold=$set/expected.jsonl
  [ -f "$set/manifest.tsv" ] && [ -f "$gold" ] || { echo "score_sets.sh: $set lacks manifest.tsv or gold.jsonl" >&2; exit 1; }
  "$KG" ingest --db "$work/$name.db" --manifest "$set/manifest.tsv" >/dev/null 2>"$work/$name.err" \
    || { cat "$work/$name.err" >&2; exit 1; }
  "$KG" export --format claims --db "$work/$name.db" >"$work/$name.jsonl"
  if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$work/$name.jsonl" "$KEEP/"; fi
  python3 "$score" "$gold" "$work/$name.jsonl" --json >"$work/$name.score"
  python3 - "$work/$name.score" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:<28} {r['req_matched_count']:>4}/{r['gold_required']:<4} {r['precision']:>9.3f} {r['extracted']:>9} {r['false_positive_count']:>6}")
PY
  if [ -n "${SHOW:-}" ]; then python3 "$score" "$gold" "$work/$name.jsonl" --show 50; fi
done | tee "$work/rows"
python3 - "$work" <<'PY'
import glob, json, os, sys
req = got = ext = neu = mat = 0
for path in glob.glob(os.path.join(sys.argv[1], "*.score")):
    r = json.load(open(path))
    req += r["gold_required"]; got += r["req_matched_count"]
    ext += r["extracted"]; neu += r["neutral"]; mat += r["matched"]
p = mat / (ext - neu) if ext > neu else 1.0
print(f"{'total':<28} {got:>4}/{req:<4} {p:>9.3f} {ext:>9}")
PY
