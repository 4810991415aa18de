#!/usr/bin/env python3
"""Builds the search benchmark's query mix from a generated NDJSON file.

Seven kinds (DESIGN §7): exact names, unaccented names, surname + given name, as-you-type
prefixes, name + province, position + province, commune. Each query is written as a URL query
string (what `hoso search --batch` reads) with its kind, one per line: `kind<TAB>query`.

Usage: make_queries.py PEOPLE.ndjson OUT.tsv [--count 2100] [--seed 7]
"""
import argparse
import json
import random
import unicodedata
import urllib.parse

KINDS = ["exact", "unaccented", "surname_given", "prefix", "name_province", "position_province", "commune"]


def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def hometown_parts(h):
    if isinstance(h, dict):
        return h.get("commune"), h.get("province")
    if isinstance(h, str):
        parts = [p.strip() for p in h.split(",")]
        return (parts[0] if parts else None), (parts[-1] if parts else None)
    return None, None


def strip_type(name):
    for t in ["Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Thị trấn ", "Đặc khu "]:
        if name.startswith(t) and not name[len(t):].strip().isdigit():
            return name[len(t):]
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("people")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=2100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sample", type=int, default=200000, help="records read to draw from")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    records = []
    with open(args.people, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= args.sample:
                break
            try:
                r = json.loads(line)
            except ValueError:
                continue
            name = r.get("full_name", "")
            # Legacy-encoded or odd names are real but make poor benchmark queries.
            if not name or any(ord(c) > 0x1EFF for c in name) or "Ã" in name:
                continue
            records.append(r)
    per_kind = args.count // len(KINDS)
    out = []
    for kind in KINDS:
        made = 0
        while made < per_kind:
            r = rng.choice(records)
            name = clean(r["full_name"])
            words = name.split()
            commune, province = hometown_parts(r.get("hometown"))
            params = {}
            if kind == "exact":
                params["name"] = name
            elif kind == "unaccented":
                params["name"] = fold(name).lower()
            elif kind == "surname_given":
                if len(words) < 2:
                    continue
                params["name"] = f"{words[0]} {words[-1]}"
            elif kind == "prefix":
                last = words[-1]
                cut = max(1, rng.randint(1, len(last)))
                params["name"] = " ".join(words[:-1] + [last[:cut]])
                params["prefix"] = "1"
            elif kind == "name_province":
                if not province:
                    continue
                params["name"] = name
                params["hometown"] = strip_type(clean(province))
            elif kind == "position_province":
                pos = r.get("position")
                if not pos or not province:
                    continue
                params["position"] = " ".join(clean(pos).split()[:2])
                params["hometown"] = strip_type(clean(province))
            elif kind == "commune":
                if not commune or not province:
                    continue
                params["hometown"] = f"{strip_type(clean(commune))}, {strip_type(clean(province))}"
            out.append(f"{kind}\t{urllib.parse.urlencode(params, quote_via=urllib.parse.quote)}")
            made += 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(out)} queries ({per_kind} per kind) to {args.out}")


if __name__ == "__main__":
    main()
