-- wrk script for the HelloBench baseline: plain GETs of one path; prints the same RESULT line
-- as search.lua so run-load.sh reads both the same way.
--
-- Usage: wrk -t2 -c64 -d30s --latency -s hello.lua http://127.0.0.1:8081/hello

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d socket_errors=%d status_errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
