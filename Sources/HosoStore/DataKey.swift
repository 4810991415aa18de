import Crypto
import Foundation

/// The data key that seals restricted fields at rest (DESIGN §3).
///
/// 32 random bytes, read from a file or an environment variable by the caller — never stored in
/// the database. Three keys are derived from it with HKDF-SHA256, so none of them is used for two
/// purposes: the AES-256-GCM key that seals fields, the HMAC-SHA256 key of the national-id blind
/// index, and a check key whose output (`checkValue`) the store keeps to tell a wrong key from
/// damaged data.
public struct DataKey: Sendable {
    /// The AES-GCM key for `FieldSealer`.
    let sealKey: SymmetricKey
    /// The HMAC of the blind index with its key already absorbed (copied per term: no key set-up per call).
    let indexMAC: HMAC<SHA256>
    /// 16 bytes that identify the key without revealing it (stored in the database's `meta`).
    public let checkValue: [UInt8]
    /// The key itself (for writing a key file).
    let bytes: [UInt8]

    /// The length of a data key in bytes.
    public static let byteCount = 32

    /// A key from its 32 bytes.
    ///
    /// - Throws: `DataKeyError.wrongLength` for any other length.
    public init(bytes: [UInt8]) throws(DataKeyError) {
        guard bytes.count == Self.byteCount else { throw .wrongLength(bytes.count) }
        self.bytes = bytes
        let master = SymmetricKey(data: bytes)
        func derive(_ label: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, salt: Array("hoso data key".utf8), info: Array(label.utf8), outputByteCount: 32)
        }
        sealKey = derive("hoso field seal v1")
        indexMAC = HMAC<SHA256>(key: derive("hoso national id blind index v1"))
        let check = HMAC<SHA256>.authenticationCode(for: Array("hoso key check".utf8), using: derive("hoso key check v1"))
        checkValue = Array(Array(check).prefix(16))
    }

    /// A key from its base64 text (surrounding white space ignored), as in `HOSO_DATA_KEY` or a key file.
    ///
    /// - Throws: `DataKeyError.notBase64` or `.wrongLength`.
    public init(base64 text: String) throws(DataKeyError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: trimmed) else { throw .notBase64 }
        try self.init(bytes: Array(data))
    }

    /// A new random key.
    public static func random() -> DataKey {
        // `try!`: exactly `byteCount` bytes, which the initialiser accepts.
        try! DataKey(bytes: Array(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }))
    }

    /// The key as base64 text (what a key file or `HOSO_DATA_KEY` holds).
    public var base64: String { Data(bytes).base64EncodedString() }

    /// A short, non-secret name of the key for messages: the first 4 bytes of `checkValue` in hex.
    public var keyID: String { Self.hex(checkValue.prefix(4)) }

    /// The 4 bytes written in front of every sealed blob, naming the key that sealed it.
    var tag: [UInt8] { Array(checkValue.prefix(4)) }

    /// The blind-index term of a national id: HMAC-SHA256 of its ASCII digits under the index key,
    /// the first 8 bytes read as a big-endian integer written as 20 decimal digits (64 bits: a
    /// chance collision among 2.5 M ids is about 2 in 10 million, and shorter terms keep the
    /// index small).
    ///
    /// Digits, because the analyser treats identifiers as exact digit strings; the lookup
    /// database and the search index hold only these terms, never the id itself.
    ///
    /// - Parameter nationalID: the id as stored or as typed; everything but 0–9 is ignored.
    public func blindTerm(nationalID: String) -> String {
        let digits = nationalID.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        var hmac = indexMAC
        hmac.update(data: digits)
        let mac = Array(hmac.finalize())
        return Self.decimal(Array(mac.prefix(8)), digits: 20)
    }

    /// `bytes` as a big-endian unsigned integer in decimal, left-padded with zeros to `digits`.
    static func decimal(_ bytes: [UInt8], digits: Int) -> String {
        var number = bytes
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: digits)
        var position = digits - 1
        while position >= 0, number.contains(where: { $0 != 0 }) {
            var remainder = 0
            for i in number.indices {
                let value = remainder << 8 | Int(number[i])
                number[i] = UInt8(value / 10)
                remainder = value % 10
            }
            out[position] = UInt8(ascii: "0") + UInt8(remainder)
            position -= 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Why a data key could not be used.
public enum DataKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key is not 32 bytes.
    case wrongLength(Int)
    /// The text is not base64.
    case notBase64

    public var description: String {
        switch self {
        case .wrongLength(let count): "a data key is 32 bytes (base64: 44 characters); this one has \(count) bytes"
        case .notBase64: "a data key is 32 bytes written in base64 (e.g. `head -c 32 /dev/urandom | base64`); this text is not base64"
        }
    }
}
