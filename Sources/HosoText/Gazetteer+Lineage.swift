/// Lineage: the names the same place had on other maps, only at the level of the units that moved.
extension Gazetteer {
    /// Builds the resolution of the written units (most specific first).
    /// - Parameters:
    ///   - written: unit and whether it was reached through an alias, most specific first.
    ///   - unresolved: the components that named nothing.
    func resolution(written: [(unit: UInt32, viaAlias: Bool)], unresolved: [String]) -> PlaceResolution {
        // Same-map ancestors fill the levels left unwritten; where another unit was written at
        // that level (Hà Tây above Thạch Thất), the ancestor is a name of another time: lineage.
        var implied: [UInt32] = []
        var lineage: [UInt32] = []
        for (unit, _) in written {
            var up = parent(unit)
            while up != Gazetteer.none {
                let level = units[Int(up)].level
                if written.contains(where: { $0.unit == up }) {
                    // written itself
                } else if written.contains(where: { units[Int($0.unit)].level == level }) {
                    lineage.append(up)
                } else if !implied.contains(up) {
                    implied.append(up)
                }
                up = parent(up)
            }
        }
        for (unit, _) in written { appendLineage(of: unit, to: &lineage) }

        // Drop repeats: the same unit, a name (level + full name) the record already carries, or
        // the same name and map twice.
        let ownNames = (written.map(\.unit) + implied).map { units[Int($0)].nameID }
        var keptNames: [UInt64] = []
        var kept: [(rank: Int, order: Int, unit: UInt32)] = []
        for unit in lineage {
            let record = units[Int(unit)]
            let key = UInt64(record.nameID) << 8 | UInt64(record.era.rawValue)
            guard !ownNames.contains(record.nameID), !keptNames.contains(key) else { continue }
            keptNames.append(key)
            kept.append((2 - Int(record.level.rawValue), kept.count, unit))
        }
        kept.sort { ($0.rank, $0.order) < ($1.rank, $1.order) }
        return PlaceResolution(
            asWritten: written.map { placeName($0.unit, viaAlias: $0.viaAlias) },
            implied: implied.map { placeName($0) },
            lineage: kept.map { placeName($0.unit) },
            unresolved: unresolved)
    }

    /// Appends the lineage of one written unit (duplicates allowed; the caller removes them).
    func appendLineage(of unit: UInt32, to out: inout [UInt32]) {
        let record = units[Int(unit)]
        switch (record.level, record.era) {
        case (.commune, .map2025):
            // The old communes merged into it, their districts, provinces and older names.
            let pieces = predecessors[unit]
            out.append(contentsOf: pieces)
            for piece in pieces {
                var up = parent(piece)
                while up != Gazetteer.none {
                    out.append(up)
                    up = parent(up)
                }
            }
            for piece in pieces { appendOlderNames(covering: piece, to: &out) }
        case (.commune, .pre2025):
            // The 2025 commune(s) it went into (the default first) and their province.
            for next in successors[unit] { out.append(next & ~Gazetteer.partBit) }
            for next in successors[unit] { out.append(parent(next & ~Gazetteer.partBit)) }
            appendOlderNames(covering: unit, to: &out)
        default:
            // Provinces, districts and older names: only units containing all of it.
            appendContainers(of: unit, to: &out)
        }
    }

    /// Older names covering pre-2025 unit `piece` or any of its ancestors.
    func appendOlderNames(covering piece: UInt32, to out: inout [UInt32]) {
        var chain = piece
        while chain != Gazetteer.none {
            out.append(contentsOf: olderCovering[chain])
            chain = parent(chain)
        }
    }
}
