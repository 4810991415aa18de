import Foundation
import HosoText
import Testing

/// One row of `Golden/matching.tsv`.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    var line: Int
    var field: Field
    var query: String
    var text: String
    var expected: MatchTier?
    var options: MatchOptions
    var note: String

    var testDescription: String { "line \(line): \(field) \"\(query)\" vs \"\(text)\" (\(note))" }

    /// Every row of the committed table.
    static let all: [GoldenCase] = {
        guard let url = Bundle.module.url(forResource: "Golden/matching", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var cases: [GoldenCase] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(cols.count >= 6, "Golden/matching.tsv line \(i + 1): expected 6 columns, got \(cols.count)")
            guard let field = Field(rawValue: cols[0]) else {
                preconditionFailure("Golden/matching.tsv line \(i + 1): unknown field \(cols[0])")
            }
            let expected = MatchTier.allCases.first { $0.description == cols[3] }
            precondition(expected != nil || cols[3] == "no match", "line \(i + 1): bad tier \(cols[3])")
            let options = MatchOptions(prefix: cols[4].contains("prefix"), fuzzy: cols[4].contains("fuzzy"))
            cases.append(GoldenCase(line: i + 1, field: field, query: cols[1], text: cols[2],
                                    expected: expected, options: options, note: cols[5]))
        }
        return cases
    }()
}

@Suite struct GoldenMatchingTests {
    @Test func tableIsLargeAndCoversEveryField() {
        #expect(GoldenCase.all.count >= 200)
        for field in Field.allCases {
            #expect(GoldenCase.all.contains { $0.field == field }, "no golden row for \(field)")
        }
        for tier in [MatchTier.exact, .tone, .folded, .variant, .fuzzy] {
            #expect(GoldenCase.all.contains { $0.expected == tier }, "no golden row expecting \(tier)")
        }
    }

    @Test(arguments: GoldenCase.all)
    func row(_ c: GoldenCase) throws {
        let tier = try explainMatch(field: c.field, query: c.query, text: c.text, options: c.options)
        #expect(
            tier == c.expected,
            "Golden/matching.tsv line \(c.line): got \(tier.map(String.init(describing:)) ?? "no match"), want \(c.expected.map(String.init(describing:)) ?? "no match")"
        )
    }
}
