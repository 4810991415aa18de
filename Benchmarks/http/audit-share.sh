#!/usr/bin/env bash
# What auditing costs under search load (issue 6 part 4: "auditing costs ≤ 5 % of throughput").
#
# Every search is audited before its response leaves, so there is no unaudited server to compare
# with; instead this samples where the server's CPU goes while wrk drives /v1/search with the query
# mix, and reports the share of samples spent auditing: the audit writer's thread (`hoso-audit`:
# encoding, hashing, blooms, usage, the LMDB write transaction, its fsyncs in the kernel) and the
# request side (event, usage count, queueing). That share is a lower bound of what auditing costs
# in throughput: each request also suspends until its entry is durable and is resumed from the
# writer thread, and those hops and the added latency (64 connections wait in a closed loop) cost
# more than the writer's CPU — see Benchmarks/http/load-results.md for a direct comparison.
#
# Usage: Benchmarks/http/audit-share.sh DB_DIR --queries FILE [--duration 20] [--result-cache N]
#   --result-cache  passed to `hoso serve` (0: every search runs the engine; default: as served)
# Needs perf (Debian: linux-perf), wrk, curl. Environment: HOSO_BUILD_DIR (default .build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -ge 1 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }
db=$(cd "$1" && pwd); shift
queries="" duration=20 cache=() port=18097
while [ $# -gt 0 ]; do
    case "$1" in
        --queries) queries=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --result-cache) cache=(--result-cache "$2"); shift 2 ;;
        *) echo "audit-share: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -n "$queries" ] || { echo "audit-share: give --queries FILE (kind<TAB>query lines)" >&2; exit 2; }
command -v perf >/dev/null || { echo "audit-share: perf is missing (apt-get install -y linux-perf)" >&2; exit 2; }
hoso="$root/${HOSO_BUILD_DIR:-.build}/release/hoso"
[ -x "$hoso" ] || (cd "$root" && swift build -c release --scratch-path "${HOSO_BUILD_DIR:-.build}" --product hoso)
work=${AUDIT_SHARE_WORK:-$(mktemp -d)}
key_output=$("$hoso" keys create --db "$db" --role officer --unlimited --name "audit-share $(date -u +%FT%TZ)")
key_id=$(echo "$key_output" | sed -n 's/^created \(k_[^:]*\):.*/\1/p')
key=$(echo "$key_output" | tail -1)
server_pid=""
cleanup() {
    [ -z "$server_pid" ] || { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
    [ -z "$key_id" ] || "$hoso" keys revoke --db "$db" "$key_id" >/dev/null 2>&1 || true
    [ -n "${AUDIT_SHARE_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
"$hoso" serve --db "$db" --port "$port" --log-level warning "${cache[@]}" &
server_pid=$!
until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    kill -0 "$server_pid" 2>/dev/null || { echo "audit-share: hoso serve exited" >&2; exit 1; }
    sleep 0.1
done
wrk -t2 -c64 -d5s -s "$here/search.lua" "http://127.0.0.1:$port" -- "$queries" "$key" >/dev/null
perf record -q -e cpu-clock -F 1999 -g -p "$server_pid" -o "$work/perf.data" -- sleep "$duration" >/dev/null 2>&1 &
perf_pid=$!
result=$(wrk -t2 -c64 -d"${duration}s" -s "$here/search.lua" "http://127.0.0.1:$port" -- "$queries" "$key" | grep '^RESULT')
wait "$perf_pid" || true
# The writer: every sample of its thread. The request side: inclusive samples under the pieces of
# `AuditLog.append` (an async function, sampled as separate partial functions, summed — an
# over-count if any nest) and the usage tracker.
perf report -i "$work/perf.data" --children --sort symbol -g none --stdio 2>/dev/null >"$work/report.txt"
perf report -i "$work/perf.data" --no-children --sort comm -g none --stdio 2>/dev/null >"$work/threads.txt"
sum_percent() { awk '{ gsub("%", "", $1); s += $1 } END { printf "%.2f", s + 0 }'; }
share() { { grep -E "$1" "$work/report.txt" || true; } | sum_percent; }
# The writer's whole thread (its LMDB commits, the kernel's fsyncs: liblmdb has no frame
# pointers, so a symbol filter misses most of them), plus the requests' side of appending.
writer=$({ grep -E ' hoso-audit *$' "$work/threads.txt" || true; } | sum_percent)
request=$(share 'AuditLogC6append|UsageTrackerC9noteShown')
total=$(echo "${writer:-0} + ${request:-0}" | bc)
echo "audit-share: wrk: $result"
echo "audit-share: server CPU samples on the audit writer thread ${writer:-0} %, in the requests' audit step ${request:-0} %: auditing ${total} % of the server's CPU"
