/// Resolving a written hometown to units, from the most general component down.
extension Gazetteer {
    /// Resolves a hometown written as one string, comma separated, most specific first
    /// ("Xã Hiệp Hòa, Tỉnh Bắc Ninh", "Thạch Thất, Hà Tây", "Phường 5, Quận 3, TP.HCM").
    /// Matching is accent- and case-insensitive; unknown parts end up in `unresolved`.
    /// - Parameter text: the hometown as written.
    /// - Returns: the resolution; empty when nothing is known.
    public func resolve(text: String) -> PlaceResolution {
        resolve(components: components(of: text))
    }

    /// Resolves a hometown given as fields (`{commune, district?, province}` records).
    /// - Parameters:
    ///   - commune: xã / phường / thị trấn / đặc khu, with or without its type word.
    ///   - district: huyện / quận / thị xã / thành phố (pre-2025 records), or nil.
    ///   - province: tỉnh / thành phố.
    /// - Returns: the resolution; empty when nothing is known.
    public func resolve(commune: String?, district: String?, province: String?) -> PlaceResolution {
        var parts: [Component] = []
        for (value, level) in [(commune, PlaceLevel.commune), (district, .district), (province, .province)] {
            guard let value else { continue }
            var pieces = components(of: value)
            guard !pieces.isEmpty else { continue }
            pieces[pieces.count - 1].expectedLevel = level
            parts.append(contentsOf: pieces)
        }
        return resolve(components: parts)
    }

    /// The resolution of parsed components (most specific first).
    func resolve(components: [Component]) -> PlaceResolution {
        var parts = components
        // Written general-first ("Hà Nội, Ba Đình")? Turn it round.
        if parts.count >= 2, let first = parts.first, let last = parts.last,
            !isProvinceName(last), isProvinceName(first)
        {
            parts.reverse()
        }
        var chosen: [[Match]] = Array(repeating: [], count: parts.count)
        var unresolved: [String] = []
        var context: [UInt32] = []
        var provinces: [UInt32] = []
        for index in parts.indices.reversed() {
            let part = parts[index]
            let (matches, kind) = lookup(part)
            var picked: [Match]
            if context.isEmpty {
                picked = preferSpelling(pickWithoutContext(refine(matches, kind: kind, level: part.expectedLevel)), of: part)
            } else {
                picked = pick(matches, in: context, part: part, kind: kind, moreToCome: index > 0)
                if picked.isEmpty, provinces != context, !provinces.isEmpty {
                    picked = pick(matches, in: provinces, part: part, kind: kind, moreToCome: index > 0)
                }
            }
            guard !picked.isEmpty else {
                unresolved.insert(part.text, at: 0)
                continue
            }
            chosen[index] = picked
            context = picked.map(\.unit)
            if picked.allSatisfy({ units[Int($0.unit)].level == .province }) { provinces = context }
        }
        pruneToSameMap(&chosen)
        let written = chosen.flatMap { $0.map { (unit: $0.unit, viaAlias: $0.viaAlias) } }
        return resolution(written: written, unresolved: unresolved)
    }

    private func isProvinceName(_ part: Component) -> Bool {
        lookup(part).matches.contains { units[Int($0.unit)].level == .province }
    }

    /// Without a containing unit: provinces if any, else the most general level, and only when
    /// that is not ambiguous (at most three units).
    private func pickWithoutContext(_ matches: [Match]) -> [Match] {
        guard let top = matches.map({ units[Int($0.unit)].level }).min() else { return [] }
        let picked = matches.filter { units[Int($0.unit)].level == top }
        return top == .province || picked.count <= 3 ? picked : []
    }

    /// The matches lying in one of the `context` units (else overlapping one), narrowed by the
    /// written type, then by map: the context's own map, or for a same-named province on both
    /// maps, the 2025 map for the last part and pre-2025 districts when more parts follow.
    private func pick(
        _ matches: [Match], in context: [UInt32], part: Component, kind: GazetteerUnitKind?, moreToCome: Bool
    ) -> [Match] {
        func isBelow(_ match: Match, _ container: UInt32) -> Bool {
            units[Int(match.unit)].level > units[Int(container)].level
        }
        var inside = matches.filter { m in context.contains { isBelow(m, $0) && isWithin(m.unit, $0) } }
        if inside.isEmpty {
            inside = matches.filter { m in context.contains { isBelow(m, $0) && overlaps(m.unit, $0) } }
        }
        guard !inside.isEmpty else { return [] }
        inside = refine(inside, kind: kind, level: part.expectedLevel)
        let contextEras = Set(context.map { units[Int($0)].era == .map2025 })
        let isNew = { (m: Match) in self.units[Int(m.unit)].era == .map2025 }
        if contextEras == [true] {
            inside = prefer(inside, isNew)
        } else if contextEras == [false] {
            inside = prefer(inside) { !isNew($0) }
        } else if moreToCome, inside.contains(where: { !isNew($0) && units[Int($0.unit)].level == .district }) {
            inside = inside.filter { !isNew($0) && units[Int($0.unit)].level == .district }
        } else {
            inside = prefer(inside, isNew)
        }
        if moreToCome, let top = inside.map({ units[Int($0.unit)].level }).min() {
            inside = inside.filter { units[Int($0.unit)].level == top }
        }
        return preferSpelling(inside, of: part)
    }

    /// Among names equal once folded (Hoằng Quý, Hoằng Quỳ in one district), those spelt as
    /// written, ignoring case; all of them when none is.
    private func preferSpelling(_ matches: [Match], of part: Component) -> [Match] {
        guard matches.count > 1 else { return matches }
        let typed = [part.name.lowercased(), part.text.lowercased()]
        return prefer(matches) { m in
            let unit = units[Int(m.unit)]
            return typed.contains(unit.name.lowercased()) || typed.contains(unit.fullName.lowercased())
        }
    }

    /// Keeps, at each written level, the units that are same-map parents of what was chosen
    /// below them (Bắc Ninh 2025 for a 2025 commune, not pre-2025 Bắc Ninh); lineage re-adds
    /// the others where they really contain the place.
    private func pruneToSameMap(_ chosen: inout [[Match]]) {
        var below: [UInt32] = []
        for index in chosen.indices {
            var here = chosen[index]
            guard !here.isEmpty else { continue }
            // An older name shadowed by a unit of the same name (Vĩnh Phúc, Hòa Bình): keep the
            // one containing what was written below it, else the current unit.
            let isOlder = { (m: Match) in self.units[Int(m.unit)].era == .older }
            if here.contains(where: isOlder), here.contains(where: { !isOlder($0) }) {
                if !below.isEmpty { here = prefer(here) { m in below.allSatisfy { isWithin($0, m.unit) } } }
                here = prefer(here) { !isOlder($0) }
                chosen[index] = here
            }
            if !below.isEmpty {
                let parents = here.filter { m in below.contains { isAncestorOrSelf(m.unit, of: parent($0)) } }
                if !parents.isEmpty {
                    chosen[index] = parents
                } else {
                    // Below an older name (Quận 2): keep the map of what lies below.
                    let belowIsNew = below.allSatisfy { units[Int($0)].era == .map2025 }
                    let belowIsOld = below.allSatisfy { units[Int($0)].era != .map2025 }
                    if belowIsNew || belowIsOld {
                        chosen[index] = prefer(here) { (units[Int($0.unit)].era == .map2025) == belowIsNew }
                    }
                }
            }
            below = chosen[index].map(\.unit)
        }
    }
}
