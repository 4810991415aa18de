/// What a written hometown resolves to, and the names the same place had at other times.
///
/// Search matches a record on `asWritten` and `implied` (the names it really carries) and, one tier
/// lower, on `lineage`. Lineage only follows units that really moved: a 2025 commune gets the
/// pre-2025 communes merged into it with their districts and provinces (and their older names),
/// a pre-2025 commune gets the 2025 commune(s) it went into and its 2025 province; a province or
/// district only gets units that contain it whole. A whole old province is never expanded onto a
/// whole new one.
public struct PlaceResolution: Hashable, Sendable, CustomStringConvertible {
    /// The units as written, most specific first, resolved to canonical names.
    public var asWritten: [PlaceName]
    /// Units of the same map that contain the written ones, at levels nothing was written at (the
    /// district of a pre-2025 commune written without it; the province of a 2025 commune written
    /// alone). An ancestor at a level written otherwise ("Thạch Thất, Hà Tây": Hà Nội) is lineage.
    public var implied: [PlaceName]
    /// Names of the same place on other maps, most specific first; never repeats a name (level and
    /// full name) already in `asWritten` or `implied`.
    public var lineage: [PlaceName]
    /// Components that named no known unit in their context ("Thôn 3", a misspelt commune).
    public var unresolved: [String]

    public init(asWritten: [PlaceName] = [], implied: [PlaceName] = [], lineage: [PlaceName] = [],
                unresolved: [String] = []) {
        self.asWritten = asWritten
        self.implied = implied
        self.lineage = lineage
        self.unresolved = unresolved
    }

    /// True when nothing in the text named a known unit.
    public var isEmpty: Bool { asWritten.isEmpty }

    public var description: String {
        let written = asWritten.map(\.description).joined(separator: "; ")
        let implied = implied.map(\.description).joined(separator: "; ")
        let lineage = lineage.map(\.description).joined(separator: "; ")
        return "written: \(written) | implied: \(implied) | lineage: \(lineage)"
            + (unresolved.isEmpty ? "" : " | unresolved: \(unresolved)")
    }
}

/// One comma-separated part of a hometown query, with the known units it may name.
public struct PlaceQueryComponent: Hashable, Sendable, CustomStringConvertible {
    /// The part as typed, trimmed ("tp hcm", "Quận 1", "Hiệp Hòa").
    public var text: String
    /// The typed name without its unit-type word ("hcm", "Hiệp Hòa"); kept with it when the rest
    /// is a number ("Quận 1", "Phường 5"). Digits lose leading zeros ("Phường 05" → "Phường 5").
    public var name: String
    /// The canonical unit-type word the user typed, if any ("Xã", "Thành phố" for "tp.").
    public var unitType: String?
    /// `name` folded: lower-case, no marks, đ → d, punctuation as single spaces.
    public var foldedKey: String
    /// Known units this part may name, at any level and on any map, aliases resolved; narrowed to
    /// those overlapping the parts after it ("Hiệp Hòa, Bắc Ninh" drops Hiệp Hòa in Tây Ninh)
    /// unless that would leave none. Empty for an unknown name.
    public var candidates: [PlaceName]

    /// The distinct canonical names of the candidates, in candidate order.
    public var candidateNames: [String] {
        var seen = Set<String>()
        return candidates.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    public var description: String {
        "\(text) → \(name)\(unitType.map { " (\($0))" } ?? ""): "
            + candidates.map(\.description).joined(separator: "; ")
    }
}
