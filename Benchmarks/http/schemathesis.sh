#!/usr/bin/env bash
# Fuzzes the running API against its own OpenAPI document with schemathesis (PyPI), the way
# issue 6 part 6 asks: no 5xx, and no status, content type, header or body that breaks the
# document. It sends generated valid and invalid requests (`--mode all`: wrong types, values out
# of range, odd Unicode, missing and unexpected parameters) to every route, once per key role.
#
# POST /v1/sync is left out: its body is NDJSON, which schemathesis cannot generate (it reports
# "Serialization not possible"); SyncRouteTests, SyncServiceTests and the record fuzz target
# cover it.
#
# Usage: Benchmarks/http/schemathesis.sh [DB_DIR] [--max-examples N] [--port P]
#   DB_DIR   a database to serve; by default a fresh one with 3,000 generated people.
# Installs schemathesis into Benchmarks/http/.venv (kept between runs; not committed).
# Environment: HOSO_BUILD_DIR, the main package's build folder (default .build);
#              HOSO_CONFIGURATION, debug or release (default release).
# Exits non-zero when schemathesis reports a failure; its reports go to
# Benchmarks/results/schemathesis/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
db="" examples=100 port=18090
while [ $# -gt 0 ]; do
    case "$1" in
        --max-examples) examples=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) db=$(cd "$1" && pwd); shift ;;
    esac
done

venv="$here/.venv"
if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "schemathesis.sh: installing schemathesis into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis>=4,<5"
fi
"$venv/bin/schemathesis" --version

configuration=${HOSO_CONFIGURATION:-release}
(cd "$root" && swift build -c "$configuration" --scratch-path "${HOSO_BUILD_DIR:-.build}" --product hoso 2>&1 | tail -1)
hoso="$root/${HOSO_BUILD_DIR:-.build}/$configuration/hoso"

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$db" ]; then
    db="$work/db"
    "$hoso" generate --count 3000 --seed 11 --out "$work/people.ndjson" --quiet
    "$hoso" ingest "$work/people.ndjson" --db "$db" >/dev/null
fi
person=$("$hoso" search --db "$db" --q "Nguyễn" --limit 1 --json 2>/dev/null | grep -o '"id":"[A-Za-z0-9._-]*"' | head -1 | cut -d'"' -f4)
key() { "$hoso" keys create --db "$db" --unlimited --name "schemathesis $1" "${@:2}" | tail -1; }
declare -A keys=(
    [officer]=$(key officer --role officer)
    [recruiter]=$(key recruiter --role recruiter)
    [admin]=$(key admin --role admin)
    [self]=$(key self --role self --person "${person:-HS0000000001}")
)

"$hoso" serve --db "$db" --port "$port" --log-level error &
server_pid=$!
until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    kill -0 "$server_pid" 2>/dev/null || { echo "schemathesis.sh: hoso serve exited" >&2; exit 1; }
    sleep 0.2
done

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance
reports="$root/Benchmarks/results/schemathesis"
mkdir -p "$reports"
status=0
for role in officer recruiter admin self; do
    echo "schemathesis.sh: as $role"
    "$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
        --checks "$checks" --mode all --max-examples "$examples" --seed 6 --workers 1 \
        --exclude-operation-id sync \
        --header "Authorization: Bearer ${keys[$role]}" \
        --report junit --report-junit-path "$reports/$role.xml" --no-color || status=1
done
if kill -0 "$server_pid" 2>/dev/null; then echo "schemathesis.sh: the server is still up"; else echo "schemathesis.sh: the server died" >&2; status=1; fi
exit $status
