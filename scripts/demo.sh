#!/usr/bin/env bash
# Sets up hoso on a fresh machine and shows the analyser on demo input.
# (Grows with each capability: generate, ingest and serve come with the store and server.)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -f /usr/include/lmdb.h ] || need+=(liblmdb-dev)
[ -f /usr/include/unicode/unorm2.h ] || need+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi
swift build -c release --product hoso
bin=.build/release/hoso
"$bin" --help
