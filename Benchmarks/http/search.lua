-- wrk script for /v1/search: cycles through a query mix file (one `kind<TAB>querystring` line
-- per query, as Benchmarks/search/make_queries.py writes it) with a bearer key, each wrk thread
-- starting at a different place in the mix. Prints one RESULT line that run-load.sh reads.
--
-- Usage: wrk -t2 -c64 -d30s --latency -s search.lua http://127.0.0.1:8080 -- QUERIES.tsv KEY

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file, key = args[1], args[2]
  if file == nil or key == nil then
    error("usage: wrk ... -s search.lua URL -- QUERIES.tsv KEY")
  end
  paths = {}
  for line in io.lines(file) do
    local tab = line:find("\t", 1, true)
    if tab then
      table.insert(paths, "/v1/search?" .. line:sub(tab + 1))
    end
  end
  if #paths == 0 then
    error("no queries in " .. file)
  end
  position = (id * 7919) % #paths
  -- Each request is formatted once here: calling wrk.format per request would cost the load
  -- generator, which shares the machine with the server, more CPU than the request itself.
  local headers = { ["Authorization"] = "Bearer " .. key }
  requests = {}
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path, headers)
  end
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d socket_errors=%d status_errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
