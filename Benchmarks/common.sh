# Sourced by the run-*.sh scripts (from Benchmarks/): installs what a fresh machine lacks, runs one
# ordo-one benchmark target into results/NAME.md, and gives the awk helpers that read its tables.
. ./install-needs.sh

# run_benchmark TARGET NAME [extra `swift package benchmark` options]: the markdown tables go to
# results/NAME.md; the load average before the run is kept for report_load.
run_benchmark() {
    local target=$1 name=$2
    shift 2
    mkdir -p results
    load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
    swift package --disable-sandbox benchmark --target "$target" \
        --format markdown --no-progress --scale "$@" >"results/$name.md"
}

# report_load [NOTE]: the load average before and after the run, and how to read it.
report_load() {
    echo "Load average before/after the run: ${load_before}/$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")" \
        "on $(nproc) cores; above about 1, other work shares the core and the medians drop${1:-}."
}

# awk functions for the tables (fields split on '|'; columns p0 … p100, so $3 is p0 and $5 p50):
# trim(s); seconds(label), the seconds in one unit of a row labelled "Time (wall clock) (μs)".
bench_awk='
    function trim(s) { gsub(/^ +| +$/, "", s); return s }
    function seconds(label,    unit) {
        match(label, /\([^()]*\) *$/); unit = substr(label, RSTART + 1, RLENGTH - 2)
        if (unit ~ /ns/) return 1e-9
        if (unit ~ /μs|us/) return 1e-6
        if (unit ~ /ms/) return 1e-3
        return 1
    }
'
