/// Validation of dossier ids: 1–64 characters of `[A-Za-z0-9._-]` (DESIGN §2).
public enum RecordID {
    /// The longest id accepted, in bytes.
    public static let maximumLength = 64

    /// Whether `bytes` form a valid id.
    ///
    /// - Parameter bytes: the id's UTF-8 bytes.
    /// - Returns: `true` when there are 1–64 bytes, each a letter, digit, `.`, `_` or `-`.
    @inlinable
    public static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        var count = 0
        for byte in bytes {
            count += 1
            guard count <= maximumLength, isIDByte(byte) else { return false }
        }
        return count > 0
    }

    /// Checks an id and explains what is wrong with it.
    ///
    /// - Parameter id: the candidate id.
    /// - Throws: `RecordError` on field `id` when the id is empty, too long or has a character
    ///   outside `[A-Za-z0-9._-]`.
    public static func validate(_ id: String) throws(RecordError) {
        let bytes = id.utf8
        if bytes.isEmpty { throw RecordError(field: "id", reason: "must not be empty") }
        if bytes.count > maximumLength {
            throw RecordError(field: "id", reason: "must be at most \(maximumLength) characters, got \(id.count)")
        }
        if let bad = id.unicodeScalars.first(where: { !$0.isASCII || !isIDByte(UInt8($0.value)) }) {
            throw RecordError(field: "id", reason: "may only contain A-Z a-z 0-9 . _ -, found \(RecordError.quoted(String(bad)))")
        }
    }

    @inlinable
    static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
