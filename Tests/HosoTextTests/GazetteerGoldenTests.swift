import Foundation
import Testing

@testable import HosoText

/// One row of `Golden/gazetteer-matching.tsv` (the format of `Golden/matching.tsv`).
struct GazetteerGoldenCase: CustomTestStringConvertible, Sendable {
    var line: Int
    var query: String
    var text: String
    /// exact, tone, folded, variant, lineage or "no match".
    var expected: String
    var note: String

    var testDescription: String { "line \(line): \"\(query)\" vs \"\(text)\" (\(note))" }

    static let all: [GazetteerGoldenCase] = {
        guard let url = Bundle.module.url(forResource: "Golden/gazetteer-matching", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var cases: [GazetteerGoldenCase] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 6, cols[0] == "hometown" else { continue }
            cases.append(GazetteerGoldenCase(line: i + 1, query: cols[1], text: cols[2], expected: cols[3], note: cols[5]))
        }
        return cases
    }()
}

/// How a hometown query meets a record, as far as the gazetteer can tell without the analyser.
enum PlaceMatchClass: Int, Comparable, CustomStringConvertible {
    /// A name the record carries (the analyser then says exact, tone or folded).
    case carried
    case variant
    case lineage

    static func < (a: PlaceMatchClass, b: PlaceMatchClass) -> Bool { a.rawValue < b.rawValue }

    var description: String { ["carried", "variant", "lineage"][rawValue] }

    init?(expected: String) {
        switch expected {
        case "exact", "tone", "folded": self = .carried
        case "variant": self = .variant
        case "lineage": self = .lineage
        default: return nil
        }
    }

    /// The worst class over the query's parts; nil when a part meets nothing.
    static func of(query: String, text: String, in gazetteer: Gazetteer) -> PlaceMatchClass? {
        let record = gazetteer.resolve(text: text)
        guard !record.isEmpty else { return nil }
        let typed = Set(gazetteer.parseQuery(text).map(\.foldedKey))
        let carried = typed.union((record.asWritten.filter { !$0.viaAlias } + record.implied).map { gazetteerFoldKey($0.name) })
        let aliased = Set(record.asWritten.filter(\.viaAlias).map { gazetteerFoldKey($0.name) })
        let lineage = Set(record.lineage.map { gazetteerFoldKey($0.name) })
        var worst = PlaceMatchClass.carried
        let parts = gazetteer.parseQuery(query)
        guard !parts.isEmpty else { return nil }
        for part in parts {
            let viaAlias = Set(part.candidates.filter(\.viaAlias).map { gazetteerFoldKey($0.name) })
            // "q1" typed for "Quận 1": an abbreviation, a variant.
            let abbreviated = part.unitType != nil && part.name.hasPrefix(part.unitType ?? "")
                && gazetteerFoldKey(part.text) != part.foldedKey
            let found: PlaceMatchClass
            if carried.contains(part.foldedKey) {
                found = abbreviated ? .variant : .carried
            } else if aliased.contains(part.foldedKey) || !viaAlias.isDisjoint(with: carried.union(aliased)) {
                found = .variant
            } else if lineage.contains(part.foldedKey) || !viaAlias.isDisjoint(with: lineage) {
                found = .lineage
            } else {
                return nil
            }
            worst = max(worst, found)
        }
        return worst
    }
}

@Suite struct GazetteerGoldenTests {
    @Test func tableCoversEveryOutcome() {
        let rows = GazetteerGoldenCase.all
        #expect(rows.count >= 50)
        for outcome in ["exact", "folded", "variant", "lineage", "no match"] {
            #expect(rows.contains { $0.expected == outcome }, "no row expecting \(outcome)")
        }
    }

    @Test(arguments: GazetteerGoldenCase.all)
    func row(_ c: GazetteerGoldenCase) {
        let got = PlaceMatchClass.of(query: c.query, text: c.text, in: GazetteerFixture.shared)
        let want = PlaceMatchClass(expected: c.expected)
        #expect(got == want, "Golden/gazetteer-matching.tsv line \(c.line): got \(got.map(String.init(describing:)) ?? "no match"), want \(c.expected)")
    }
}
