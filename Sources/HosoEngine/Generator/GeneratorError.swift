/// Why `hoso generate` could not start or finish.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    /// A reference table under `data/tables` is missing or unreadable.
    case missingTable(name: String, reason: String)
    /// A reference table has a wrong header or a row that cannot be used.
    case badTable(name: String, line: Int, reason: String)
    /// An option is out of range (count, seed, date).
    case invalidArgument(String)
    /// The output file cannot be created or written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingTable(let name, let reason): "data/tables/\(name): \(reason)"
        case .badTable(let name, let line, let reason): "data/tables/\(name), line \(line): \(reason)"
        case .invalidArgument(let reason): reason
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
