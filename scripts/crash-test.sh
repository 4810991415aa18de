#!/usr/bin/env bash
# Crash safety of POST /v1/sync: builds hoso in release, then SIGKILLs `hoso serve` at random
# moments during sync bursts (50 times by default) and checks after every restart that nothing
# acknowledged was lost, no batch was half-applied and the index agrees with LMDB.
#
#   scripts/crash-test.sh [KILLS] [-- extra options of scripts/crash-test.py]
#
# HOSO_SCRATCH: the build directory (default .build); HOSO_BIN: use this hoso, skip the build.
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-50}"
shift || true
[[ "${1:-}" == "--" ]] && shift
if [[ -z "${HOSO_BIN:-}" ]]; then
    scratch="${HOSO_SCRATCH:-.build}"
    swift build -c release --product hoso --scratch-path "$scratch"
    HOSO_BIN="$scratch/release/hoso"
fi
exec python3 scripts/crash-test.py --hoso "$HOSO_BIN" --kills "$kills" "$@"
