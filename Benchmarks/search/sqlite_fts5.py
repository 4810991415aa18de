#!/usr/bin/env python3
"""The SQLite FTS5 baseline for the search benchmark.

Loads the same NDJSON into an FTS5 table (tokenizer `unicode61 remove_diacritics 2`, đ folded to d
beforehand since unicode61 keeps it), then runs the same query mix single-threaded: for each
query, the exact count and the top 20 by rank — what hoso returns. Prints per-kind latency and
the overall queries per second as JSON on the last line.

Usage: sqlite_fts5.py PEOPLE.ndjson QUERIES.tsv DB.sqlite [--rounds 3]
"""
import argparse
import json
import os
import sqlite3
import statistics
import time
import unicodedata
import urllib.parse


def prep(text):
    if text is None:
        return ""
    return unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")


def hometown_text(h):
    if isinstance(h, dict):
        return ", ".join(v for v in (h.get("commune"), h.get("district"), h.get("province")) if v)
    return h or ""


def load(people, path):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE people USING fts5(id UNINDEXED, full_name, hometown, position, agency,"
               " tokenize = 'unicode61 remove_diacritics 2')")
    start = time.time()
    batch = []
    with open(people, encoding="utf-8") as f:
        for line in f:
            try:
                r = json.loads(line)
            except ValueError:
                continue
            batch.append((r.get("id"), prep(r.get("full_name")), prep(hometown_text(r.get("hometown"))),
                          prep(r.get("position")), prep(r.get("agency"))))
            if len(batch) >= 50000:
                db.executemany("INSERT INTO people VALUES (?,?,?,?,?)", batch)
                batch.clear()
    if batch:
        db.executemany("INSERT INTO people VALUES (?,?,?,?,?)", batch)
    db.commit()
    return db, time.time() - start


def words(text):
    out = []
    for w in prep(text).replace(",", " ").split():
        w = "".join(c for c in w if c.isalnum())
        if w:
            out.append(w)
    return out


def fts_query(params):
    parts = []
    prefix = params.get("prefix") == "1"
    if "name" in params:
        ws = words(params["name"])
        toks = [f'"{w}"' + ("*" if prefix and i == len(ws) - 1 else "") for i, w in enumerate(ws)]
        parts.append("full_name : (" + " AND ".join(toks) + ")")
    if "position" in params:
        parts.append('position : ^"' + " ".join(words(params["position"])) + '"')
    if "hometown" in params:
        for comp in params["hometown"].split(","):
            ws = words(comp)
            if ws:
                parts.append('hometown : "' + " ".join(ws) + '"')
    return " AND ".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("people")
    ap.add_argument("queries")
    ap.add_argument("db")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reuse", action="store_true", help="reuse an existing DB file")
    args = ap.parse_args()
    if args.reuse and os.path.exists(args.db):
        db, load_s = sqlite3.connect(args.db), 0.0
    else:
        db, load_s = load(args.people, args.db)
    queries = []
    with open(args.queries, encoding="utf-8") as f:
        for line in f:
            kind, qs = line.rstrip("\n").split("\t", 1)
            params = dict(urllib.parse.parse_qsl(qs))
            queries.append((kind, fts_query(params)))
    lat = {}
    totals = []
    start = time.perf_counter()
    for _ in range(args.rounds):
        totals = []
        for kind, q in queries:
            t0 = time.perf_counter()
            total = db.execute("SELECT count(*) FROM people WHERE people MATCH ?", (q,)).fetchone()[0]
            db.execute("SELECT id FROM people WHERE people MATCH ? ORDER BY rank LIMIT 20", (q,)).fetchall()
            lat.setdefault(kind, []).append((time.perf_counter() - t0) * 1e6)
            totals.append(total)
    elapsed = time.perf_counter() - start
    n = len(queries) * args.rounds
    for kind, xs in lat.items():
        xs.sort()
        print(f"sqlite {kind:18s} p50 {xs[len(xs)//2]:9.1f} us  p99 {xs[int(len(xs)*0.99)]:9.1f} us  max {xs[-1]:9.1f} us")
    summary = {"engine": "sqlite-fts5", "queries": n, "seconds": elapsed, "qps": n / elapsed, "load_seconds": load_s,
               "p50_us": statistics.median([x for xs in lat.values() for x in xs]), "totals": totals}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
