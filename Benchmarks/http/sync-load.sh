#!/usr/bin/env bash
# Sync latency under search load (DESIGN §7: a synced change is searchable when POST /v1/sync
# returns; p99 ≤ 50 ms for a 100-line batch on 2.5 M records while /v1/search is under load).
#
# What is measured: the latency of 100-line sync batches sent one after another (request sent →
# whole response, i.e. committed with fsync and searchable), first on an idle server, then while
# wrk drives /v1/search with the query mix at 64 connections, in the same run; p50/p90/p99/max of
# each, wrk's search throughput and latency meanwhile, and read-your-writes misses (a search
# right after each batch that does not find the change; must be 0).
#
# Usage: Benchmarks/http/sync-load.sh [--db DIR] [--people FILE] [--queries FILE] [--work DIR]
#            [--batches N] [--connections 64] [--port 18090]
#   --db       the database to copy (never written): default /tmp/hoso-bench/db-2500000
#   --people   the NDJSON it was ingested from (batches are drawn from it)
#   --queries  the search mix (`kind<TAB>query` lines, Benchmarks/search/make_queries.py)
#   --work     where the copy goes (default /tmp/hoso-sync-bench; reused when present)
#   --fresh    copy the database again even if the work directory has one
# Environment: HOSO_BUILD_DIR, the build folder (default .build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
db=/tmp/hoso-bench/db-2500000 people=/tmp/hoso-bench/people-2500000.ndjson queries=/tmp/hoso-bench/queries.tsv
work=/tmp/hoso-sync-bench batches=300 connections=64 port=18090 fresh=0
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        --people) people=$2; shift 2 ;;
        --queries) queries=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --batches) batches=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --fresh) fresh=1; shift ;;
        *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
hoso="$root/${HOSO_BUILD_DIR:-.build}/release/hoso"
[ -x "$hoso" ] || (cd "$root" && swift build -c release --scratch-path "${HOSO_BUILD_DIR:-.build}" --product hoso)
mkdir -p "$work"
[ "$fresh" = 1 ] && rm -rf "$work/db"
if [ ! -d "$work/db" ]; then
    echo "sync-load: copying $db to $work/db"
    cp -r "$db" "$work/db"
fi
sample="$work/sample.ndjson"
need=$(( batches * 100 * 2 + 1000 ))
if [ ! -f "$sample" ] || [ "$(wc -l <"$sample")" -lt "$need" ]; then
    echo "sync-load: drawing $need records from $people"
    shuf -n "$need" --random-source=<(yes) "$people" >"$sample"
fi
server_pid="" wrk_pid=""
cleanup() {
    for pid in $wrk_pid $server_pid; do kill "$pid" 2>/dev/null || true; done
    for pid in $wrk_pid $server_pid; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

started=$(date +%s.%N)
echo "sync-load: $hoso, tree at $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo "(not a git checkout)")"
"$hoso" serve --db "$work/db" --port "$port" --log-level warning 2>>"$work/serve.log" &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { echo "sync-load: server died; see $work/serve.log" >&2; exit 1; }
    sleep 0.1
done
echo "sync-load: ready in $(echo "$(date +%s.%N) - $started" | bc) s"
officer=$("$hoso" keys create --db "$work/db" --role officer --unlimited --name sync-load | tail -1)
admin=$("$hoso" keys create --db "$work/db" --role admin --unlimited --name sync-load | tail -1)

half=$(( batches * 100 ))
python3 "$here/sync_client.py" "http://127.0.0.1:$port" "$admin" "$sample" --batches "$(( batches / 3 ))" --label "idle server"
duration=$(( batches / 4 + 60 ))
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/search.lua" "http://127.0.0.1:$port" -- "$queries" "$officer" \
    >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 3
python3 "$here/sync_client.py" "http://127.0.0.1:$port" "$admin" "$sample" --batches "$batches" --offset "$half" \
    --label "search under load (wrk -c$connections)"
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" 2>/dev/null || true
wrk_pid=""
echo "sync-load: wrk during the loaded run:"
grep -E "Requests/sec|Latency  |  99%|  50%|Non-2xx|Socket errors" "$work/wrk.txt" | sed 's/^/    /'
