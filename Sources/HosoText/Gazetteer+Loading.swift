import HosoData

extension Gazetteer {
    /// The tables a gazetteer is built from, all under `data/tables` (see data/README.md).
    public static let tableNames = [
        "places-2025.tsv", "places-legacy.tsv", "places-provinces.tsv", "places-mapping.tsv",
        "places-older.tsv", "place-aliases.tsv",
    ]

    /// Loads the bundled tables (or those under `HOSO_DATA_DIR`).
    /// - Throws: `GazetteerError` when a table is missing or malformed.
    public static func loadBundled() throws(GazetteerError) -> Gazetteer {
        var texts: [String: String] = [:]
        for name in tableNames {
            do {
                texts[name] = try HosoData.table(name)
            } catch {
                throw .missingTable(table: name, reason: String(describing: error))
            }
        }
        return try Gazetteer(tables: texts)
    }

    /// Builds a gazetteer from the texts of the tables named in `tableNames`.
    /// - Parameter tables: file name → file text.
    /// - Throws: `GazetteerError` for a missing table, a malformed row or an unknown reference.
    public convenience init(tables: [String: String]) throws(GazetteerError) {
        func table(_ name: String) throws(GazetteerError) -> GazetteerTable {
            guard let text = tables[name] else { throw .missingTable(table: name, reason: "not given") }
            return GazetteerTable(name: name, text: text)
        }
        var builder = GazetteerBuilder()
        try builder.load2025(table("places-2025.tsv"))
        try builder.loadLegacy(table("places-legacy.tsv"))
        try builder.loadProvinceMerges(table("places-provinces.tsv"))
        try builder.loadMapping(table("places-mapping.tsv"))
        try builder.loadOlder(table("places-older.tsv"))
        try builder.loadAliases(table("place-aliases.tsv"))
        self.init(storage: builder.finish())
    }
}

/// One tab-separated table: `#` lines are comments, the first other line is the header.
struct GazetteerTable {
    let name: String
    let text: String

    /// Calls `body` with the 1-based line number and fields of each data row.
    /// - Throws: `malformedRow` when the header differs from `columns` or a row has another
    ///   number of fields; whatever `body` throws.
    func forEachRow(
        columns: [String], _ body: (Int, [String]) throws(GazetteerError) -> Void
    ) throws(GazetteerError) {
        var lineNumber = 0
        var sawHeader = false
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            var fields: [String] = []
            fields.reserveCapacity(columns.count)
            for field in line.split(separator: 0x09, omittingEmptySubsequences: false) {
                fields.append(String(decoding: field, as: UTF8.self))
            }
            guard sawHeader else {
                guard fields == columns else {
                    throw .malformedRow(
                        table: name, line: lineNumber,
                        reason: "header is \(fields.joined(separator: " | ")), expected \(columns.joined(separator: " | "))")
                }
                sawHeader = true
                continue
            }
            guard fields.count == columns.count else {
                throw .malformedRow(
                    table: name, line: lineNumber,
                    reason: "\(fields.count) fields, expected \(columns.count)")
            }
            try body(lineNumber, fields)
        }
        if !sawHeader { throw .malformedRow(table: name, line: lineNumber, reason: "no header line") }
    }
}
