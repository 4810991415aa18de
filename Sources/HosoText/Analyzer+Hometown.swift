/// Hometowns: one token per place unit (commune, district, province), keyed by its whole name
/// without the unit-type word, so "Nghệ An" never matches inside "Xã Nghệ An Hòa".
extension Analyzer {
    func hometown(_ text: String, side: Side) throws(AnalysisError) -> [Token] {
        _ = try TextScan(text)
        var tokens: [Token] = []
        for component in text.split(separator: ",") {
            guard let keys = try placeKeys(String(component)) else { continue }
            tokens.append(Token(keys: keys, position: tokens.count))
        }
        return tokens
    }

    /// Keys of one place name with its leading unit-type words removed (kept for numbered units).
    func placeKeys(_ text: String) throws(AnalysisError) -> WordKeys? {
        let scan = try TextScan(text)
        var scratch = KeyScratch()
        var words = scan.words.indices.map { scratch.keys(scan.word($0)) }
        let typeWords: Set<String> = ["xa", "phuong", "huyen", "quan", "tinh", "tp", "tx", "tt"]
        let typePairs: Set<String> = ["thi tran", "thi xa", "thanh pho"]
        var typePrefix: [WordKeys] = []
        while !words.isEmpty {
            if words.count >= 2, typePairs.contains(words[0].folded + " " + words[1].folded) {
                typePrefix += words.prefix(2)
                words.removeFirst(2)
            } else if typeWords.contains(words[0].folded) {
                typePrefix.append(words.removeFirst())
            } else {
                break
            }
        }
        if words.isEmpty { return nil }
        if words.allSatisfy({ $0.folded.allSatisfy(\.isNumber) }) { words = typePrefix + words }
        return WordKeys(joining: words)
    }
}
