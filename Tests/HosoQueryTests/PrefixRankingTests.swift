import HosoIndex
import HosoModel
import HosoQuery
import HosoText
import Testing

/// As-you-type (`prefix=1`): within a tier, a name holding the typed last word whole ranks before
/// one that only completes it, whatever the record ids.
@Suite struct PrefixRankingTests {
    static let records = [
        PersonRecord(id: "A1", fullName: "Trần Thị Thúy"),
        PersonRecord(id: "A2", fullName: "Trần Thị Thương"),
        PersonRecord(id: "B1", fullName: "Trần Thị Thu Hà"),
        PersonRecord(id: "Z9", fullName: "Trần Thị Thu"),
        PersonRecord(id: "C1", fullName: "Trần Văn Thu"),
    ]

    static func ids(_ name: String, prefix: Bool, valueDriven: Bool = true) throws -> [String] {
        var request = SearchRequest()
        request.name = name
        request.prefix = prefix
        let searcher = Searcher(snapshot: IndexBuilder.snapshot(of: records), valueDriven: valueDriven)
        return try searcher.search(request, callerLevel: 3).hits.map(\.id)
    }

    @Test(arguments: [true, false])
    func wholeLastWordBeforeCompletions(valueDriven: Bool) throws {
        // Unaccented: every hit is `folded`; Thu (whole) before Thúy and Thương (completed).
        #expect(try Self.ids("tran thi thu", prefix: true, valueDriven: valueDriven) == ["B1", "Z9", "A1", "A2"])
        // Accented and typed whole: exact tier first.
        #expect(try Self.ids("Trần Thị Thu", prefix: true, valueDriven: valueDriven) == ["B1", "Z9", "A1", "A2"])
        // Without prefix the completions do not match at all.
        #expect(try Self.ids("tran thi thu", prefix: false, valueDriven: valueDriven) == ["B1", "Z9"])
        // A half-typed word that no name holds whole: completions rank by the other rules.
        #expect(try Self.ids("tran thi th", prefix: true, valueDriven: valueDriven) == ["A1", "A2", "B1", "Z9"])
    }
}
