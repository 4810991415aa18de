#!/usr/bin/env bash
# The search comparison at full scale (issue 5, DESIGN §7): hoso's in-process engine against
# SQLite FTS5 on the same records and the same query mix, measured in one run.
#
#   Benchmarks/search/run.sh [COUNT]        (default 2500000)
#
# Steps: build release → generate COUNT records (seed 7) unless present → ingest into LMDB →
# rebuild the index (build time, bytes per record) → restart time (load the persisted index) →
# 2,100 queries of seven kinds → hoso single-thread and two-thread throughput and latency per
# kind → the same queries in SQLite FTS5 (unicode61 remove_diacritics 2) → ratios.
# Work files go to $HOSO_BENCH_DIR (default /tmp/hoso-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-2500000}
work=${HOSO_BENCH_DIR:-/tmp/hoso-bench}
mkdir -p "$work"
people="$work/people-$count.ndjson"
db="$work/db-$count"
queries="$work/queries.tsv"
rounds=${HOSO_BENCH_ROUNDS:-5}

swift build -c release --product hoso >&2
hoso=.build/release/hoso

if [ ! -s "$people" ]; then
    echo "== generate $count" >&2
    /usr/bin/time -f "generate: %e s, peak RSS %M KB" "$hoso" generate --count "$count" --seed 7 --out "$people"
fi
if [ ! -d "$db" ]; then
    echo "== ingest" >&2
    /usr/bin/time -f "ingest: %e s, peak RSS %M KB" "$hoso" ingest "$people" --db "$db" | tail -3
fi
echo "== rebuild" >&2
/usr/bin/time -f "rebuild: %e s, peak RSS %M KB" "$hoso" rebuild --db "$db"
ls -l "$db"/index.hoso | awk '{printf "index file: %.1f MB\n", $5/1e6}'

python3 Benchmarks/search/make_queries.py "$people" "$queries" --count 2100

echo "== restart (load persisted index) + hoso single thread" >&2
/usr/bin/time -f "hoso batch, 1 thread: %e s wall, peak RSS %M KB" \
    "$hoso" search --db "$db" --batch "$queries" --threads 1 --repeat "$rounds" > "$work/hoso-results.ndjson" 2> "$work/hoso-1.txt"
cat "$work/hoso-1.txt"
echo "== hoso two threads" >&2
"$hoso" search --db "$db" --batch "$queries" --threads 2 --repeat "$rounds" > /dev/null 2> "$work/hoso-2.txt"
grep '"engine"' "$work/hoso-2.txt"

echo "== sqlite fts5" >&2
reuse=""
[ -s "$work/fts-$count.sqlite" ] && reuse="--reuse"
python3 Benchmarks/search/sqlite_fts5.py "$people" "$queries" "$work/fts-$count.sqlite" --rounds 1 $reuse > "$work/sqlite.txt"
grep -v '^{' "$work/sqlite.txt"

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def summary(path):
    for line in open(path):
        if line.startswith('{"engine"'):
            return json.loads(line)
h1 = summary(f"{work}/hoso-1.txt"); h2 = summary(f"{work}/hoso-2.txt"); s = summary(f"{work}/sqlite.txt")
hoso_totals = [json.loads(l).get("total") for l in open(f"{work}/hoso-results.ndjson")]
agree = sum(1 for a, b in zip(hoso_totals, s["totals"]) if a == b)
print(f"hoso 1 thread: {h1['qps']:.0f} q/s, p50 {h1['p50_us']:.1f} us; 2 threads: {h2['qps']:.0f} q/s")
print(f"sqlite fts5 1 thread: {s['qps']:.1f} q/s, p50 {s['p50_us']:.1f} us (load {s['load_seconds']:.0f} s)")
print(f"ratio hoso/sqlite single-thread throughput: {h1['qps']/s['qps']:.1f}x")
print(f"totals equal on {agree}/{len(hoso_totals)} queries (they differ where hoso's tiers, lineage and aliases match more)")
PY
