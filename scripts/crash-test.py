#!/usr/bin/env python3
"""Crash safety of POST /v1/sync (issue 7, item 7): SIGKILL `hoso serve` at random moments
during sync bursts, restart it, and check after every restart that

  * every line acknowledged with a 200 is stored (GET /v1/people/{id} reads LMDB) at its
    acknowledged version and value,
  * no batch is half-applied: the 100 lines of a batch share a marker name, and a batch whose
    response never arrived is found on all of its 100 records or on none,
  * the index agrees with LMDB: a search for each slot's current marker finds exactly its 100
    records, and a search for its previous marker finds none.

The records are cut into slots of 100 ids; each batch rewrites one whole slot with the next
version and a new marker, so a slot's state is a single (version, marker). Client threads own
disjoint slots and send one batch at a time, so at most one batch per thread is in doubt at a
kill. At the end the server is stopped and `hoso search --batch` (the command line, straight
from LMDB and the persisted or rebuilt index) must agree too.

Usage: scripts/crash-test.py --hoso PATH [--kills 50] [--records 20000] [--work DIR]
(scripts/crash-test.sh builds hoso in release and runs this.)
"""

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SLOT = 100
MARK_LETTERS = "bcghklmnpqtv"  # no vowels, no d (Telex dd), no tone keys: one plain token


def marker(batch):
    """A unique, searchable word for batch number `batch` (e.g. "Khbcq")."""
    digits = []
    n = batch
    while True:
        digits.append(MARK_LETTERS[n % len(MARK_LETTERS)])
        n //= len(MARK_LETTERS)
        if n == 0:
            break
    return "Kh" + "".join(reversed(digits))


class Server:
    def __init__(self, hoso, db, port, log):
        self.hoso, self.db, self.port, self.log = hoso, db, port, log
        self.process = None

    def start(self, timeout=300):
        try:
            http.client.HTTPConnection("127.0.0.1", self.port, timeout=1).connect()
            raise SystemExit(f"port {self.port} is already in use; pass --port")
        except OSError:
            pass
        self.process = subprocess.Popen(
            [self.hoso, "serve", "--db", self.db, "--port", str(self.port), "--log-level", "warning"],
            stdout=self.log, stderr=self.log)
        started = time.time()
        while time.time() - started < timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"hoso serve exited with {self.process.returncode}; see {self.log.name}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/readyz")
                if conn.getresponse().status == 200:
                    conn.close()
                    return time.time() - started
                conn.close()
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("hoso serve did not become ready")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


class Client:
    """One keep-alive connection with the admin key."""

    def __init__(self, port, secret, timeout=60):
        self.port, self.secret, self.timeout = port, secret, timeout
        self.conn = None

    def request(self, method, path, body=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        headers = {"Authorization": "Bearer " + self.secret}
        if body is not None:
            headers["Content-Type"] = "application/x-ndjson"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        return response.status, data

    def json(self, path):
        status, data = self.request("GET", path)
        return status, (json.loads(data) if data else None)


class World:
    """What the test knows: each slot's acknowledged (version, marker), batches in doubt."""

    def __init__(self, records):
        ids = sorted(records)
        self.records = records  # id -> record dict as ingested (stored version)
        self.slots = [ids[i:i + SLOT] for i in range(0, len(ids) - len(ids) % SLOT, SLOT)]
        self.state = [None] * len(self.slots)  # slot -> (version, marker, batch) acknowledged
        self.previous = [None] * len(self.slots)  # slot -> marker the current one replaced
        self.base_version = {i: max(records[x]["version"] for x in slot) for i, slot in enumerate(self.slots)}
        self.lock = threading.Lock()
        self.next_batch = 0
        self.in_doubt = {}  # batch -> (slot, version, marker)
        self.acked_since_restart = set()  # slots
        self.counts = {"sent": 0, "acked": 0, "in_doubt": 0, "doubt_applied": 0, "doubt_absent": 0, "errors": 0}

    def version(self, slot):
        return self.state[slot][0] if self.state[slot] else self.base_version[slot]

    def body(self, slot, version, mark):
        lines = []
        for rid in self.slots[slot]:
            record = dict(self.records[rid])
            record["full_name"] = "Lê Văn " + mark
            record["version"] = version
            record.pop("originals", None)
            lines.append(json.dumps({"op": "upsert", "record": record}, ensure_ascii=False))
        return ("\n".join(lines) + "\n").encode()

    def acknowledge(self, slot, version, mark, batch):
        self.previous[slot] = self.state[slot][1] if self.state[slot] else None
        self.state[slot] = (version, mark, batch)
        self.acked_since_restart.add(slot)


def burst(world, client, slots, stop):
    """Sends one batch at a time over `slots` until the server dies or `stop` is set."""
    while not stop.is_set():
        slot = random.choice(slots)
        with world.lock:
            batch = world.next_batch
            world.next_batch += 1
            version = world.version(slot) + 1
            mark = marker(batch)
            world.in_doubt[batch] = (slot, version, mark)
            world.counts["sent"] += 1
        try:
            status, data = client.request("POST", "/v1/sync", world.body(slot, version, mark))
        except Exception:
            return  # the server died: this batch stays in doubt until the restart
        with world.lock:
            if status != 200:
                world.counts["errors"] += 1
                print(f"  batch {batch}: status {status}: {data[:300]!r}", file=sys.stderr)
                stop.set()
                return
            result = json.loads(data)
            if result["applied"] != SLOT:
                world.counts["errors"] += 1
                print(f"  batch {batch}: applied {result['applied']} of {SLOT}: {data[:300]!r}", file=sys.stderr)
            del world.in_doubt[batch]
            world.acknowledge(slot, version, mark, batch)
            world.counts["acked"] += 1


def search_ids(client, mark):
    query = urllib.parse.urlencode({"name": mark, "limit": 100})
    status, body = client.json("/v1/search?" + query)
    if status != 200:
        raise RuntimeError(f"search {mark}: {status} {body}")
    return body["total"], {hit["id"] for hit in body["hits"]}


def person(client, rid):
    status, body = client.json("/v1/people/" + rid)
    if status != 200:
        raise RuntimeError(f"GET /v1/people/{rid}: {status} {body}")
    return body["version"], body["full_name"]


def verify(world, client, problems, sample=300):
    """The checks after a restart; appends what is wrong to `problems`."""
    # Batches whose response never arrived: all of the slot or nothing.
    for batch, (slot, version, mark) in sorted(world.in_doubt.items()):
        world.counts["in_doubt"] += 1
        total, ids = search_ids(client, mark)
        stored = [person(client, rid) for rid in world.slots[slot]]
        at_new = sum(1 for v, name in stored if v == version and name.endswith(mark))
        before = [world.state[slot][0] if world.state[slot] else world.records[rid]["version"] for rid in world.slots[slot]]
        at_old = sum(1 for (v, _), old in zip(stored, before) if v == old)
        if at_new == SLOT and total == SLOT and ids == set(world.slots[slot]):
            world.counts["doubt_applied"] += 1
            world.acknowledge(slot, version, mark, batch)
        elif at_new == 0 and at_old == SLOT and total == 0:
            world.counts["doubt_absent"] += 1
        else:
            problems.append(f"batch {batch} (slot {slot}) half-applied or index disagrees: "
                            f"{at_new} records at the new version, {at_old} at the old, search total {total}")
    world.in_doubt.clear()
    # Every acknowledged line of the slots written since the last restart, from LMDB.
    checked = set()
    for slot in sorted(world.acked_since_restart):
        version, mark, _ = world.state[slot]
        for rid in world.slots[slot]:
            v, name = person(client, rid)
            checked.add(rid)
            if v != version or not name.endswith(mark):
                problems.append(f"acknowledged {rid} v{version} {mark}: stored v{v} {name!r}")
    # A sample of the rest.
    slot_of = {rid: slot for slot, ids in enumerate(world.slots) for rid in ids}
    for rid in random.sample(sorted(slot_of), min(sample, len(slot_of))):
        if rid in checked:
            continue
        slot = slot_of[rid]
        v, name = person(client, rid)
        if world.state[slot]:
            version, mark, _ = world.state[slot]
            if v != version or not name.endswith(mark):
                problems.append(f"acknowledged {rid} v{version} {mark}: stored v{v} {name!r}")
        elif v != world.records[rid]["version"]:
            problems.append(f"untouched {rid}: stored v{v}, ingested v{world.records[rid]['version']}")
    world.acked_since_restart.clear()
    # The index agrees with LMDB for every slot: the current marker finds the slot, the one
    # before it nothing.
    for slot, state in enumerate(world.state):
        if not state:
            continue
        total, ids = search_ids(client, state[1])
        if total != SLOT or ids != set(world.slots[slot]):
            problems.append(f"slot {slot}: search {state[1]} found {total}, expected its {SLOT} records")
        if world.previous[slot]:
            total, _ = search_ids(client, world.previous[slot])
            if total != 0:
                problems.append(f"slot {slot}: the replaced marker {world.previous[slot]} still finds {total}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hoso", required=True)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=27_431)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-delay", type=float, default=0.2, help="least seconds of burst before a kill")
    parser.add_argument("--max-delay", type=float, default=2.5, help="most seconds of burst before a kill")
    parser.add_argument("--work", help="working directory (default: a new temporary one, removed on success)")
    args = parser.parse_args()
    random.seed(args.seed)
    hoso = os.path.abspath(args.hoso)
    work = args.work or tempfile.mkdtemp(prefix="hoso-crash-")
    os.makedirs(work, exist_ok=True)
    people, db = os.path.join(work, "people.ndjson"), os.path.join(work, "db")
    if os.path.exists(db):
        shutil.rmtree(db)
    log = open(os.path.join(work, "serve.log"), "ab")

    subprocess.run([hoso, "generate", "--count", str(args.records), "--seed", str(args.seed), "--out", people],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([hoso, "ingest", people, "--db", db], check=True, stdout=subprocess.DEVNULL)
    created = subprocess.run([hoso, "keys", "create", "--db", db, "--role", "admin", "--unlimited"],
                             check=True, capture_output=True, text=True).stdout.strip().splitlines()
    secret = created[-1].strip()
    records = {}
    with open(people, encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            record.setdefault("version", 1)
            records[record["id"]] = record
    world = World(records)
    print(f"{len(records)} records in {len(world.slots)} slots of {SLOT}; {args.kills} kills; work dir {work}")

    server = Server(hoso, db, args.port, log)
    problems = []
    ready_times = []
    started = time.time()
    ready_times.append(server.start())
    for kill in range(1, args.kills + 1):
        stop = threading.Event()
        slots = list(range(len(world.slots)))
        threads = []
        for t in range(args.threads):
            owned = slots[t::args.threads]
            client = Client(args.port, secret)
            thread = threading.Thread(target=burst, args=(world, client, owned, stop), daemon=True)
            thread.start()
            threads.append(thread)
        time.sleep(random.uniform(args.min_delay, args.max_delay))
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        ready_times.append(server.start())
        before = len(problems)
        verify(world, Client(args.port, secret), problems)
        c = world.counts
        print(f"kill {kill:3}: sent {c['sent']}, acknowledged {c['acked']}, in doubt {c['in_doubt']} "
              f"(applied {c['doubt_applied']}, absent {c['doubt_absent']}), problems {len(problems)}"
              + ("" if len(problems) == before else "  <-- " + problems[before]), flush=True)

    # Last: every record through the API, then the command line from LMDB and the index files.
    client = Client(args.port, secret)
    for slot, ids in enumerate(world.slots):
        for rid in ids:
            v, name = person(client, rid)
            expected = world.state[slot][0] if world.state[slot] else records[rid]["version"]
            if v != expected:
                problems.append(f"final: {rid} stored v{v}, expected v{expected}")
    server.stop()
    queries = os.path.join(work, "markers.txt")
    touched = [(slot, s) for slot, s in enumerate(world.state) if s]
    with open(queries, "w") as f:
        for _, (_, mark, _) in touched:
            f.write(urllib.parse.urlencode({"name": mark, "limit": 100}) + "\n")
    out = subprocess.run([hoso, "search", "--db", db, "--batch", queries], check=True, capture_output=True, text=True).stdout
    totals = [json.loads(line)["total"] for line in out.splitlines() if line.strip()]
    cli_bad = sum(1 for t in totals if t != SLOT) + abs(len(totals) - len(touched))
    if cli_bad:
        problems.append(f"hoso search --batch: {cli_bad} of {len(touched)} markers did not find their {SLOT} records")

    c = world.counts
    print()
    print(f"kills: {args.kills}; batches sent {c['sent']}, acknowledged {c['acked']} "
          f"({c['acked'] * SLOT} lines); in doubt at a kill {c['in_doubt']}: applied whole {c['doubt_applied']}, "
          f"absent whole {c['doubt_absent']}; server errors {c['errors']}")
    print(f"restart to ready: median {sorted(ready_times)[len(ready_times) // 2]:.2f} s, max {max(ready_times):.2f} s; "
          f"command-line check of {len(touched)} slot markers: {len(touched) - cli_bad} agree; "
          f"total {time.time() - started:.0f} s")
    if problems or c["errors"]:
        print(f"FAILED: {len(problems)} problems", file=sys.stderr)
        for p in problems[:50]:
            print("  " + p, file=sys.stderr)
        sys.exit(1)
    print("OK: nothing acknowledged was lost, no batch was half-applied, the index agreed with LMDB after every restart")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
