/// Common-noun rewrites for positions and agencies: abbreviations, sĩ/sỹ, hạng 3 = hạng III.
/// Each rewritten token keeps the keys of what was written as its `surface`.
extension Analyzer {
    func rewrite(_ words: [WordKeys], field: Field) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count + 4)
        let abbreviations = tables.abbreviations[field] ?? [:]
        var i = 0
        while i < words.count {
            if let (span, expansion) = longestAbbreviation(in: words, at: i, abbreviations) {
                var surface = WordKeys(joining: Array(words[i..<(i + span)]), separator: "")
                surface.removeAll("&")
                for word in expansion.words {
                    tokens.append(Token(keys: word, surface: surface, position: tokens.count))
                }
                i += span
                continue
            }
            let word = words[i]
            if let previous = tokens.last, previous.keys.folded == "hang", let roman = Analyzer.roman(word.folded) {
                let keys = WordKeys(exact: roman, toneless: roman, folded: roman, hasTone: false)
                tokens.append(Token(keys: keys, surface: roman == word.folded ? nil : word, position: tokens.count))
            } else if let canonical = Analyzer.iForY(word) {
                tokens.append(Token(keys: canonical, surface: word, position: tokens.count))
            } else {
                tokens.append(Token(keys: word, position: tokens.count))
            }
            i += 1
        }
        return tokens
    }

    private func longestAbbreviation(
        in words: [WordKeys], at start: Int, _ table: [String: RewriteTables.Expansion]
    ) -> (Int, RewriteTables.Expansion)? {
        // Grow the key word by word while it is still the start of some abbreviation.
        var key = ""
        var best: (Int, RewriteTables.Expansion)?
        var end = start
        while end < words.count, end - start < tables.maxAbbreviationWords {
            for ch in words[end].folded where ch != "&" { key.append(ch) }
            guard tables.abbreviationPrefixes.contains(key) else { break }
            end += 1
            if let expansion = table[key] { best = (end - start, expansion) }
        }
        return best
    }

    /// Arabic or Roman grade numerals 1–4 as lower-case Roman: "3" → "iii".
    static func roman(_ folded: String) -> String? {
        switch folded {
        case "1", "i": "i"
        case "2", "ii": "ii"
        case "3", "iii": "iii"
        case "4", "iv": "iv"
        default: nil
        }
    }

    /// sỹ → sĩ, kỹ → kĩ, lý → lí, mỹ → mĩ: a consonant initial followed by a lone y, in common nouns.
    static func iForY(_ word: WordKeys) -> WordKeys? {
        guard word.toneless.utf8.last == UInt8(ascii: "y"), word.toneless.utf8.count >= 2 else { return nil }
        let letters = Array(word.toneless.unicodeScalars)
        for s in letters.dropLast() {
            guard s.value < 0x80 || s.value == 0x111, !Syllable.isVowel(s) else { return nil }
            if s.value < 0x80, !(s.properties.isAlphabetic) { return nil }
        }
        func swap(_ key: String) -> String {
            var scalars = Array(key.unicodeScalars)
            guard let last = scalars.popLast() else { return key }
            let replaced: Unicode.Scalar
            switch last.value {
            case 0x79: replaced = "i"
            case 0xFD: replaced = "\u{ED}"  // ý → í
            case 0x1EF3: replaced = "\u{EC}"  // ỳ → ì
            case 0x1EF7: replaced = "\u{1EC9}"  // ỷ → ỉ
            case 0x1EF9: replaced = "\u{129}"  // ỹ → ĩ
            case 0x1EF5: replaced = "\u{1ECB}"  // ỵ → ị
            default: return key
            }
            scalars.append(replaced)
            return String(String.UnicodeScalarView(scalars))
        }
        return WordKeys(exact: swap(word.exact), toneless: swap(word.toneless), folded: swap(word.folded),
                        hasTone: word.hasTone)
    }
}

extension WordKeys {
    /// Removes a character from every key (abbreviation surfaces ignore their separators).
    mutating func removeAll(_ character: Character) {
        exact.removeAll { $0 == character }
        toneless.removeAll { $0 == character }
        folded.removeAll { $0 == character }
    }
}
