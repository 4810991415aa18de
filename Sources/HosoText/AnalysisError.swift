/// Why a text could not be analysed. Every case names where the problem is.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is longer than `limit` UTF-8 bytes.
    case tooLong(bytes: Int, limit: Int)
    /// A control character (other than tab, line feed, carriage return) at `offset` characters.
    case controlCharacter(scalar: UInt32, offset: Int)
    /// Bytes that are not UTF-8, at byte `offset`.
    case invalidUTF8(offset: Int)

    public var description: String {
        switch self {
        case let .tooLong(bytes, limit):
            "text is \(bytes) bytes long; the limit is \(limit) bytes"
        case let .controlCharacter(scalar, offset):
            "control character U+\(String(scalar, radix: 16, uppercase: true).leftPadded(to: 4)) at character \(offset)"
        case let .invalidUTF8(offset):
            "invalid UTF-8 at byte \(offset)"
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
