#!/usr/bin/env python3
"""Derive the committed place tables under data/tables/ from vietnamadminunits 1.0.4.

Source: the MIT-licensed PyPI package `vietnamadminunits` 1.0.4 (author Hieu Tran,
https://github.com/tranngocminhhieu/vietnamadminunits). Its wheel carries
`data/dataset.db` (SQLite tables `admin_units`: the 2025 map, and `admin_units_legacy`: the
pre-2025 map) and `data/converter_2025.json` (old -> new mapping at commune level).

Usage:
    python3 data/scripts/derive_places.py                 # pip-downloads the wheel into a temp dir
    python3 data/scripts/derive_places.py PATH            # PATH: the wheel, or an unpacked copy
    python3 data/scripts/derive_places.py --check [PATH]  # verify the committed tables are current

Writes (UTF-8, NFC, tab-separated, one header line, sorted by code):
    places-2025.tsv       province_code  province  commune_code  commune
    places-legacy.tsv     province_code  province  district_code  district  commune_code  commune
    places-mapping.tsv    old_district_code  old_commune_code  new_commune_code  kind
    places-provinces.tsv  new_province_code  new_province  old_province_code  old_province
    vietnamadminunits-LICENSE.txt (the package's MIT licence, which must travel with the data)

Names are full names with their unit type ("Xã Hiệp Hòa", "Quận 1"); the type is always one of
TYPES below, spelled as there. It also checks the hand-made tables (places-older.tsv,
place-aliases.tsv): every unit they name must exist in the derived tables.
Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

VERSION = "1.0.4"
WHEEL_SHA256 = "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35"
TABLES = Path(__file__).resolve().parent.parent / "tables"

# Unit-type words, longest first so "Thị trấn" wins over a shorter prefix.
TYPES = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"]
PROVINCE_TYPES = {"Tỉnh", "Thành phố"}
DISTRICT_TYPES = {"Huyện", "Quận", "Thị xã", "Thành phố"}
COMMUNE_TYPES_2025 = {"Xã", "Phường", "Đặc khu"}
COMMUNE_TYPES_LEGACY = {"Xã", "Phường", "Thị trấn"}


class DeriveError(Exception):
    """Input that does not have the shape this script expects."""


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def split_type(full: str, allowed: set[str]) -> tuple[str, str]:
    """Splits "Thành Phố Bắc Kạn" into ("Thành phố", "Bắc Kạn"), normalising the type's case."""
    full = nfc(" ".join(full.split()))
    for unit_type in TYPES:
        prefix = unit_type + " "
        if full[: len(prefix)].lower() == prefix.lower():
            if unit_type not in allowed:
                raise DeriveError(f"{full!r}: type {unit_type!r} not allowed here ({sorted(allowed)})")
            name = full[len(prefix):].strip()
            if not name:
                raise DeriveError(f"{full!r}: no name after the type word")
            return unit_type, name
    raise DeriveError(f"{full!r}: does not start with a unit type")


def canonical(full: str, allowed: set[str]) -> str:
    unit_type, name = split_type(full, allowed)
    return f"{unit_type} {name}"


# ---------------------------------------------------------------- locating the package data

def locate(path_arg: str | None, workdir: Path) -> Path:
    """Returns the package's `data` directory, downloading or unpacking the wheel if needed."""
    if path_arg is None:
        print(f"pip download --no-deps vietnamadminunits=={VERSION}", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
             f"vietnamadminunits=={VERSION}", "-d", str(workdir)],
            check=True,
        )
        wheels = sorted(workdir.glob(f"vietnamadminunits-{VERSION}-*.whl"))
        if not wheels:
            raise DeriveError("pip download produced no wheel")
        return unpack(wheels[0], workdir)
    path = Path(path_arg)
    if path.is_file() and path.suffix == ".whl":
        return unpack(path, workdir)
    for candidate in (path / "vietnamadminunits" / "data", path / "data", path):
        if (candidate / "dataset.db").is_file():
            check_version(candidate.parent)
            return candidate
    wheels = sorted(path.glob(f"vietnamadminunits-{VERSION}-*.whl")) if path.is_dir() else []
    if wheels:
        return unpack(wheels[0], workdir)
    raise DeriveError(f"{path}: no wheel and no vietnamadminunits/data/dataset.db found")


def unpack(wheel: Path, workdir: Path) -> Path:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        print(f"warning: {wheel.name} sha256 {digest} differs from the one recorded "
              f"({WHEEL_SHA256})", file=sys.stderr)
    target = workdir / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    check_version(target / "vietnamadminunits")
    return target / "vietnamadminunits" / "data"


def check_version(package_dir: Path) -> None:
    """Refuses any version but VERSION when the dist-info metadata is at hand."""
    for metadata in package_dir.parent.glob("vietnamadminunits-*.dist-info/METADATA"):
        for line in metadata.read_text(encoding="utf-8").splitlines():
            if line.startswith("Version:") and line.split(":", 1)[1].strip() != VERSION:
                raise DeriveError(f"{metadata}: expected version {VERSION}, found {line}")


def licence_text(data_dir: Path) -> str:
    root = data_dir.parent.parent
    for candidate in list(root.glob("vietnamadminunits-*.dist-info/licenses/LICENSE")) + \
            list(root.glob("vietnamadminunits-*.dist-info/LICENSE")):
        return candidate.read_text(encoding="utf-8")
    raise DeriveError("the package's LICENSE file was not found next to its data")


# ---------------------------------------------------------------- deriving

def derive(data_dir: Path) -> dict[str, str]:
    db = sqlite3.connect(data_dir / "dataset.db")
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))

    # 2025 map ---------------------------------------------------------------------------
    new_rows = []
    new_code_by_key: dict[tuple[str, str], str] = {}
    new_province_by_key: dict[str, tuple[str, str]] = {}
    for province, province_code, province_key, ward, ward_code, ward_key in db.execute(
            "SELECT province, provinceCode, provinceKey, ward, wardCode, wardKey FROM admin_units"):
        province = canonical(province, PROVINCE_TYPES)
        ward = canonical(ward, COMMUNE_TYPES_2025)
        new_rows.append((province_code, province, ward_code, ward))
        if (province_key, ward_key) in new_code_by_key:
            raise DeriveError(f"duplicate 2025 key {province_key}/{ward_key}")
        new_code_by_key[(province_key, ward_key)] = ward_code
        new_province_by_key[province_key] = (province_code, province)
    new_rows.sort(key=lambda r: r[2])
    if len({r[2] for r in new_rows}) != len(new_rows):
        raise DeriveError("2025 commune codes are not unique")

    # pre-2025 map -----------------------------------------------------------------------
    old_rows = []
    old_by_key: dict[str, tuple[str, str]] = {}
    old_province_by_key: dict[str, tuple[str, str]] = {}
    for (province, province_code, province_key, district, district_code, district_key,
         ward, ward_code, ward_key) in db.execute(
            "SELECT province, provinceCode, provinceKey, district, districtCode, districtKey, "
            "ward, wardCode, wardKey FROM admin_units_legacy"):
        province = canonical(province, PROVINCE_TYPES)
        district = canonical(district, DISTRICT_TYPES)
        ward = canonical(ward, COMMUNE_TYPES_LEGACY) if ward else ""
        old_rows.append((province_code, province, district_code, district, ward_code or "", ward))
        key = f"{province_key}_{district_key}_{ward_key or ''}"
        if key in old_by_key:
            raise DeriveError(f"duplicate pre-2025 key {key}")
        old_by_key[key] = (district_code, ward_code or "")
        old_province_by_key[province_key] = (province_code, province)
    old_rows.sort(key=lambda r: (r[2], r[4]))

    # old -> new mapping -----------------------------------------------------------------
    mapping: list[tuple[str, str, str, str]] = []
    seen_old: set[str] = set()
    for province_key, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_key, old_keys in wards.items():
            new_code = new_code_by_key[(province_key, new_key)]
            for old_key in old_keys:
                district_code, ward_code = old_by_key[old_key]
                mapping.append((district_code, ward_code, new_code, "whole"))
                if old_key in seen_old:
                    raise DeriveError(f"{old_key} mapped twice")
                seen_old.add(old_key)
    for province_key, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in divided.items():
            district_code, ward_code = old_by_key[old_key]
            if old_key in seen_old:
                raise DeriveError(f"{old_key} is both whole and divided")
            seen_old.add(old_key)
            if sum(1 for p in parts if p["isDefaultNewWard"]) != 1:
                raise DeriveError(f"{old_key}: divided without exactly one default part")
            for part in parts:
                new_code = new_code_by_key[(province_key, part["newWardKey"])]
                kind = "default" if part["isDefaultNewWard"] else "part"
                mapping.append((district_code, ward_code, new_code, kind))
    missing = set(old_by_key) - seen_old
    if missing:
        raise DeriveError(f"{len(missing)} pre-2025 units have no 2025 successor, e.g. {sorted(missing)[:3]}")
    mapping.sort(key=lambda r: (r[0], r[1], r[3] != "default", r[2]))
    successors = {r[2] for r in mapping}
    orphans = {r[2] for r in new_rows} - successors
    if orphans:
        raise DeriveError(f"2025 communes without predecessors: {sorted(orphans)[:5]}")

    # province merges --------------------------------------------------------------------
    provinces = []
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        new_code, new_name = new_province_by_key[new_key]
        for old_key in old_keys:
            old_code, old_name = old_province_by_key[old_key]
            provinces.append((new_code, new_name, old_code, old_name))
    provinces.sort(key=lambda r: (r[0], r[2]))
    check_province_merges(provinces, old_rows, new_rows, mapping)

    counts = (len({r[0] for r in new_rows}), len(new_rows), len({r[0] for r in old_rows}),
              len({r[2] for r in old_rows}), sum(1 for r in old_rows if r[4]))
    print("2025: %d provinces, %d communes; pre-2025: %d provinces, %d districts, %d communes"
          % counts, file=sys.stderr)

    return {
        "places-2025.tsv": tsv(["province_code", "province", "commune_code", "commune"], new_rows),
        "places-legacy.tsv": tsv(["province_code", "province", "district_code", "district",
                                  "commune_code", "commune"], old_rows),
        "places-mapping.tsv": tsv(["old_district_code", "old_commune_code", "new_commune_code",
                                   "kind"], mapping),
        "places-provinces.tsv": tsv(["new_province_code", "new_province", "old_province_code",
                                     "old_province"], provinces),
    }


def check_province_merges(provinces, old_rows, new_rows, mapping) -> None:
    """Every old commune must land in the 2025 province its old province merged into."""
    new_province_of_old = {r[2]: r[0] for r in provinces}
    province_of_new_commune = {r[2]: r[0] for r in new_rows}
    province_of_old = {(r[2], r[4]): r[0] for r in old_rows}
    for district_code, ward_code, new_code, _ in mapping:
        old_province = province_of_old[(district_code, ward_code)]
        if new_province_of_old[old_province] != province_of_new_commune[new_code]:
            raise DeriveError(f"{district_code}/{ward_code} crosses a province merge")


def tsv(header: list[str], rows) -> str:
    lines = ["\t".join(header)]
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise DeriveError(f"cell with a tab or newline: {cell!r}")
        lines.append("\t".join(row))
    return nfc("\n".join(lines) + "\n")


# ---------------------------------------------------------------- hand-made tables

def fold(text: str) -> str:
    """Lower-case, no marks, đ -> d, apostrophes dropped, other punctuation as spaces."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    kept = []
    for ch in decomposed:
        if unicodedata.category(ch) == "Mn" or ch in "'’ʼ":
            continue
        kept.append(ch if ch.isalnum() else " ")
    return " ".join("".join(kept).split())


def check_hand_made(tables: dict[str, str]) -> None:
    """Every unit path in places-older.tsv and every alias target must exist."""
    legacy = [line.split("\t") for line in tables["places-legacy.tsv"].splitlines()[1:]]
    new = [line.split("\t") for line in tables["places-2025.tsv"].splitlines()[1:]]
    paths = set()
    for p, pn, d, dn, c, cn in legacy:
        paths.update({pn, f"{pn} > {dn}"})
        if cn:
            paths.add(f"{pn} > {dn} > {cn}")
    older_names: dict[str, str] = {}
    older_rows = read_table(TABLES / "places-older.tsv", 5)
    for name, level, until, successor, source in older_rows:
        if level not in ("province", "district", "commune"):
            raise DeriveError(f"places-older.tsv: {name}: bad level {level!r}")
        if not until.isdigit() or not source:
            raise DeriveError(f"places-older.tsv: {name}: needs a year and a source")
        older_names[name] = level
    for name, level, until, successor, source in older_rows:
        if successor.startswith("older:"):
            if successor[len("older:"):] not in older_names:
                raise DeriveError(f"places-older.tsv: {name}: unknown older name {successor}")
        elif successor not in paths:
            raise DeriveError(f"places-older.tsv: {name}: {successor!r} is not a pre-2025 unit")
    names_by_level: dict[str, set[str]] = {"province": set(), "district": set(), "commune": set()}
    for p, pn, d, dn, c, cn in legacy:
        names_by_level["province"].add(fold(split_type(pn, PROVINCE_TYPES)[1]))
        names_by_level["district"].add(fold(split_type(dn, DISTRICT_TYPES)[1]))
        if cn:
            names_by_level["commune"].add(fold(split_type(cn, COMMUNE_TYPES_LEGACY)[1]))
    for p, pn, c, cn in new:
        names_by_level["province"].add(fold(split_type(pn, PROVINCE_TYPES)[1]))
        names_by_level["commune"].add(fold(split_type(cn, COMMUNE_TYPES_2025)[1]))
    for name, level in older_names.items():
        names_by_level[level].add(fold(split_type(name, set(TYPES))[1]))
    for alias, target, level, note in read_table(TABLES / "place-aliases.tsv", 4):
        levels = ["province", "district", "commune"] if level == "any" else [level]
        if not any(fold(target) in names_by_level.get(lv, set()) for lv in levels):
            raise DeriveError(f"place-aliases.tsv: {alias}: target {target!r} unknown at {level}")
        if fold(alias) == fold(target):
            raise DeriveError(f"place-aliases.tsv: {alias}: folds to its own target; not needed")


def read_table(path: Path, columns: int) -> list[list[str]]:
    rows = []
    text = path.read_text(encoding="utf-8")
    if nfc(text) != text:
        raise DeriveError(f"{path.name}: not NFC")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != columns:
            raise DeriveError(f"{path.name}: row {number}: {len(cells)} columns, expected {columns}")
        rows.append(cells)
    return rows


# ---------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", help="wheel or unpacked package (default: pip download)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    try:
        with tempfile.TemporaryDirectory(prefix="derive-places-") as tmp:
            data_dir = locate(args.path, Path(tmp))
            tables = derive(data_dir)
            tables["vietnamadminunits-LICENSE.txt"] = licence_text(data_dir)
        check_hand_made(tables)
    except (DeriveError, KeyError, subprocess.CalledProcessError, OSError) as error:
        print(f"derive_places: {error}", file=sys.stderr)
        return 1
    stale = []
    for name, text in tables.items():
        target = TABLES / name
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target} ({len(text.encode())} bytes)", file=sys.stderr)
    if stale:
        print(f"derive_places: out of date: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
