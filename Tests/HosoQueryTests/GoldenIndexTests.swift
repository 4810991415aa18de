import Foundation
import HosoIndex
import HosoModel
import HosoQuery
import HosoText
import Testing

/// The analyser's golden matching table (Tests/HosoTextTests/Golden/matching.tsv), run through a
/// one-record index and the searcher: each row's stored text in its field, its query in the same
/// parameter, and the hit's tier (or no hit) must be what the table says `hoso explain` gives.
@Suite struct GoldenIndexTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var line: Int
        var field: String
        var query: String
        var text: String
        var expected: String
        var options: String

        var testDescription: String { "line \(line): \(field) \"\(query)\" vs \"\(text)\"" }
    }

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../HosoTextTests/Golden/matching.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var rows: [Row] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 5 else { continue }
            rows.append(Row(line: i + 1, field: c[0], query: c[1], text: c[2], expected: c[3], options: c[4]))
        }
        return rows
    }()

    @Test func tableIsRead() {
        #expect(Self.rows.count >= 200)
    }

    @Test(arguments: rows)
    func row(_ row: Row) throws {
        var record = PersonRecord(id: "R1", fullName: row.field == "name" ? row.text : "Không Tên")
        var request = SearchRequest()
        switch row.field {
        case "name": request.name = row.query
        case "hometown":
            record.hometown = .text(row.text)
            request.hometown = row.query
        case "position":
            record.position = row.text
            request.position = row.query
        case "agency":
            record.agency = row.text
            request.agency = row.query
        case "grade":
            record.grade = row.text
            request.grade = row.query
        case "national_id":
            record.nationalID = row.text
            request.nationalID = row.query
        default:
            Issue.record("line \(row.line): unknown field \(row.field)")
            return
        }
        request.prefix = row.options.contains("prefix")
        request.fuzzy = row.options.contains("fuzzy")
        let searcher = Searcher(snapshot: IndexBuilder.snapshot(of: [record]))
        let got: String
        do {
            let result = try searcher.search(request, callerLevel: 3)
            got = result.hits.first.map { String(describing: $0.tier) } ?? "no match"
            #expect(result.total == result.hits.count, "line \(row.line): total \(result.total), hits \(result.hits.count)")
        } catch {
            // A query with nothing searchable in it finds nothing.
            got = "no match"
        }
        #expect(got == row.expected, "Golden/matching.tsv line \(row.line): index gives \(got), table says \(row.expected)")
    }
}
