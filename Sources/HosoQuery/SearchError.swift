/// Why a search request was refused. Every case names the parameter at fault.
public enum SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The value is malformed or out of range (HTTP 400).
    case invalid(parameter: String, reason: String)
    /// The caller's level does not allow querying this field (HTTP 403).
    case forbidden(parameter: String)

    public var parameter: String {
        switch self {
        case let .invalid(p, _), let .forbidden(p): p
        }
    }

    public var description: String {
        switch self {
        case let .invalid(p, reason): "\(p): \(reason)"
        case let .forbidden(p): "\(p): your key's access level does not allow searching this field"
        }
    }
}
