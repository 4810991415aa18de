/// Extents: every unit is measured in pre-2025 units (its footprint), so units of any map can be
/// compared by containment and overlap on the pre-2025 tree.
extension Gazetteer {
    /// Whether pre-2025 unit `ancestor` is `unit` or contains it.
    @inline(__always)
    func isAncestorOrSelf(_ ancestor: UInt32, of unit: UInt32) -> Bool {
        var current = unit
        while current != Gazetteer.none {
            if current == ancestor { return true }
            current = parent(current)
        }
        return false
    }

    /// Whether `unit` lies within `container` (each of its pieces inside a piece of the container).
    /// A 2025 commune counts as within an old unit when all the old communes it took pieces from are.
    func isWithin(_ unit: UInt32, _ container: UInt32) -> Bool {
        let outer = footprints[container]
        let inner = footprints[unit]
        guard !outer.isEmpty, !inner.isEmpty else { return false }
        for piece in inner where !outer.contains(where: { isAncestorOrSelf($0, of: piece) }) {
            return false
        }
        return true
    }

    /// Whether `unit` and `other` share any ground.
    func overlaps(_ unit: UInt32, _ other: UInt32) -> Bool {
        let outer = footprints[other]
        for piece in footprints[unit] {
            for piece2 in outer where isAncestorOrSelf(piece2, of: piece) || isAncestorOrSelf(piece, of: piece2) {
                return true
            }
        }
        return false
    }

    /// The pre-2025 province of a pre-2025 unit.
    func preProvince(_ unit: UInt32) -> UInt32 {
        var current = unit
        while parent(current) != Gazetteer.none { current = parent(current) }
        return current
    }

    /// Units of other maps that contain all of `unit`: its pre-2025 ancestors (for a 2025 or
    /// older unit), the 2025 province and, when every old commune went wholly into one, the 2025
    /// commune; older names covering it. Appends to `out` (which may hold duplicates).
    func appendContainers(of unit: UInt32, to out: inout [UInt32]) {
        let pieces = footprints[unit]
        guard let first = pieces.first else { return }
        let era = units[Int(unit)].era
        // Pre-2025 units containing every piece (none of the unit's own ancestors: those are implied).
        if era != .pre2025 {
            var candidate = first
            while candidate != Gazetteer.none {
                if candidate != unit, pieces.allSatisfy({ isAncestorOrSelf(candidate, of: $0) }) {
                    out.append(candidate)
                }
                candidate = parent(candidate)
            }
        }
        // The 2025 province.
        let province = newProvince[Int(preProvince(first))]
        if province != Gazetteer.none, province != unit,
            pieces.allSatisfy({ newProvince[Int(preProvince($0))] == province })
        {
            out.append(province)
        }
        if let commune = wholeSuccessor(of: pieces), commune != unit { out.append(commune) }
        // Older names covering every piece.
        var chain = first
        while chain != Gazetteer.none {
            for older in olderCovering[chain] where older != unit && pieces.allSatisfy({ isCovered($0, by: older) }) {
                // Older names merged into the same unit (Phường 6 and 7 of Quận 3) share a
                // footprint without containing each other: a container must be larger.
                let sibling = era == .older && units[Int(older)].level == units[Int(unit)].level
                    && isWithin(older, unit)
                if !sibling { out.append(older) }
            }
            chain = parent(chain)
        }
    }

    /// Whether older name `older` covers pre-2025 unit `piece`.
    func isCovered(_ piece: UInt32, by older: UInt32) -> Bool {
        footprints[older].contains { isAncestorOrSelf($0, of: piece) }
    }

    /// The one 2025 commune all of these pre-2025 units went into wholly, if there is one
    /// (island districts, old communes merged together). Gives up beyond 64 old communes.
    func wholeSuccessor(of pieces: ArraySlice<UInt32>) -> UInt32? {
        var found: UInt32?
        var budget = 64
        func visit(_ piece: UInt32) -> Bool {
            let next = successors[piece]
            if next.isEmpty {
                let kids = children[piece]
                guard !kids.isEmpty else { return false }
                for kid in kids where !visit(kid) { return false }
                return true
            }
            budget -= 1
            guard budget >= 0, next.count == 1, let only = next.first, only & Gazetteer.partBit == 0 else {
                return false
            }
            if let seen = found, seen != only { return false }
            found = only
            return true
        }
        for piece in pieces where !visit(piece) { return nil }
        return found
    }
}
