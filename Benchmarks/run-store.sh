#!/usr/bin/env bash
# Runs the store benchmarks (Benchmarks/Benchmarks/StoreBenchmarks, release build) and prints
# records per second per core for each: RecordCodec encode and decode, point reads by id and a
# full scan of a 100,000-record LMDB store. Every benchmark runs on one thread. The full tables go
# to Benchmarks/results/store.md.
#
# Ingest throughput (250 k and 2.5 M records) is not measured here: `hoso ingest` prints records
# per second in its own summary.
#
# Usage: Benchmarks/run-store.sh [extra `swift package benchmark` options, e.g. --filter scan]
#
# Needs, on a fresh machine: the Swift 6.3 toolchain and liblmdb-dev (HosoStore links LMDB;
# installed below when missing). The first run builds the benchmark package and HosoModel +
# HosoStore (a few minutes on 2 cores); the run itself takes about a minute, most of it the
# setup that writes the 100,000-record stores.
set -euo pipefail
cd "$(dirname "$0")"

. ./common.sh

run_benchmark StoreBenchmarks store "$@"

# Each benchmark section is "### <name>" followed by a table whose columns are p0 … p100. Records
# per second come from the wall-clock row (time per iteration, unit in the row's label): one
# iteration handles 1,000 records, or the whole 100,000-record store for `scan`. The malloc row
# counts allocations per iteration.
awk -F'|' "$bench_awk"'
    /^### / { name = substr($0, 5); per[name] = (name == "scan") ? 100000 : 1000; order[++n] = name; next }
    name != "" && $2 ~ /Time \(wall clock\)/ {
        s = seconds($2)
        p50[name] = per[name] / (trim($5) * s); best[name] = per[name] / (trim($3) * s)
    }
    name != "" && $2 ~ /Malloc \(total\)/ { allocs[name] = trim($5) / per[name] }
    END {
        printf "Store throughput, one core: records per second, median (best) of the iterations\n"
        printf "%-12s %-26s %s\n", "benchmark", "records/s", "allocs/record"
        for (i = 1; i <= n; i++) {
            b = order[i]
            if (!(b in p50)) continue
            printf "%-12s %-26s %s\n", b, sprintf("%.0f (%.0f)", p50[b], best[b]), ((b in allocs) ? sprintf("%.1f", allocs[b]) : "-")
        }
        printf "point-read and scan run on a 100,000-record store; encode/decode on 10,000 records.\n"
    }
' results/store.md
report_load
echo "Ingest at 250 k and 2.5 M records: see the records/s line of \`hoso ingest\`'s summary."
echo "Full tables: Benchmarks/results/store.md"
