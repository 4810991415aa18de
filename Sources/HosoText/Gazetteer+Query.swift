/// Hometown queries: which known units each part of a query may name.
extension Gazetteer {
    /// Splits a hometown query into components (comma separated, or segmented into known names
    /// when there is no comma: "hiep hoa bac ninh"), each with the units it may name.
    ///
    /// Type words (xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố, tỉnh and
    /// tp., tx., tt., q., p., h., x.) are stripped from `name` unless the rest is a number
    /// ("quan 1" → "Quận 1", "q1" → "Quận 1", "p.05" → "Phường 5"). Aliases are resolved
    /// ("tp hcm" → Hồ Chí Minh, marked `viaAlias`). A part's candidates are narrowed to those
    /// overlapping a candidate of the next known part, unless none would remain.
    /// - Parameter text: the query as typed.
    /// - Returns: the components, most specific first, as typed; empty for blank input.
    public func parseQuery(_ text: String) -> [PlaceQueryComponent] {
        var parts = components(of: text)
        var candidates: [[Match]] = []
        for index in parts.indices {
            let (matches, kind) = lookup(parts[index])
            candidates.append(refine(matches, kind: kind, level: nil))
            if kind == nil, !matches.isEmpty, parts[index].kind != nil {
                // The type-looking first word is part of the name ("Quan Hóa", "Phương Mai").
                parts[index].kind = nil
                parts[index].name = parts[index].text
                parts[index].nameKey = parts[index].fullKey
            }
        }
        var next: [Match] = []
        for index in candidates.indices.reversed() {
            if !next.isEmpty {
                let narrowed = candidates[index].filter { m in
                    next.contains { n in
                        units[Int(m.unit)].level > units[Int(n.unit)].level && overlaps(m.unit, n.unit)
                    }
                }
                if !narrowed.isEmpty { candidates[index] = narrowed }
            }
            if !candidates[index].isEmpty { next = candidates[index] }
        }
        return zip(parts, candidates).map { part, matches in
            PlaceQueryComponent(
                text: part.text, name: part.name, unitType: part.kind?.word,
                foldedKey: part.nameKey,
                candidates: matches.map { placeName($0.unit, viaAlias: $0.viaAlias) })
        }
    }
}
