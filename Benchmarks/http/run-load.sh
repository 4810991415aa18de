#!/usr/bin/env bash
# HTTP load test (DESIGN §7, issue 6 part 8): `/v1/search` against a hello-world Hummingbird route
# built with the same Hummingbird version, traits, release configuration and server settings, in
# the same run, both driven by wrk with the same connections, threads and duration.
#
# What is measured: requests per second, p50 / p90 / p99 latency and errors for each, the ratio of
# search to hello-world throughput (target ≥ 0.60), search p99 (target ≤ 10 ms at 64 connections),
# and the resident memory of both servers before and after (anonymous and file-backed, sampled
# during) the search run. Search runs twice: with the per-key caches off (`--result-cache 0
# --page-cache 0`: the engine, reading and redaction on every request), then as served by default
# (a repeated query string of the same key at the same index sequence reuses its result, and its
# rendered page while the store is unchanged; every request is still authenticated and audited).
# A third baseline, hello-world answering as many bytes as the mean search response (`/bytes/N`),
# tells what moving the bytes alone costs.
# The search run cycles through a query mix (exact names, unaccented names, surname + given name,
# as-you-type prefixes, name + province, position + province, commune) with an officer key that
# has no rate limit; every request is audited as in production.
#
# Usage: Benchmarks/http/run-load.sh DB_DIR [--people FILE | --queries FILE] [--duration 30s]
#            [--connections 64] [--threads 2] [--port 18080] [--hello-port 18081]
#   DB_DIR      a database made by `hoso ingest` (2.5 M records for the DESIGN §7 figures).
#   --people    the NDJSON the database was ingested from; the query mix is drawn from it with
#               Benchmarks/search/make_queries.py (default: DB_DIR/../people.ndjson if present).
#   --queries   a ready query mix (`kind<TAB>querystring` lines) instead.
#   --duration  wrk duration of each measured run.
#   --memory-duration  duration of the as-served search run, whose memory is sampled (default:
#               --duration); 600s gives the 10-minute memory-flat check.
# Environment: HOSO_BUILD_DIR, the main package's build folder (default .build).
# Writes Benchmarks/results/http-load.md and prints the same summary.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
db=$(cd "$1" && pwd) || { echo "run-load: no database at $1" >&2; exit 2; }
shift
people="" queries="" duration=30s memory_duration="" connections=64 threads=2 port=18080 hello_port=18081
while [ $# -gt 0 ]; do
    case "$1" in
        --people) people=$2; shift 2 ;;
        --queries) queries=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --memory-duration) memory_duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --hello-port) hello_port=$2; shift 2 ;;
        *) usage ;;
    esac
done

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v bc >/dev/null 2>&1 || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
    echo "run-load: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi

work=$(mktemp -d)
server_pid="" hello_pid="" sampler_pid="" key_id=""
hoso="$root/${HOSO_BUILD_DIR:-.build}/release/hoso"
cleanup() {
    for pid in $sampler_pid $server_pid $hello_pid; do kill "$pid" 2>/dev/null || true; done
    for pid in $server_pid $hello_pid; do wait "$pid" 2>/dev/null || true; done
    if [ -n "$key_id" ]; then "$hoso" keys revoke --db "$db" "$key_id" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "run-load: building release (hoso, HelloBench)"
(cd "$root" && swift build -c release --scratch-path "${HOSO_BUILD_DIR:-.build}" --product hoso 2>&1 | tail -1)
(cd "$root/Benchmarks" && swift build -c release --product HelloBench 2>&1 | tail -1)
hello="$root/Benchmarks/.build/release/HelloBench"

if [ -z "$queries" ]; then
    [ -n "$people" ] || people="$(dirname "$db")/people.ndjson"
    [ -f "$people" ] || { echo "run-load: give --people NDJSON (the ingested file) or --queries FILE" >&2; exit 2; }
    queries="$work/queries.tsv"
    python3 "$root/Benchmarks/search/make_queries.py" "$people" "$queries" --count 2100 >/dev/null
fi
echo "run-load: $(wc -l <"$queries") queries from $queries"

key_output=$("$hoso" keys create --db "$db" --role officer --unlimited --name "run-load $(date -u +%FT%TZ)")
key_id=$(echo "$key_output" | sed -n 's/^created \(k_[^:]*\):.*/\1/p')
key=$(echo "$key_output" | tail -1)

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# Seconds since the start, then RssAnon and RssFile in KiB: the heap apart from pages of the
# memory-mapped LMDB and index files, which the kernel may drop and read again.
mem_sample() { awk -v t="$(( $(date +%s) - sampling_since ))" '/^RssAnon:/ { a = $2 } /^RssFile:/ { f = $2 } END { print t, a, f }' "/proc/$1/status" 2>/dev/null; }

start_search() {  # extra `hoso serve` options
    "$hoso" serve --db "$db" --port "$port" --log-level warning "$@" &
    server_pid=$!
    local start
    start=$(date +%s.%N)
    until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
        kill -0 "$server_pid" 2>/dev/null || { echo "run-load: hoso serve exited" >&2; exit 1; }
        sleep 0.1
    done
    ready_s=$(printf "%.2f" "$(echo "$(date +%s.%N) - $start" | bc)")
    local check
    check=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" \
        "http://127.0.0.1:$port/v1/search?$(head -1 "$queries" | cut -f2)")
    [ "$check" = 200 ] || { echo "run-load: a first search answered $check" >&2; exit 1; }
}
stop_search() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

"$hello" --port "$hello_port" &
hello_pid=$!
until curl -fsS "http://127.0.0.1:$hello_port/hello" >/dev/null 2>&1; do sleep 0.1; done
hello_rss_before=$(rss_kib "$hello_pid")
wrk_args=(-t"$threads" -c"$connections" --latency)

echo "run-load: warm-up (5 s)"
wrk "${wrk_args[@]}" -d5s -s "$here/hello.lua" "http://127.0.0.1:$hello_port/hello" >/dev/null
echo "run-load: hello-world, $duration, $connections connections, $threads wrk threads"
hello_line=$(wrk "${wrk_args[@]}" -d"$duration" -s "$here/hello.lua" "http://127.0.0.1:$hello_port/hello" | grep '^RESULT')
hello_rss_after=$(rss_kib "$hello_pid")

# The engine on every request: the per-key result and page caches off, so each search runs the
# query and reads and redacts its people.
start_search --result-cache 0 --page-cache 0
# The mean response size of the mix (200 queries from it), for the sized hello-world baseline.
body_bytes=$(head -200 "$queries" | cut -f2 | while read -r q; do
    curl -s -o /dev/null -w '%{size_download}\n' -H "Authorization: Bearer $key" "http://127.0.0.1:$port/v1/search?$q"
done | awk '{ s += $1; n++ } END { printf "%d", n ? s / n : 0 }')
echo "run-load: hello-world answering $body_bytes bytes (the mean search response), $duration"
sized_line=$(wrk "${wrk_args[@]}" -d"$duration" -s "$here/hello.lua" "http://127.0.0.1:$hello_port/bytes/$body_bytes" | grep '^RESULT')
records=$(curl -fsS "http://127.0.0.1:$port/metrics" | awk '$1 == "hoso_records" { printf "%d", $2 }')
echo "run-load: /v1/search without the per-key caches, $duration (after a 5 s warm-up)"
wrk "${wrk_args[@]}" -d5s -s "$here/search.lua" "http://127.0.0.1:$port" -- "$queries" "$key" >/dev/null
uncached_line=$(wrk "${wrk_args[@]}" -d"$duration" -s "$here/search.lua" "http://127.0.0.1:$port" -- "$queries" "$key" | grep '^RESULT')
stop_search

# As served by default: a key repeating a query string at the same index sequence gets its
# earlier result without running the engine (people still read, redacted and audited).
start_search
search_rss_before=$(rss_kib "$server_pid")
memory_duration=${memory_duration:-$duration}
echo "run-load: /v1/search as served (per-key caches on), $memory_duration (after a 5 s warm-up)"
wrk "${wrk_args[@]}" -d5s -s "$here/search.lua" "http://127.0.0.1:$port" -- "$queries" "$key" >/dev/null
sampling_since=$(date +%s)
: >"$work/rss.txt"
(while true; do mem_sample "$server_pid" >>"$work/rss.txt"; sleep 5; done) &
sampler_pid=$!
search_line=$(wrk "${wrk_args[@]}" -d"$memory_duration" -s "$here/search.lua" "http://127.0.0.1:$port" -- "$queries" "$key" | grep '^RESULT')
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""
search_rss_after=$(rss_kib "$server_pid")
# Anonymous memory after the first minute (caches filled) and at the end: flat means no growth.
anon_first=$(awk '$1 >= 60 { print $2; exit }' "$work/rss.txt")
anon_first=${anon_first:-$(head -1 "$work/rss.txt" | cut -d' ' -f2)}
anon_last=$(tail -1 "$work/rss.txt" | cut -d' ' -f2)
anon_min=$(cut -d' ' -f2 "$work/rss.txt" | sort -n | head -1) anon_max=$(cut -d' ' -f2 "$work/rss.txt" | sort -n | tail -1)
file_min=$(cut -d' ' -f3 "$work/rss.txt" | sort -n | head -1) file_max=$(cut -d' ' -f3 "$work/rss.txt" | sort -n | tail -1)

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ms() { echo "scale=2; $1 / 1000" | bc; }
mib() { echo "scale=1; $1 / 1024" | bc; }
h_rps=$(field "$hello_line" rps) s_rps=$(field "$search_line" rps) u_rps=$(field "$uncached_line" rps)
b_rps=$(field "$sized_line" rps)
sized_ratio=$(echo "scale=3; $s_rps / $b_rps" | bc)
ratio=$(echo "scale=3; $s_rps / $h_rps" | bc)
uncached_ratio=$(echo "scale=3; $u_rps / $h_rps" | bc)
load=$(cut -d' ' -f1-3 /proc/loadavg)

report=$(cat <<REPORT
# HTTP load: /v1/search vs hello-world Hummingbird

$(date -u +%FT%TZ) · $(nproc) cores · load average $load after the run · wrk -t$threads -c$connections, $duration per run ($memory_duration as served)
database: $db ($records records, ready in $ready_s s) · query mix: $(wc -l <"$queries") queries

| route | req/s | p50 ms | p90 ms | p99 ms | max ms | socket errors | non-2xx | RSS before MiB | RSS after MiB |
|---|---|---|---|---|---|---|---|---|---|
| hello-world | $h_rps | $(ms "$(field "$hello_line" p50_us)") | $(ms "$(field "$hello_line" p90_us)") | $(ms "$(field "$hello_line" p99_us)") | $(ms "$(field "$hello_line" max_us)") | $(field "$hello_line" socket_errors) | $(field "$hello_line" status_errors) | $(mib "$hello_rss_before") | $(mib "$hello_rss_after") |
| hello-world answering $body_bytes bytes | $b_rps | $(ms "$(field "$sized_line" p50_us)") | $(ms "$(field "$sized_line" p90_us)") | $(ms "$(field "$sized_line" p99_us)") | $(ms "$(field "$sized_line" max_us)") | $(field "$sized_line" socket_errors) | $(field "$sized_line" status_errors) | | |
| /v1/search, per-key caches off | $u_rps | $(ms "$(field "$uncached_line" p50_us)") | $(ms "$(field "$uncached_line" p90_us)") | $(ms "$(field "$uncached_line" p99_us)") | $(ms "$(field "$uncached_line" max_us)") | $(field "$uncached_line" socket_errors) | $(field "$uncached_line" status_errors) | | |
| /v1/search, as served (per-key caches on) | $s_rps | $(ms "$(field "$search_line" p50_us)") | $(ms "$(field "$search_line" p90_us)") | $(ms "$(field "$search_line" p99_us)") | $(ms "$(field "$search_line" max_us)") | $(field "$search_line" socket_errors) | $(field "$search_line" status_errors) | $(mib "$search_rss_before") | $(mib "$search_rss_after") |

search / hello-world throughput: as served **$ratio**, with the per-key caches off **$uncached_ratio**
(target ≥ 0.60) · search p99 target ≤ 10 ms. The query mix repeats every $(wc -l <"$queries") requests, so once
warm the served run answers from the per-key result and page caches; the cache-off run is the
engine, reading and redaction on every request. Against hello-world answering the same $body_bytes bytes, search as served
reaches **$sized_ratio**.
search server memory during the run (every 5 s): anonymous $(mib "$anon_min")–$(mib "$anon_max") MiB
($(mib "$anon_first") MiB after the first minute or first sample, $(mib "$anon_last") MiB at the end); mapped
LMDB and index file pages $(mib "$file_min")–$(mib "$file_max") MiB (page cache the kernel can drop)
REPORT
)
mkdir -p "$root/Benchmarks/results"
echo "$report" >"$root/Benchmarks/results/http-load.md"
echo
echo "$report"
