/// How many units of each kind a gazetteer holds.
public struct GazetteerCounts: Hashable, Sendable {
    public var provinces2025 = 0
    public var communes2025 = 0
    public var provincesPre2025 = 0
    public var districtsPre2025 = 0
    public var communesPre2025 = 0
    /// Older names (Hà Tây, Quận 2, …), one per name and level.
    public var olderNames = 0
    /// Rows of place-aliases.tsv.
    public var aliases = 0
}

/// Walking the maps: for the record generator and for tests.
extension Gazetteer {
    /// Unit counts per map and level.
    public var counts: GazetteerCounts {
        var counts = GazetteerCounts()
        for unit in units {
            switch (unit.era, unit.level) {
            case (.map2025, .province): counts.provinces2025 += 1
            case (.map2025, _): counts.communes2025 += 1
            case (.pre2025, .province): counts.provincesPre2025 += 1
            case (.pre2025, .district): counts.districtsPre2025 += 1
            case (.pre2025, .commune): counts.communesPre2025 += 1
            case (.older, _): counts.olderNames += 1
            }
        }
        counts.aliases = aliasCount
        return counts
    }

    /// All units of one map and level, in table order (by code).
    public func places(era: PlaceEra, level: PlaceLevel) -> [PlaceName] {
        units.indices.compactMap { i in
            units[i].era == era && units[i].level == level ? placeName(UInt32(i)) : nil
        }
    }

    /// The unit with this id, or nil for an id from another gazetteer.
    public func place(_ id: PlaceID) -> PlaceName? {
        id.rawValue < units.count ? placeName(id.rawValue) : nil
    }

    /// The same-map unit containing `place` (district or province), or nil.
    public func parent(of place: PlaceName) -> PlaceName? {
        guard let index = valid(place) else { return nil }
        let up = parent(index)
        return up == Gazetteer.none ? nil : placeName(up)
    }

    /// The units directly under `place` on its map (districts, communes).
    public func children(of place: PlaceName) -> [PlaceName] {
        guard let index = valid(place) else { return [] }
        return children[index].map { placeName($0) }
    }

    /// For a pre-2025 commune (or island district): the 2025 communes it went into, the default
    /// one first (the others took parts of a divided commune).
    public func successors(of place: PlaceName) -> [PlaceName] {
        guard let index = valid(place) else { return [] }
        return successors[index].map { placeName($0 & ~Gazetteer.partBit) }
    }

    /// For a 2025 commune: the pre-2025 communes merged into it, wholly or in part.
    public func predecessors(of place: PlaceName) -> [PlaceName] {
        guard let index = valid(place) else { return [] }
        return predecessors[index].map { placeName($0) }
    }

    /// For a pre-2025 unit: the 2025 province it is in now.
    public func province2025(of place: PlaceName) -> PlaceName? {
        guard let index = valid(place), units[Int(index)].era == .pre2025 else { return nil }
        let province = newProvince[Int(preProvince(index))]
        return province == Gazetteer.none ? nil : placeName(province)
    }

    /// For an older name: the pre-2025 units it covers.
    public func extent(of place: PlaceName) -> [PlaceName] {
        guard let index = valid(place) else { return [] }
        return footprints[index].map { placeName($0) }
    }

    private func valid(_ place: PlaceName) -> UInt32? {
        let index = place.id.rawValue
        guard index < units.count, units[Int(index)].fullName == place.fullName else { return nil }
        return index
    }
}
