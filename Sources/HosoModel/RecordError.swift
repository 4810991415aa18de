/// Why a record (usually one NDJSON line) was rejected.
///
/// `description` reads like `national_id: must be 12 digits, got 13`.
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field path at fault (`national_id`, `work_history[2].from`), or `nil` when the line as a
    /// whole is wrong (not JSON, not an object).
    public var field: String?
    /// What is wrong, in words.
    public var reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - field: the field path at fault, or `nil` for the whole line.
    ///   - reason: what is wrong.
    public init(field: String?, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        guard let field else { return reason }
        return "\(field): \(reason)"
    }

    /// The same error one level down: `prefix` is prepended to the field path
    /// (`from` under `[2]` is `[2].from`; `[2].from` under `work_history` is `work_history[2].from`).
    ///
    /// - Parameter prefix: the enclosing path, such as `work_history[2]`.
    /// - Returns: an error whose field is `prefix.field` (or `prefix` if the field was `nil`).
    func nested(under prefix: String) -> RecordError {
        guard let field else { return RecordError(field: prefix, reason: reason) }
        return RecordError(field: field.hasPrefix("[") ? prefix + field : prefix + "." + field, reason: reason)
    }

    /// `text` in double quotes, cut to 40 characters, for messages.
    static func quoted(_ text: String) -> String {
        let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
        var out = "\""
        for scalar in cut.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
