/// Stops the run when a property does not hold: libFuzzer sees the trap as a crash and writes the
/// input to `crash-<sha1>` so it can be replayed (`Fuzz/run.sh TARGET 0 crash-…`).
///
/// - Parameters:
///   - condition: the property.
///   - message: what was expected, with the values that broke it.
@inline(__always)
public func check(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fatalError("property failed: \(message())", file: file, line: line) }
}

/// Byte-for-byte string equality (`String ==` is canonical equivalence, which would hide an NFC
/// or NFD difference).
public func sameBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.elementsEqual(b.utf8)
}

extension StringProtocol {
    /// The text with every non-printable-ASCII scalar escaped as `\u{…}`, for failure messages.
    public var debugEscaped: String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return out
    }
}
