/// Splitting place text into components and finding the units each may name.
extension Gazetteer {
    /// One comma-separated part of a place text, parsed.
    struct Component {
        /// The part as written, trimmed.
        var text: String
        /// The name without the type word, as written (with it when numbered, zeros dropped).
        var name: String
        /// The type word written, if the first word(s) fold to one.
        var kind: GazetteerUnitKind?
        /// Whether the type word was spelt exactly (with its accents, or as an abbreviation).
        var kindIsExact: Bool
        /// Whether the rest is a number ("Quận 1").
        var isNumbered: Bool
        /// All words folded.
        var fullKey: String
        /// The words after the type word folded; "quan 1" for a numbered unit.
        var nameKey: String
        /// The level a structured field promises (commune, district, province), if any.
        var expectedLevel: PlaceLevel?
    }

    /// A unit a component may name.
    struct Match: Equatable {
        var unit: UInt32
        var viaAlias: Bool
    }

    /// Splits `text` on commas and semicolons (most specific first) into parsed components.
    /// A text without separators whose whole name is unknown is segmented into known names,
    /// longest first from the right ("Hiệp Hòa Bắc Ninh" → "Hiệp Hòa", "Bắc Ninh").
    /// Input bounds: a hometown has a few short parts. Longer parts name nothing (they are kept,
    /// shortened, as unresolved); beyond `maxComponents` only the most general parts are read.
    static let maxComponents = 8
    static let maxComponentBytes = 160
    static let maxSegmentedWords = 12

    func components(of text: String) -> [Component] {
        let parts = text.split { $0 == "," || $0 == ";" || $0 == "\n" }.suffix(Gazetteer.maxComponents)
        var result: [Component] = []
        var onlyWords: [GazetteerWord] = []
        var onlyText = ""
        for part in parts {
            guard part.utf8.count <= Gazetteer.maxComponentBytes else {
                let shown = String(part.prefix(40)) + "…"
                result.append(Component(
                    text: shown, name: shown, kind: nil, kindIsExact: false, isNumbered: false,
                    fullKey: "", nameKey: "", expectedLevel: nil))
                continue
            }
            let text = String(part)
            let words = GazetteerFold.words(text)
            if let component = component(text, words: words[...]) {
                result.append(component)
                onlyWords = words
                onlyText = text
            }
        }
        if result.count == 1, let only = result.first, !only.fullKey.isEmpty,
            onlyWords.count <= Gazetteer.maxSegmentedWords, lookup(only).matches.isEmpty,
            let segments = segment(onlyText, words: onlyWords)
        {
            return segments
        }
        return result
    }

    /// Parses one component from its words (a slice of `GazetteerFold.words(text)`).
    func component(_ text: String, words: ArraySlice<GazetteerWord>) -> Component? {
        guard let first = words.first, let last = words.last else { return nil }
        let written = String(text.unicodeScalars[first.original.startIndex..<last.original.endIndex])
        var kind: GazetteerUnitKind?
        var typeWords = 0
        var rest = words.map(\.folded)[...]
        if rest.count >= 3, let pair = GazetteerUnitKind.foldedPairs[rest[0] + " " + rest[1]] {
            kind = pair
            typeWords = 2
        } else if rest.count >= 2, let single = GazetteerUnitKind.foldedSingle[rest[0]] {
            kind = single
            typeWords = 1
        } else if rest.count == 1, let (glued, digits) = Gazetteer.gluedNumber(rest[0]) {
            kind = glued
            rest = [digits]
        }
        var kindIsExact = false
        if kind != nil, typeWords > 0 {
            let typed = words.prefix(typeWords).map { String($0.original).lowercased() }.joined(separator: " ")
            kindIsExact = GazetteerUnitKind.exactWords.contains(typed)
        } else if kind != nil {
            kindIsExact = true
        }
        let nameWords = rest.dropFirst(typeWords)
        let fullKey = words.map(\.folded).joined(separator: " ")
        if let kind, nameWords.count == 1, let number = nameWords.first, number.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let digits = Gazetteer.dropLeadingZeros(number)
            return Component(
                text: written, name: "\(kind.word) \(digits)", kind: kind, kindIsExact: true, isNumbered: true,
                fullKey: fullKey, nameKey: "\(gazetteerFoldKey(kind.word)) \(digits)", expectedLevel: nil)
        }
        var name = written
        if typeWords > 0, let nameStart = words.dropFirst(typeWords).first {
            name = String(text.unicodeScalars[nameStart.original.startIndex..<last.original.endIndex])
        }
        return Component(
            text: written, name: name, kind: kind, kindIsExact: kindIsExact, isNumbered: false,
            fullKey: fullKey, nameKey: nameWords.joined(separator: " "), expectedLevel: nil)
    }

    /// "q1" → (quận, "1"), "p05" → (phường, "05"); nil for anything else.
    static func gluedNumber(_ word: String) -> (GazetteerUnitKind, String)? {
        for (prefix, kind) in [("q", GazetteerUnitKind.quan), ("p", .phuong)] where word.hasPrefix(prefix) {
            let digits = word.dropFirst(prefix.count)
            if !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return (kind, String(digits)) }
        }
        return nil
    }

    static func dropLeadingZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// The units a component may name: as typed with an accented type word ("Phường Đúc" looks
    /// for "Đúc" first), else the whole text first ("Quan Hóa", "Phương Mai" are names).
    /// - Returns: the matches and the type word they were found without (for `refine`).
    func lookup(_ component: Component) -> (matches: [Match], strippedKind: GazetteerUnitKind?) {
        var keys = [component.fullKey]
        if component.kind != nil, component.nameKey != component.fullKey {
            if component.kindIsExact { keys.insert(component.nameKey, at: 0) } else { keys.append(component.nameKey) }
        }
        for key in keys {
            guard let slot = keySlots[key] else { continue }
            let entries = keyEntries[slot]
            guard !entries.isEmpty else { continue }
            let matches = entries.map { Match(unit: $0 & ~Gazetteer.aliasBit, viaAlias: $0 & Gazetteer.aliasBit != 0) }
            let stripped = key == component.nameKey && key != component.fullKey
            return (matches, stripped || component.isNumbered ? component.kind : nil)
        }
        return ([], nil)
    }

    /// Keeps the matches of the written type, else of a level that type allows, else of the
    /// level a structured field promises; never drops all of them.
    func refine(_ matches: [Match], kind: GazetteerUnitKind?, level: PlaceLevel?) -> [Match] {
        var matches = matches
        if let kind {
            matches = prefer(matches) { units[Int($0.unit)].kind == kind }
            matches = prefer(matches) { kind.allows(units[Int($0.unit)].level) }
        }
        if let level { matches = prefer(matches) { units[Int($0.unit)].level == level } }
        return matches
    }

    /// The matches satisfying `condition`, or all of them when none does.
    func prefer(_ matches: [Match], _ condition: (Match) -> Bool) -> [Match] {
        let kept = matches.filter(condition)
        return kept.isEmpty ? matches : kept
    }

    /// Splits a text without separators into known names, from the right; nil when that does
    /// not give at least two components.
    func segment(_ text: String, words: [GazetteerWord]) -> [Component]? {
        var end = words.count
        var parts: [Component] = []
        while end > 0 {
            var taken = 0
            for length in stride(from: min(6, end), through: 1, by: -1) {
                if let part = component(text, words: words[(end - length)..<end]), !lookup(part).matches.isEmpty {
                    parts.append(part)
                    taken = length
                    break
                }
            }
            if taken == 0 { break }
            end -= taken
        }
        guard parts.count >= 2 || (parts.count == 1 && end > 0) else { return nil }
        if end > 0, let rest = component(text, words: words[0..<end]) { parts.append(rest) }
        return parts.reversed()
    }
}
