# Sourced by the run-*.sh scripts: installs, on a fresh Debian machine, the system libraries the
# main package links (LMDB, ICU, found through pkg-config) when their headers are missing. Prefix: the calling script's name.
need=()
[ -f /usr/include/lmdb.h ] || need+=(liblmdb-dev)
[ -f /usr/include/unicode/unorm2.h ] || need+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
    echo "$(basename "$0"): installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}"
fi
