import Crypto

/// The stored and hashed forms of audit entries.
///
/// LMDB `audit` database: key = sequence (8 bytes, big-endian), value = canonical bytes, then the
/// previous hash (32 bytes), then the entry hash (32 bytes). Canonical bytes (format 1): `1`,
/// sequence, time, kind, key id, role, parameters, subject (optional), id count, ids — see
/// `ByteFieldWriter` for the encoding. The entry hash is SHA-256(previous hash ‖ canonical bytes),
/// so changing, inserting, removing or reordering entries breaks the chain.
/// `meta` keeps `audit_head` = last sequence (8 bytes) ‖ its hash (32 bytes), which catches a
/// removed tail.
public enum AuditCodec {
    static let format: UInt8 = 1
    /// The previous hash of the first entry.
    public static let genesisHash = [UInt8](repeating: 0, count: 32)
    static let headKey = "audit_head"
    static let hashSize = 32

    /// The canonical bytes of an event at `sequence`.
    static func canonical(_ event: AuditEvent, sequence: UInt64) -> [UInt8] {
        var w = ByteFieldWriter(capacity: 96 + event.parameters.utf8.count + event.ids.count * 16)
        w.u8(format)
        w.u64(sequence)
        w.i64(event.time)
        w.string(event.kind.rawValue)
        w.string(event.keyID)
        w.string(event.role)
        w.string(event.parameters)
        w.optionalString(event.subject)
        w.varint(event.ids.count)
        for id in event.ids { w.string(id) }
        return w.bytes
    }

    /// SHA-256(previous ‖ canonical).
    static func hash(previous: [UInt8], canonical: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonical)
        return Array(hasher.finalize())
    }

    /// The stored value of an entry whose canonical bytes and hashes are given.
    static func value(canonical: [UInt8], previous: [UInt8], hash: [UInt8]) -> [UInt8] {
        var value = canonical
        value.reserveCapacity(canonical.count + 2 * hashSize)
        value.append(contentsOf: previous)
        value.append(contentsOf: hash)
        return value
    }

    /// The entry hash stored at the end of a value.
    static func storedHash(_ value: UnsafeRawBufferPointer) throws(ByteFieldError) -> [UInt8] {
        guard value.count > 2 * hashSize else { throw ByteFieldError(offset: 0, reason: "too short for an audit entry") }
        return Array(value[(value.count - hashSize)...])
    }

    /// Decodes a stored value (without checking its hashes).
    static func decode(_ value: UnsafeRawBufferPointer) throws(ByteFieldError) -> AuditEntry {
        guard value.count > 2 * hashSize else { throw ByteFieldError(offset: 0, reason: "too short for an audit entry") }
        let canonicalCount = value.count - 2 * hashSize
        var r = ByteFieldReader(UnsafeRawBufferPointer(rebasing: value[..<canonicalCount]))
        guard try r.u8() == format else { throw ByteFieldError(offset: 0, reason: "unknown audit format") }
        let sequence = try r.u64()
        let time = try r.i64()
        guard let kind = AuditEvent.Kind(rawValue: try r.string()) else {
            throw ByteFieldError(offset: r.index, reason: "unknown audit kind")
        }
        let keyID = try r.string()
        let role = try r.string()
        let parameters = try r.string()
        let subject = try r.optionalString()
        let count = try r.varint()
        var ids: [String] = []
        ids.reserveCapacity(min(count, 1024))
        for _ in 0..<count { ids.append(try r.string()) }
        guard r.remaining == 0 else { throw ByteFieldError(offset: r.index, reason: "trailing bytes") }
        let previous = Array(value[canonicalCount..<(canonicalCount + hashSize)])
        let hash = Array(value[(canonicalCount + hashSize)...])
        let event = AuditEvent(kind: kind, time: time, keyID: keyID, role: role, parameters: parameters, subject: subject, ids: ids)
        return AuditEntry(sequence: sequence, event: event, previousHash: previous, hash: hash)
    }

    /// Calls `caller` with the key id and `subject` with the subject and each returned id of a
    /// stored value, lending their bytes without decoding the rest.
    static func visitNames(
        _ value: UnsafeRawBufferPointer, caller: (UnsafeRawBufferPointer) -> Void, subject: (UnsafeRawBufferPointer) -> Void
    ) throws(ByteFieldError) {
        let canonical = canonicalBytes(value)
        var r = ByteFieldReader(canonical)
        guard try r.u8() == format else { throw ByteFieldError(offset: 0, reason: "unknown audit format") }
        _ = try r.u64()
        _ = try r.i64()
        func field(_ reader: inout ByteFieldReader) throws(ByteFieldError) -> UnsafeRawBufferPointer {
            let count = try reader.varint()
            let start = reader.index
            _ = try reader.skip(count)
            return UnsafeRawBufferPointer(rebasing: canonical[start..<start + count])
        }
        _ = try field(&r)  // kind
        caller(try field(&r))
        _ = try field(&r)  // role
        _ = try field(&r)  // parameters
        if try r.u8() == 1 { subject(try field(&r)) }
        let count = try r.varint()
        for _ in 0..<count { subject(try field(&r)) }
    }

    /// The canonical bytes inside a stored value.
    static func canonicalBytes(_ value: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: value[..<max(0, value.count - 2 * hashSize)])
    }
}
