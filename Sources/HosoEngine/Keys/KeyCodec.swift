import HosoModel

/// The stored form of a key in the LMDB `keys` database: id → this value.
///
/// Layout (format 1): `1`, the 32-byte SHA-256 of the secret, role, level, created, revoked (0 =
/// valid), rate in thousandths per second (0 = unlimited), daily quota (0 = unlimited), then
/// agency, person and name as optional strings. The secret itself is never stored.
enum KeyCodec {
    static let format: UInt8 = 1

    static func encode(_ key: APIKey, hash: [UInt8]) -> [UInt8] {
        var w = ByteFieldWriter()
        w.u8(format)
        w.raw(hash)
        w.string(key.role.rawValue)
        w.u8(key.level.rawValue)
        w.i64(key.createdAt)
        w.i64(key.revokedAt ?? 0)
        w.u64(key.rate.map { UInt64(max(1, ($0 * 1000).rounded())) } ?? 0)
        w.u64(key.dailyQuota.map { UInt64(max(1, $0)) } ?? 0)
        w.optionalString(key.agency)
        w.optionalString(key.person)
        w.optionalString(key.name)
        return w.bytes
    }

    static func decode(id: String, _ bytes: UnsafeRawBufferPointer) throws(ByteFieldError) -> (APIKey, [UInt8]) {
        var r = ByteFieldReader(bytes)
        guard try r.u8() == format else { throw ByteFieldError(offset: 0, reason: "unknown key format") }
        let hash = try r.take(32)
        guard let role = Role(rawValue: try r.string()) else { throw ByteFieldError(offset: r.index, reason: "unknown role") }
        guard let level = AccessLevel(rawValue: try r.u8()) else { throw ByteFieldError(offset: r.index, reason: "bad level") }
        let created = try r.i64()
        let revoked = try r.i64()
        let rate = try r.u64()
        let quota = try r.u64()
        let key = APIKey(
            id: id, role: role, level: level, agency: try r.optionalString(), person: try r.optionalString(),
            name: try r.optionalString(), rate: rate == 0 ? nil : Double(rate) / 1000,
            dailyQuota: quota == 0 ? nil : Int(clamping: quota), createdAt: created, revokedAt: revoked == 0 ? nil : revoked)
        return (key, hash)
    }
}
