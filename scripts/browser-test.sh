#!/usr/bin/env bash
# Browser test of the web interface (issue 8), in Debian's chromium driven by selenium:
#   1. installs chromium, chromium-driver and fonts with apt-get when missing, and selenium from
#      PyPI into a virtual environment under the build directory;
#   2. builds `hoso` (debug, in HOSO_BUILD_DIR, default .build: after `swift test` this only links);
#   3. generates 3,000 people (seed 7), ingests them, creates one key per role;
#   4. serves on a free port, waits for /readyz, runs scripts/browser/test_web.py in headless
#      chromium, and writes screenshots to docs/screenshots (HOSO_SCREENSHOTS to change).
# The server is stopped and the temporary data removed on exit, whatever happens.
# Environment: HOSO_BUILD_DIR (.build), HOSO_SCREENSHOTS (docs/screenshots), HOSO_BIN (an already
# built hoso to test instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${HOSO_BUILD_DIR:-.build}
shots=${HOSO_SCREENSHOTS:-docs/screenshots}

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
[ -d /usr/share/fonts/truetype/liberation ] || [ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation)
command -v curl >/dev/null 2>&1 || need+=(curl)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
    echo "browser-test: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi

venv="$build/browser-venv"
if ! "$venv/bin/python" -c 'import selenium' >/dev/null 2>&1; then
    echo "browser-test: installing selenium into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'selenium>=4.15,<5'
fi

if [ -n "${HOSO_BIN:-}" ]; then
    bin=$HOSO_BIN
else
    echo "browser-test: building hoso (debug, $build)"
    log=$(mktemp)
    if ! swift build --scratch-path "$build" --product hoso >"$log" 2>&1; then
        tail -40 "$log"; rm -f "$log"; echo "browser-test: the build failed"; exit 1
    fi
    tail -1 "$log"; rm -f "$log"
    bin="$build/debug/hoso"
fi

start=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/hoso-browser.XXXXXX")
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$bin" generate --count 3000 --seed 7 --out "$work/people.ndjson" --quiet
"$bin" ingest "$work/people.ndjson" --db "$work/db" >"$work/ingest.log" 2>&1 || { cat "$work/ingest.log"; exit 1; }

# The self key belongs to the person with the longest career among the first 500.
person=$(head -500 "$work/people.ndjson" | python3 -c '
import json, sys
people = [json.loads(line) for line in sys.stdin if line.strip()]
print(max(people, key=lambda p: len(p.get("work_history") or []))["id"])')
create() { "$bin" keys create --db "$work/db" --name "browser $1" "${@:2}" | tail -1; }
export HOSO_OFFICER_KEY HOSO_RECRUITER_KEY HOSO_ADMIN_KEY HOSO_SELF_KEY HOSO_SELF_ID="$person"
HOSO_OFFICER_KEY=$(create officer --role officer)
HOSO_RECRUITER_KEY=$(create recruiter --role recruiter)
HOSO_ADMIN_KEY=$(create admin --role admin)
HOSO_SELF_KEY=$(create self --role self --person "$person")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$work/db" --host 127.0.0.1 --port "$port" >"$work/serve.log" 2>&1 &
server=$!
export HOSO_URL="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
    curl -sf "$HOSO_URL/readyz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; echo "browser-test: hoso serve exited"; exit 1; }
    sleep 0.2
done
curl -sf "$HOSO_URL/readyz" >/dev/null || { cat "$work/serve.log"; echo "browser-test: not ready after 60 s"; exit 1; }

mkdir -p "$shots"
HOSO_SCREENSHOTS="$shots" SE_OFFLINE=true "$venv/bin/python" scripts/browser/test_web.py
echo "browser-test: passed in $(($(date +%s) - start)) s after the build; screenshots in $shots"
