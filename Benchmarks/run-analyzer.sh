#!/usr/bin/env bash
# Runs the analyser benchmarks (Benchmarks/Benchmarks/AnalyzerBenchmarks, release build) and prints
# tokens per second per core for each input kind: every benchmark runs on one thread, so its
# throughput is a one-core figure. The full tables go to Benchmarks/results/analyzer.md.
#
# Usage: Benchmarks/run-analyzer.sh [extra `swift package benchmark` options, e.g. --filter 'name-']
#
# Needs, on a fresh machine: the Swift 6.3 toolchain, and libicu-dev + pkg-config because HosoText
# links ICU (installed below when missing, as .ci/run does). No jemalloc: on Swift 6.3 the benchmark
# package takes its malloc statistics from its own malloc-interposer package (the `MallocInterposer`
# trait in Package.swift), built from source. The first run builds the benchmark package and the
# needed Hoso targets (a few minutes on 2 cores); the run itself takes about 40 s.
set -euo pipefail
cd "$(dirname "$0")"

. ./common.sh

run_benchmark AnalyzerBenchmarks analyzer "$@"

# Each benchmark section is "### <operation> <kind>" followed by a table whose columns are p0 … p100.
# One iteration analyses 1,000 tokens, so the throughput row (iterations per second, shown in
# thousands because of `scalingFactor: .kilo`) reads as thousands of tokens per second; with
# --scale the malloc row counts allocations per 1,000-token iteration.
awk -F'|' "$bench_awk"'
    /^### / { split(substr($0, 5), part, " "); op = part[1]; kind = part[2]; kinds[kind] = 1; next }
    op != "" && $2 ~ /Throughput/ { p50[op, kind] = trim($5) / 1000; best[op, kind] = trim($3) / 1000 }
    op != "" && $2 ~ /Malloc \(total\)/ { allocs[op, kind] = trim($5) / 1000 }
    END {
        n = split("name-ascii name-nfc name-nfd hometown position", order, " ")
        printf "Analyser throughput, one core: million tokens per second, median (best) of 1,000-token iterations\n"
        printf "%-12s %-16s %-16s %-16s %s\n", "kind", "document", "query", "WordKeys", "allocs/token (document)"
        for (i = 1; i <= n; i++) {
            k = order[i]
            if (!(k in kinds)) continue
            line = sprintf("%-12s", k)
            split("document query WordKeys", ops, " ")
            for (j = 1; j <= 3; j++) {
                o = ops[j]
                cell = ((o, k) in p50) ? sprintf("%.2f (%.2f)", p50[o, k], best[o, k]) : "-"
                line = line sprintf(" %-16s", cell)
            }
            line = line sprintf(" %s", ((("document", k) in allocs) ? sprintf("%.2f", allocs["document", k]) : "-"))
            print line
        }
        printf "Target: >= 2 M name tokens per second per core (document and query on name-*).\n"
        for (i = 1; i <= 3; i++) {
            k = order[i]
            for (j = 1; j <= 2; j++) {
                o = (j == 1) ? "document" : "query"
                if ((o, k) in p50 && p50[o, k] < 2) printf "  BELOW TARGET: %s %s at %.2f M tokens/s\n", o, k, p50[o, k]
            }
        }
        printf "Hometown tokens are place units (\"Hiệp Hòa\", \"Bắc Ninh\"): 1-4 words each.\n"
    }
' results/analyzer.md
report_load " (the best values less)"
echo "Full tables: Benchmarks/results/analyzer.md"
