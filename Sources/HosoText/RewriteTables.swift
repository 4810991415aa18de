import HosoData

/// Abbreviations and grade names from `data/tables`, loaded once.
struct RewriteTables: Sendable {
    /// One abbreviation's expansion, as word keys.
    struct Expansion: Sendable {
        var words: [WordKeys]
    }

    /// field → abbreviation key (folded, separators removed) → expansion.
    let abbreviations: [Field: [String: Expansion]]
    /// The most words an abbreviation spans when written with separators (TP.HCM = 2).
    let maxAbbreviationWords = 4
    /// Every prefix of every abbreviation key, so most words are passed over with one look-up.
    let abbreviationPrefixes: Set<String>
    /// Grade code key (folded letters and digits, e.g. "v070432") → display code.
    let gradeCodes: [String: String]
    /// Grade name (folded words joined by spaces) → code key.
    let gradeNames: [String: String]
    /// Code key → grade name keys.
    let gradeNameOfCode: [String: WordKeys]

    static let shared = RewriteTables()

    init() {
        var abbreviations: [Field: [String: Expansion]] = [:]
        for row in RewriteTables.rows("abbreviations.tsv") where row.count >= 3 {
            let words = RewriteTables.wordKeys(row[2])
            let key = RewriteTables.abbreviationKey(row[1])
            for name in row[0].split(separator: ",") {
                guard let field = Field(rawValue: String(name)) else { continue }
                abbreviations[field, default: [:]][key] = Expansion(words: words)
            }
        }
        self.abbreviations = abbreviations
        var prefixes = Set<String>()
        for table in abbreviations.values {
            for key in table.keys {
                var prefix = ""
                for ch in key {
                    prefix.append(ch)
                    prefixes.insert(prefix)
                }
            }
        }
        abbreviationPrefixes = prefixes
        var codes: [String: String] = [:]
        var names: [String: String] = [:]
        var nameOfCode: [String: WordKeys] = [:]
        for row in RewriteTables.rows("grades.tsv") where row.count >= 2 {
            let codeKey = RewriteTables.codeKey(row[0])
            codes[codeKey] = row[0]
            let nameWords = RewriteTables.wordKeys(row[1])
            let phrase = WordKeys(joining: nameWords)
            names[phrase.folded] = codeKey
            nameOfCode[codeKey] = phrase
        }
        gradeCodes = codes
        gradeNames = names
        gradeNameOfCode = nameOfCode
    }

    /// Folded abbreviation with every separator removed: "GD&ĐT" → "gddt".
    static func abbreviationKey(_ text: String) -> String {
        guard let scan = try? TextScan(text) else { return "" }
        var scratch = KeyScratch()
        var key = ""
        for i in scan.words.indices { key += scratch.keys(scan.word(i)).folded }
        return key.filter { $0 != "&" }
    }

    /// Letters and digits of a grade code, lower-cased: "V.07.04.32" → "v070432".
    static func codeKey(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap { s -> Unicode.Scalar? in
            switch s.value {
            case 0x30...0x39, 0x61...0x7A: s
            case 0x41...0x5A: Unicode.Scalar(s.value | 0x20)
            default: nil
            }
        }))
    }

    static func wordKeys(_ text: String) -> [WordKeys] {
        guard let scan = try? TextScan(text) else { return [] }
        var scratch = KeyScratch()
        return scan.words.indices.map { scratch.keys(scan.word($0)) }
    }

    /// Tab-separated rows of a table, skipping blank lines and `#` comments.
    static func rows(_ name: String) -> [[String]] {
        guard let text = try? HosoData.table(name) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { line -> [String]? in
            if line.isEmpty || line.hasPrefix("#") { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map {
                ICU.nfc(String($0.trimmingSpaces()))
            }
        }
    }
}

extension WordKeys {
    /// Keys of a phrase: each key of the words joined by single spaces.
    public init(joining words: [WordKeys], separator: String = " ") {
        self.init(
            exact: words.map(\.exact).joined(separator: separator),
            toneless: words.map(\.toneless).joined(separator: separator),
            folded: words.map(\.folded).joined(separator: separator),
            hasTone: words.contains(where: \.hasTone)
        )
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
