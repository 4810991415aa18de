#!/usr/bin/env python3
"""Sends 100-line POST /v1/sync batches one after another and reports their latency.

Each batch rewrites 100 distinct records drawn from SAMPLE (NDJSON records of the database):
a new position and a version above any stored one (the time in milliseconds). The latency of a
batch is from sending the request to the whole response (durable and searchable: DESIGN §5).
After each batch, outside the timing, one record of it is searched by its stored name and its
new position to check that the change is visible (read-your-writes).

Usage: sync_client.py URL KEY SAMPLE --batches N [--label TEXT] [--offset K]
Prints one line: label, batches, p50, p90, p99, max in ms, and the read-your-writes misses.
"""
import argparse
import http.client
import json
import time
import urllib.parse

POSITIONS = ["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Chuyên viên chính", "Phó Giám đốc", "Kế toán viên"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("key")
    parser.add_argument("sample")
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--offset", type=int, default=0, help="first record of SAMPLE to use")
    parser.add_argument("--label", default="sync")
    args = parser.parse_args()
    with open(args.sample, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    need = args.batches * args.size
    records = records[args.offset:args.offset + need]
    if len(records) < need:
        raise SystemExit(f"sync_client: {args.sample} has too few records after offset {args.offset} for {args.batches} batches")
    url = urllib.parse.urlparse(args.url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    auth = {"Authorization": "Bearer " + args.key}
    latencies, misses, applied = [], 0, 0
    for b in range(args.batches):
        chunk = records[b * args.size:(b + 1) * args.size]
        version = time.time_ns() // 1_000_000
        position = POSITIONS[b % len(POSITIONS)] + f" tổ {b}"
        lines = []
        for r in chunk:
            r = dict(r)
            r["version"] = version
            r["position"] = position
            r.pop("originals", None)
            lines.append(json.dumps({"op": "upsert", "record": r}, ensure_ascii=False))
        body = ("\n".join(lines) + "\n").encode()
        t0 = time.perf_counter()
        conn.request("POST", "/v1/sync", body=body, headers={**auth, "Content-Type": "application/x-ndjson"})
        response = conn.getresponse()
        data = response.read()
        latencies.append((time.perf_counter() - t0) * 1000)
        if response.status != 200:
            raise SystemExit(f"sync_client: batch {b}: {response.status} {data[:300]!r}")
        applied += json.loads(data)["applied"]
        # Read-your-writes: the first record is found by its id's new position at once.
        probe = chunk[0]
        conn.request("GET", "/v1/people/" + probe["id"], headers=auth)
        stored = json.loads(conn.getresponse().read())  # the name as repaired and stored
        query = urllib.parse.urlencode({"name": stored.get("full_name", ""), "position": position, "limit": 100})
        conn.request("GET", "/v1/search?" + query, headers=auth)
        found = json.loads(conn.getresponse().read())
        if probe["id"] not in {h["id"] for h in found.get("hits", [])}:
            misses += 1
    latencies.sort()

    def q(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    print(f"{args.label}: {args.batches} batches of {args.size} ({applied} lines applied): "
          f"p50 {q(0.50):.1f} ms, p90 {q(0.90):.1f} ms, p99 {q(0.99):.1f} ms, max {latencies[-1]:.1f} ms; "
          f"read-your-writes misses {misses}")


if __name__ == "__main__":
    main()
