import CICU

/// Swift face of the `CICU` shim: NFC/NFD/NFKC and case mapping on UTF-8 strings.
///
/// These calls convert to UTF-16 inside ICU and are meant for start-up table building,
/// the slow path of the analyser (non-NFC input) and tests — not for per-character work.
public enum ICU {
    /// The ICU version linked into this process, e.g. "72.1".
    public static var version: String { String(cString: cicu_version()) }

    /// Canonical composition (NFC).
    public static func nfc(_ text: String) -> String { transform(text, CICU_NFC) }
    /// Canonical decomposition (NFD).
    public static func nfd(_ text: String) -> String { transform(text, CICU_NFD) }
    /// Compatibility composition (NFKC).
    public static func nfkc(_ text: String) -> String { transform(text, CICU_NFKC) }
    /// Full default case folding.
    public static func foldCase(_ text: String) -> String { transform(text, CICU_FOLD_CASE) }
    /// Lower-casing in the root locale.
    public static func lowercased(_ text: String) -> String { transform(text, CICU_LOWER) }

    /// Whether `text` is already in NFC.
    public static func isNFC(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            cicu_is_nfc(bytes.baseAddress, Int32(bytes.count)) == 1
        }
    }

    private static func transform(_ text: String, _ op: cicu_op) -> String {
        if text.isEmpty { return text }
        var copy = text
        return copy.withUTF8 { input -> String in
            var error: Int32 = 0
            var capacity = input.count * 3 + 16
            while true {
                var output = [UInt8](repeating: 0, count: capacity)
                let needed = output.withUnsafeMutableBufferPointer { out in
                    cicu_transform(op, input.baseAddress, Int32(input.count), out.baseAddress, Int32(capacity), &error)
                }
                // Swift strings are always valid UTF-8, so ICU only fails on allocation.
                precondition(needed >= 0, "ICU transform failed with error \(error)")
                if Int(needed) <= capacity {
                    return String(decoding: output[0..<Int(needed)], as: UTF8.self)
                }
                capacity = Int(needed)
            }
        }
    }
}
