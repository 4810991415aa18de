/// Hometowns: one token per place unit (commune, district, province), keyed by its whole name
/// without the unit-type word, so "Nghệ An" never matches inside "Xã Nghệ An Hòa".
///
/// A stored hometown gives, through the `Gazetteer`: the units as written (spelt as written), the
/// canonical names of aliases used (TP.HCM → Hồ Chí Minh, as rewrites), the units they imply, and
/// — as `lineage` tokens — the names the same place had on other maps, only where units really
/// moved. A query gives one token per comma-separated part; when the part is an alias or names
/// several places, the other canonical names are the token's alternatives.
extension Analyzer {
    func hometown(_ text: String, side: Side) throws(AnalysisError) -> [Token] {
        _ = try TextScan(text)
        let gazetteer = Gazetteer.shared
        var tokens = HometownTokens()
        for component in gazetteer.parseQuery(text) {
            guard let written = try placeKeys(component.name) else { continue }
            var canonical: [WordKeys] = []
            for name in component.candidateNames {
                if let keys = try placeKeys(name), keys.folded != written.folded,
                    !canonical.contains(where: { $0.folded == keys.folded }) {
                    canonical.append(keys)
                }
            }
            let writtenIsKnown = component.candidates.isEmpty
                || component.candidateNames.contains { (try? placeKeys($0))??.folded == written.folded }
            let aliases = canonical.map { Token(keys: $0, surface: written, position: 0) }
            switch side {
            case .query:
                if writtenIsKnown {
                    tokens.add(Token(keys: written, alternatives: aliases, position: 0))
                } else if let first = aliases.first {
                    tokens.add(Token(keys: first.keys, surface: written, alternatives: Array(aliases.dropFirst()), position: 0))
                }
            case .document:
                if writtenIsKnown { tokens.add(Token(keys: written, position: 0)) }
                for alias in aliases { tokens.add(alias) }
            }
        }
        if side == .document {
            let resolution = gazetteer.resolve(text: text)
            for unit in resolution.implied {
                if let keys = try placeKeys(unit.name) { tokens.add(Token(keys: keys, position: 0)) }
            }
            for unit in resolution.lineage {
                if let keys = try placeKeys(unit.name) { tokens.add(Token(keys: keys, origin: .lineage, position: 0)) }
            }
        }
        return tokens.ordered()
    }

    /// Keys of one place name with its leading unit-type words removed (kept for numbered units).
    func placeKeys(_ text: String) throws(AnalysisError) -> WordKeys? {
        let scan = try TextScan(text)
        var scratch = KeyScratch()
        var words = scan.words.indices.map { scratch.keys(scan.word($0)) }
        let typeWords: Set<String> = ["xa", "phuong", "huyen", "quan", "tinh", "tp", "tx", "tt"]
        let typePairs: Set<String> = ["thi tran", "thi xa", "thanh pho", "dac khu"]
        var typePrefix: [WordKeys] = []
        while words.count > 1 {
            if words.count >= 3, typePairs.contains(words[0].folded + " " + words[1].folded) {
                typePrefix += words.prefix(2)
                words.removeFirst(2)
            } else if typeWords.contains(words[0].folded) {
                typePrefix.append(words.removeFirst())
            } else {
                break
            }
        }
        if words.isEmpty { return nil }
        if words.allSatisfy({ $0.folded.allSatisfy(\.isNumber) }) {
            // "Quận 1", "Phường 05": keep the type word, drop leading zeros.
            words = typePrefix.suffix(typePrefix.count >= 2 && typePairs.contains(
                typePrefix.suffix(2).map(\.folded).joined(separator: " ")) ? 2 : 1) + words.map { w in
                let digits = String(w.folded.drop { $0 == "0" })
                let n = digits.isEmpty ? "0" : digits
                return WordKeys(exact: n, toneless: n, folded: n, hasTone: false)
            }
        }
        return WordKeys(joining: words)
    }
}

/// Hometown tokens without repeats: one per folded name, preferring a name as written over a
/// rewrite, and either over lineage.
struct HometownTokens {
    private var tokens: [Token] = []

    mutating func add(_ token: Token) {
        func rank(_ t: Token) -> Int { t.origin == .lineage ? 2 : (t.surface == nil ? 0 : 1) }
        if let i = tokens.firstIndex(where: { $0.keys.folded == token.keys.folded }) {
            if rank(token) < rank(tokens[i]) { tokens[i] = token }
            return
        }
        tokens.append(token)
    }

    func ordered() -> [Token] {
        tokens.enumerated().map { i, t in
            var t = t
            t.position = i
            return t
        }
    }
}
