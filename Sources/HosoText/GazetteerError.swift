/// Why the place tables could not be loaded.
public enum GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A table file is missing or unreadable (`reason` says which and why).
    case missingTable(table: String, reason: String)
    /// A row does not have the shape its table's header promises.
    case malformedRow(table: String, line: Int, reason: String)
    /// A row names a unit or code that no other table defines.
    case unknownReference(table: String, line: Int, reference: String)

    public var description: String {
        switch self {
        case .missingTable(let table, let reason):
            "place table \(table) could not be read: \(reason)"
        case .malformedRow(let table, let line, let reason):
            "\(table):\(line): \(reason)"
        case .unknownReference(let table, let line, let reference):
            "\(table):\(line): unknown \(reference)"
        }
    }
}
