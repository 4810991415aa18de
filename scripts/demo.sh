#!/usr/bin/env bash
# Sets up hoso on a fresh Debian machine with Swift and serves a demo dataset:
#   1. installs the C libraries (LMDB, ICU) if missing, builds `hoso` in release;
#   2. generates HOSO_DEMO_COUNT synthetic people (default 250000; 2500000 for full scale) and
#      ingests them into demo/db (skipped when demo/ already holds that many);
#   3. creates one demo key per role (officer, recruiter, agency, self, admin), kept in
#      demo/keys.env (mode 600; the secrets are shown only once by `hoso keys create`);
#   4. prints ready-to-paste curl lines and serves on 127.0.0.1:${HOSO_PORT:-8080} until Ctrl-C.
# Environment: HOSO_DEMO_COUNT, HOSO_DEMO_SEED (default 2025), HOSO_PORT, HOSO_BUILD_DIR (.build).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${HOSO_DEMO_COUNT:-250000}
seed=${HOSO_DEMO_SEED:-2025}
port=${HOSO_PORT:-8080}
build=${HOSO_BUILD_DIR:-.build}

need=()
[ -f /usr/include/lmdb.h ] || need+=(liblmdb-dev)
[ -f /usr/include/unicode/unorm2.h ] || need+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi

echo "demo: building hoso (release; the first build takes several minutes)"
swift build -c release --scratch-path "$build" --product hoso
bin="$build/release/hoso"

mkdir -p demo
if [ "$(cat demo/dataset 2>/dev/null)" != "$count $seed" ]; then
    rm -rf demo/db demo/keys.env demo/people.ndjson demo/dataset
    echo "demo: generating $count people (seed $seed)"
    "$bin" generate --count "$count" --seed "$seed" --out demo/people.ndjson --quiet
    echo "demo: ingesting into demo/db"
    "$bin" ingest demo/people.ndjson --db demo/db
    echo "$count $seed" >demo/dataset
fi

if [ ! -s demo/keys.env ]; then
    # The self key belongs to a Nguyễn Văn An of the dataset (or the first person found).
    person=$("$bin" search --db demo/db --name "Nguyễn Văn An" --limit 1 --json 2>/dev/null \
        | grep -o '"id":"[A-Za-z0-9._-]*"' | head -1 | cut -d'"' -f4 || true)
    [ -n "$person" ] || person=$(head -1 demo/people.ndjson | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
    agency=$(head -1 demo/people.ndjson | grep -o '"source":"[^"]*"' | head -1 | cut -d'"' -f4)
    [ -n "$agency" ] || agency=DEMO
    create() { "$bin" keys create --db demo/db --name "demo $1" "${@:2}" | tail -1; }
    umask 077
    {
        echo "OFFICER_KEY=$(create officer --role officer)"
        echo "RECRUITER_KEY=$(create recruiter --role recruiter)"
        echo "AGENCY_KEY=$(create agency --role agency --agency "$agency")"
        echo "SELF_KEY=$(create self --role self --person "$person")"
        echo "ADMIN_KEY=$(create admin --role admin)"
        echo "SELF_ID=$person"
    } >demo/keys.env
fi
# shellcheck disable=SC1091
. demo/keys.env

url="http://127.0.0.1:$port"
cat <<CURL

demo: $count people in demo/db; keys in demo/keys.env. Paste these in another terminal:

  # an officer finds Nguyễn Văn An, with national id and hometown (level 2)
  curl -sG $url/v1/search --data-urlencode 'name=Nguyễn Văn An' -H 'Authorization: Bearer $OFFICER_KEY'
  # the same search as a recruiter: work history and training, no national id (level 1)
  curl -sG $url/v1/search --data-urlencode 'name=Nguyễn Văn An' -H 'Authorization: Bearer $RECRUITER_KEY'
  # no key: 401 with a JSON error
  curl -sG $url/v1/search --data-urlencode 'name=Nguyễn Văn An'
  # unaccented, as typed, with a hometown (old or new province names both work)
  curl -sG $url/v1/search --data-urlencode 'name=nguyen van an' --data-urlencode 'hometown=Nghệ An' -H 'Authorization: Bearer $OFFICER_KEY'
  # one record, and its work history as a timeline
  curl -s $url/v1/people/$SELF_ID -H 'Authorization: Bearer $RECRUITER_KEY'
  curl -s $url/v1/people/$SELF_ID/history -H 'Authorization: Bearer $RECRUITER_KEY'
  # an employee's own record (self key)
  curl -s $url/v1/me -H 'Authorization: Bearer $SELF_KEY'
  # who looked up this person (admin)
  curl -s '$url/v1/audit?subject=$SELF_ID' -H 'Authorization: Bearer $ADMIN_KEY'
  # operations: liveness, readiness, Prometheus metrics, the OpenAPI document
  curl -s $url/healthz; curl -s $url/readyz; curl -s $url/metrics | head; curl -s $url/openapi.json | head -c 300

  (agency key, for POST /v1/sync: $AGENCY_KEY)

  Or open $url/ in a browser and paste a key (the officer key: $OFFICER_KEY).

demo: serving on $url (Ctrl-C stops it)
CURL
exec "$bin" serve --db demo/db --port "$port"
