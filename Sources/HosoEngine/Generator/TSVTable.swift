import HosoData

/// One committed tab-separated table, read by column name.
///
/// Lines starting with `#` are comments; the first other line is the header. Columns are found by
/// name, so a table may gain columns without breaking its readers.
struct TSVTable {
    /// The file name under `data/tables`.
    let name: String
    /// Data rows: the fields of each line, and the line's number in the file (1-based).
    let rows: [(line: Int, fields: [Substring])]
    private let columns: [String: Int]

    /// Reads `name` and checks that it has `required` columns.
    /// - Throws: `GeneratorError.missingTable` when the file cannot be read, `.badTable` when a
    ///   required column is missing or a row is shorter than the header.
    init(_ name: String, required: [String]) throws(GeneratorError) {
        let text: String
        do { text = try HosoData.table(name) } catch {
            throw .missingTable(name: name, reason: "\(error)")
        }
        self.name = name
        var header: [String]?
        var rows: [(line: Int, fields: [Substring])] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard let known = header else {
                header = fields.map(String.init)
                continue
            }
            guard fields.count >= known.count else {
                throw .badTable(name: name, line: number, reason: "\(fields.count) fields, the header has \(known.count)")
            }
            rows.append((number, fields))
        }
        guard let header else { throw .badTable(name: name, line: number, reason: "no header line") }
        var columns: [String: Int] = [:]
        for (index, column) in header.enumerated() where columns[column] == nil { columns[column] = index }
        for column in required where columns[column] == nil {
            throw .badTable(name: name, line: 0, reason: "no column `\(column)` (header: \(header.joined(separator: ", ")))")
        }
        self.rows = rows
        self.columns = columns
    }

    /// The index of a column checked at load time.
    func column(_ name: String) -> Int { columns[name] ?? 0 }

    /// A field parsed as a non-negative integer.
    /// - Throws: `.badTable` naming the line when it is not one.
    func integer(_ field: Substring, line: Int, column: String) throws(GeneratorError) -> Int {
        guard let value = Int(field), value >= 0 else {
            throw .badTable(name: name, line: line, reason: "`\(column)` must be a non-negative integer, not \"\(field)\"")
        }
        return value
    }

    /// The error for a row whose value cannot be used.
    func bad(_ line: Int, _ reason: String) -> GeneratorError { .badTable(name: name, line: line, reason: reason) }
}
