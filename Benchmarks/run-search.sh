#!/usr/bin/env bash
# Runs the search benchmarks (Benchmarks/Benchmarks/SearchBenchmarks, release build): searches per
# second on one core for the seven query kinds over HOSO_BENCH_RECORDS generated people (default
# 250,000), for hoso's searcher and for the record-level baseline plan, measured in the same run,
# and their ratio. The full tables go to Benchmarks/results/search.md.
#
# The 2.5 M-record comparison with SQLite FTS5 (latency percentiles, two threads, build and restart
# times) is Benchmarks/search/run.sh.
#
# Usage: Benchmarks/run-search.sh [extra `swift package benchmark` options, e.g. --filter exact]
set -euo pipefail
cd "$(dirname "$0")"

. ./common.sh

run_benchmark SearchBenchmarks search "$@"

# Each section is "### <kind> <plan>" and a table whose columns are p0 … p100; one iteration is
# 100 searches, so searches/s = 100 / (median wall-clock time of an iteration).
awk -F'|' "$bench_awk"'
    /^### / { split(substr($0, 5), parts, " "); kind = parts[1]; plan = parts[2]; if (!(kind in seen)) { seen[kind] = 1; order[++n] = kind }; next }
    kind != "" && $2 ~ /Time \(wall clock\)/ { rate[kind, plan] = 100 / (trim($5) * seconds($2)) }
    END {
        printf "Searches per second on one core, median of the iterations (100 searches each)\n"
        printf "%-18s %12s %12s %8s\n", "kind", "hoso", "baseline", "ratio"
        for (i = 1; i <= n; i++) {
            k = order[i]
            printf "%-18s %12.0f %12.0f %7.1fx\n", k, rate[k, "hoso"], rate[k, "baseline"], rate[k, "hoso"] / rate[k, "baseline"]
        }
    }
' results/search.md
report_load
echo "Full tables: Benchmarks/results/search.md"
