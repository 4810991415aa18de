/// Grades match by code or by exact grade name (DESIGN §4): one token for the whole value,
/// keyed by the grade code when the code or the name is known (01.003 = Chuyên viên).
extension Analyzer {
    func grade(_ text: String) throws(AnalysisError) -> [Token] {
        let scan = try TextScan(text)
        guard !scan.words.isEmpty else { return [] }
        if let code = gradeCode(in: text) {
            let keys = WordKeys(exact: code, toneless: code, folded: code, hasTone: false)
            return [Token(keys: keys, position: 0)]
        }
        let words = rewrite(try self.words(text, field: .position).map(\.keys), field: .grade)
        let phrase = WordKeys(joining: words.map(\.keys))
        if let code = tables.gradeNames[phrase.folded] {
            let keys = WordKeys(exact: code, toneless: code, folded: code, hasTone: false)
            return [Token(keys: keys, surface: phrase, position: 0)]
        }
        return [Token(keys: phrase, position: 0)]
    }

    /// The code key when `text` is written as a grade code (letters optional, then digit groups
    /// separated by dots, e.g. "01.003", "V.07.04.32"); nil otherwise.
    func gradeCode(in text: String) -> String? {
        let trimmed = text.unicodeScalars.filter { $0 != " " }
        guard let first = trimmed.first else { return nil }
        let startsWithDigit = first.value >= 0x30 && first.value <= 0x39
        let startsWithV = (first == "V" || first == "v")
        guard startsWithDigit || startsWithV else { return nil }
        var digits = 0
        for s in trimmed {
            switch s.value {
            case 0x30...0x39: digits += 1
            case 0x2E, 0x56, 0x76: continue
            default: return nil
            }
        }
        guard digits >= 4 else { return nil }
        return RewriteTables.codeKey(String(String.UnicodeScalarView(trimmed)))
    }

    /// The display form and name of a grade code, if known.
    public func gradeName(code: String) -> (code: String, name: String)? {
        let key = RewriteTables.codeKey(code)
        guard let display = tables.gradeCodes[key], let name = tables.gradeNameOfCode[key] else { return nil }
        return (display, name.exact)
    }
}
