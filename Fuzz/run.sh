#!/usr/bin/env bash
# Builds and runs one libFuzzer target against its committed corpus (see Fuzz/README.md).
#
# Usage:
#   Fuzz/run.sh TARGET [SECONDS]      fuzz for SECONDS (default 600); TARGET is record, query or analyzer
#   Fuzz/run.sh TARGET replay FILE…   run the target once on each FILE (a crash-… artifact, a seed)
#   Fuzz/run.sh TARGET merge          minimise Corpus/TARGET plus this machine's new finds into Corpus/TARGET
#   Fuzz/run.sh seeds PEOPLE.ndjson   rewrite the seed inputs into Corpus/*/ (PEOPLE from `hoso generate --count 200 --seed 7`)
#
# Every Swift module is built with -sanitize=fuzzer,address (coverage + AddressSanitizer), plus
# -enable-testing so the targets can reach internal parsers with @testable import. Runs use
# -timeout=5 (an input taking longer is reported as a hang), -rss_limit_mb=2048 and the target's
# dictionary. New inputs found go to .build-fuzz/work/TARGET (not committed); failures go to
# .build-fuzz/artifacts/TARGET/ and the run stops with a non-zero status.
#
# Environment: FUZZ_NICE (default 10), the niceness of the build and the run.
set -euo pipefail
cd "$(dirname "$0")"

target=${1:?usage: Fuzz/run.sh record|query|analyzer [SECONDS | replay FILE… | merge]}
mode=${2:-600}
scratch=.build-fuzz

case "$target" in
record) product=FuzzRecord; max_len=8192 ;;
query) product=FuzzQuery; max_len=1024 ;;
analyzer) product=FuzzAnalyzer; max_len=4096 ;;
seeds) product=FuzzSeeds ;;
*) echo "run.sh: unknown target '$target' (record, query, analyzer, seeds)" >&2; exit 2 ;;
esac

build() {
    nice -n "${FUZZ_NICE:-10}" swift build -c release --scratch-path "$scratch" --product "$1" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing >&2
}

build "$product"
bin="$scratch/release/$product"
# libFuzzer reports the failure; Swift's own backtracer would only slow the crash path down.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=0}

if [ "$target" = seeds ]; then
    people=${2:?usage: Fuzz/run.sh seeds PEOPLE.ndjson}
    tmp=$(mktemp -d)
    "$bin" "$people" "$tmp"
    for t in record query analyzer; do
        mkdir -p "Corpus/$t"
        cp "$tmp/$t"/* "Corpus/$t/"
    done
    rm -rf "$tmp"
    exit 0
fi

corpus="Corpus/$target"
work="$scratch/work/$target"
artifacts="$scratch/artifacts/$target/"
mkdir -p "$corpus" "$work" "$artifacts"
common=(-timeout=5 -rss_limit_mb=2048 -max_len="$max_len" -dict="Dictionaries/$target.dict" -artifact_prefix="$artifacts")

case "$mode" in
replay)
    shift 2
    exec "$bin" "${common[@]}" "$@"
    ;;
merge)
    # Keeps a small set of inputs covering every edge of the committed corpus and the new finds:
    # -set_cover_merge keeps fewer files than -merge, and -use_counters=0 counts an edge once
    # rather than once per hit-count bucket (about a third of the files, a few hundred a target).
    fresh=$(mktemp -d)
    "$bin" "${common[@]}" -set_cover_merge=1 -use_counters=0 "$fresh" "$corpus" "$work" 2>&1 | tail -3
    rm -rf "$corpus"
    mkdir -p "$corpus"
    cp "$fresh"/* "$corpus/"
    rm -rf "$fresh"
    echo "run.sh: $corpus now holds $(ls "$corpus" | wc -l) inputs"
    ;;
*)
    seconds=$mode
    echo "run.sh: fuzzing $product for ${seconds}s from $corpus ($(ls "$corpus" | wc -l) inputs)" >&2
    exec nice -n "${FUZZ_NICE:-10}" "$bin" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        "$work" "$corpus"
    ;;
esac
