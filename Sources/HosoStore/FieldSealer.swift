import Crypto
import Foundation

/// Seals and opens the restricted part of a stored record with AES-256-GCM.
///
/// A sealed blob is `keyTag[4] nonce[12] ciphertext tag[16]`: `keyTag` names the data key that
/// sealed it (so a rotation interrupted half-way knows which key opens each record), the nonce is
/// random per seal, and the record id is authenticated with it, so a blob moved to another record
/// does not open.
public struct FieldSealer: Sendable {
    /// The key new blobs are sealed with.
    public let key: DataKey
    /// Keys that may also open blobs (the old key while a rotation is under way).
    let openers: [DataKey]

    /// A sealer that seals with `key` and opens blobs of `key` and of `alsoOpens`.
    public init(key: DataKey, alsoOpens: [DataKey] = []) {
        self.key = key
        openers = [key] + alsoOpens
    }

    /// The bytes of a blob before the nonce.
    static let keyTagCount = 4
    /// The bytes AES-GCM adds: nonce and tag.
    static let overhead = 12 + 16

    /// Seals `plaintext` for the record `id`.
    public func seal(_ plaintext: [UInt8], id: String) -> [UInt8] {
        // `try!`: AES-GCM with a 32-byte key and a fresh 12-byte nonce cannot fail.
        let box = try! AES.GCM.seal(plaintext, using: key.sealKey, nonce: AES.GCM.Nonce(), authenticating: Self.aad(id))
        var out = key.tag
        out.reserveCapacity(Self.keyTagCount + Self.overhead + plaintext.count)
        out.append(contentsOf: box.nonce)
        out.append(contentsOf: box.ciphertext)
        out.append(contentsOf: box.tag)
        return out
    }

    /// Opens a blob sealed for the record `id`.
    ///
    /// - Throws: `CodecError.sealedWithOtherKey` when no key of this sealer made it;
    ///   `CodecError.malformed` when it does not authenticate (damaged, or moved from another record).
    public func open(_ blob: UnsafeRawBufferPointer, id: String) throws(CodecError) -> [UInt8] {
        guard blob.count >= Self.keyTagCount + Self.overhead else { throw CodecError.malformed("sealed fields too short") }
        let tag = Array(blob.prefix(Self.keyTagCount))
        guard let opener = openers.first(where: { $0.tag == tag }) else {
            throw CodecError.sealedWithOtherKey(DataKey.hex(tag))
        }
        let body = blob.dropFirst(Self.keyTagCount)
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: body.prefix(12)), ciphertext: body.dropFirst(12).dropLast(16), tag: body.suffix(16))
            return Array(try AES.GCM.open(box, using: opener.sealKey, authenticating: Self.aad(id)))
        } catch {
            throw CodecError.malformed("sealed fields of \(id) do not authenticate")
        }
    }

    private static func aad(_ id: String) -> [UInt8] { Array("hoso record ".utf8) + Array(id.utf8) }
}
