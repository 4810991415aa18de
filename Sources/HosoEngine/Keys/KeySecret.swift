import Crypto

/// Making, hashing and comparing key secrets.
///
/// A secret is the key id, a dot and 43 base64url characters of 32 random bytes (256 bits) from
/// `SystemRandomNumberGenerator`, e.g. `k_3kq9x0c1m2n4p5r6.Zr…`. The id part lets a server find
/// the key without a search; only SHA-256 of the whole secret is stored.
enum KeySecret {
    /// Characters of key ids after `k_`: lowercase letters and digits without look-alikes.
    private static let idAlphabet = Array("abcdefghjkmnpqrstuvwxyz23456789".utf8)
    private static let base64url = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// A fresh key id: `k_` and 16 random characters (about 79 bits).
    static func newID() -> String {
        var rng = SystemRandomNumberGenerator()
        var bytes: [UInt8] = Array("k_".utf8)
        for _ in 0..<16 { bytes.append(idAlphabet[Int(rng.next(upperBound: UInt64(idAlphabet.count)))]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A fresh secret for the key `id`.
    static func newSecret(id: String) -> String {
        var rng = SystemRandomNumberGenerator()
        var random: [UInt8] = []
        random.reserveCapacity(32)
        for _ in 0..<4 {
            let word = rng.next()
            for shift in stride(from: 0, to: 64, by: 8) { random.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return id + "." + encode(random)
    }

    /// SHA-256 of the secret's UTF-8 bytes.
    static func hash(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(secret.utf8)))
    }

    /// The key id a secret names, or `nil` when it does not look like a secret.
    static func keyID(of secret: String) -> Substring? {
        guard secret.utf8.count <= 128, secret.hasPrefix("k_"), let dot = secret.firstIndex(of: ".") else { return nil }
        return secret[..<dot]
    }

    /// Whether two byte strings are equal, in time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// Unpadded base64url.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(base64url[Int(n >> 18 & 63)])
            out.append(base64url[Int(n >> 12 & 63)])
            if i + 1 < bytes.count { out.append(base64url[Int(n >> 6 & 63)]) }
            if i + 2 < bytes.count { out.append(base64url[Int(n & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes unpadded base64url; `nil` for any other character or an impossible length.
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            let v: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "_"): v = 63
            default: return nil
            }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        guard bits < 6, buffer == 0 else { return nil }
        return out
    }
}
