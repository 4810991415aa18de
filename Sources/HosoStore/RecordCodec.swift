import HosoModel

/// The binary form of a `PersonRecord` as stored in LMDB's `records` database.
///
/// Layout, format 1 (all integers are unsigned LEB128 varints unless noted):
///
///     record  = format:u8(=1) version:varint access_level:u8 field* end:u8(=0)
///     field   = tag:u8 length:varint payload[length]        (tags ascending, absent fields omitted)
///     str     = length:varint utf8[length]
///     month   = varint(year * 12 + month - 1)
///     tombstone = format:u8(=0xFF) version:varint           (a deleted record, kept for idempotency)
///
/// | tag | field | payload |
/// |---|---|---|
/// | 1 | id | utf8 |
/// | 2 | national_id | utf8 (12 digits) |
/// | 3 | full_name | utf8 |
/// | 4 | other_names | str* |
/// | 5 | gender | u8: 1 Nam, 2 Nữ |
/// | 6 | birth_date | varint year, u8 month (0 = none), u8 day (0 = none) |
/// | 7 | hometown (unit) | u8 flags (bit 0: district present), str commune, [str district], str province |
/// | 8 | hometown (text) | utf8 |
/// | 9–14 | ethnicity, religion, agency, agency_code, position, grade | utf8 |
/// | 15 | work_history | varint count, then per entry: month from, varint to (0 = current, else month + 1), str agency, str position |
/// | 16 | training | as 15, with institution and qualification |
/// | 17 | status | u8: 1 active, 2 retired, 3 transferred_out, 4 deceased |
/// | 18 | source | utf8 |
/// | 19 | updated_at | utf8 |
/// | 20 | extra | varint count, then str name, str raw JSON |
/// | 21 | originals | varint count, then str path, str text |
///
/// Every field is length-prefixed, so a reader skips tags it does not know; the closing 0 byte
/// makes a value cut at a field boundary detectable. A change to this
/// layout needs a new format number; `Tests/HosoStoreTests/Fixtures/record-v1.bin` pins format 1.
///
/// Format 2 (written when the store has a data key) is format 1 with the fields of level 2 and
/// above (DESIGN §2: `national_id`, `religion`, unknown fields, and `originals` when any of them
/// is the original of such a field) taken out and sealed:
///
/// | tag | field | payload |
/// |---|---|---|
/// | 22 | national_id blind term | utf8: `DataKey.blindTerm(nationalID:)`, 20 digits |
/// | 23 | sealed | `FieldSealer` blob of `field*` holding tags 2, 10, 20 and 21 as in format 1 |
///
/// Header, id, names, places and the other lower-level fields stay readable without the key, so
/// `header` (access filtering) and the change log need no key.
public enum RecordCodec {
    /// The format byte written by `encode` without a sealer.
    public static let formatVersion: UInt8 = 1
    /// The format byte written by `encode` with a sealer (restricted fields sealed).
    public static let sealedFormatVersion: UInt8 = 2
    /// The format byte of a tombstone.
    public static let tombstoneFormat: UInt8 = 0xFF
    /// The byte that closes a record.
    static let endTag: UInt8 = 0

    enum Tag: UInt8 {
        case id = 1, nationalID, fullName, otherNames, gender, birthDate, hometownUnit, hometownText
        case ethnicity, religion, agency, agencyCode, position, grade, workHistory, training, status
        case source, updatedAt, extra, originals, blindNationalID, sealed
    }

    /// Encodes `record` in format 1.
    public static func encode(_ record: PersonRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        encode(record, into: &out)
        return out
    }

    /// Appends the encoding of `record` to `out` (reuse one buffer to avoid allocations).
    public static func encode(_ record: PersonRecord, into out: inout [UInt8]) {
        encode(record, into: &out, sealer: nil)
    }

    /// Encodes `record`, in format 2 with its restricted fields sealed when `sealer` is given.
    public static func encode(_ record: PersonRecord, sealer: FieldSealer?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        encode(record, into: &out, sealer: sealer)
        return out
    }

    /// Appends the encoding of `record` to `out`: format 1 without `sealer`, format 2 (restricted
    /// fields sealed with it) with one.
    public static func encode(_ record: PersonRecord, into out: inout [UInt8], sealer: FieldSealer?) {
        var writer = ByteWriter(out: out)
        out = []
        let sealOriginals = sealer != nil && record.originals.contains { FieldLevel.level(ofPath: $0.path) >= .restricted }
        writer.byte(sealer == nil ? formatVersion : sealedFormatVersion)
        writer.varint(UInt64(record.version))
        writer.byte(record.accessLevel.rawValue)
        writer.stringField(.id, record.id)
        if sealer == nil, let value = record.nationalID { writer.stringField(.nationalID, value) }
        writer.stringField(.fullName, record.fullName)
        if !record.otherNames.isEmpty {
            writer.field(.otherNames) { for name in record.otherNames { $0.string(name) } }
        }
        if let gender = record.gender { writer.field(.gender) { $0.byte(gender == .male ? 1 : 2) } }
        if let date = record.birthDate {
            writer.field(.birthDate) {
                $0.varint(UInt64(max(0, date.year)))
                $0.byte(UInt8(clamping: date.month ?? 0))
                $0.byte(UInt8(clamping: date.day ?? 0))
            }
        }
        switch record.hometown {
        case .unit(let commune, let district, let province)?:
            writer.field(.hometownUnit) {
                $0.byte(district == nil ? 0 : 1)
                $0.string(commune)
                if let district { $0.string(district) }
                $0.string(province)
            }
        case .text(let text)?: writer.stringField(.hometownText, text)
        case nil: break
        }
        if let value = record.ethnicity { writer.stringField(.ethnicity, value) }
        if sealer == nil, let value = record.religion { writer.stringField(.religion, value) }
        if let value = record.agency { writer.stringField(.agency, value) }
        if let value = record.agencyCode { writer.stringField(.agencyCode, value) }
        if let value = record.position { writer.stringField(.position, value) }
        if let value = record.grade { writer.stringField(.grade, value) }
        if !record.workHistory.isEmpty {
            writer.field(.workHistory) {
                $0.varint(UInt64(record.workHistory.count))
                for entry in record.workHistory { $0.period(entry.from, entry.to, entry.agency, entry.position) }
            }
        }
        if !record.training.isEmpty {
            writer.field(.training) {
                $0.varint(UInt64(record.training.count))
                for entry in record.training { $0.period(entry.from, entry.to, entry.institution, entry.qualification) }
            }
        }
        if let status = record.status { writer.field(.status) { $0.byte(statusCode(status)) } }
        if let value = record.source { writer.stringField(.source, value) }
        if let value = record.updatedAt { writer.stringField(.updatedAt, value) }
        if sealer == nil { writeExtra(record, &writer) }
        if !sealOriginals { writeOriginals(record, &writer) }
        if let sealer {
            if let value = record.nationalID {
                writer.stringField(.blindNationalID, sealer.key.blindTerm(nationalID: value))
            }
            var inner = ByteWriter(out: [])
            if let value = record.nationalID { inner.stringField(.nationalID, value) }
            if let value = record.religion { inner.stringField(.religion, value) }
            writeExtra(record, &inner)
            if sealOriginals { writeOriginals(record, &inner) }
            if !inner.out.isEmpty {
                let blob = sealer.seal(inner.out, id: record.id)
                writer.field(.sealed) { $0.out.append(contentsOf: blob) }
            }
        }
        writer.byte(endTag)
        out = writer.out
    }

    private static func writeExtra(_ record: PersonRecord, _ writer: inout ByteWriter) {
        guard !record.extra.isEmpty else { return }
        writer.field(.extra) {
            $0.varint(UInt64(record.extra.count))
            for field in record.extra {
                $0.string(field.name)
                $0.string(field.json)
            }
        }
    }

    private static func writeOriginals(_ record: PersonRecord, _ writer: inout ByteWriter) {
        guard !record.originals.isEmpty else { return }
        writer.field(.originals) {
            $0.varint(UInt64(record.originals.count))
            for original in record.originals {
                $0.string(original.path)
                $0.string(original.text)
            }
        }
    }

    /// A tombstone: what is left of a deleted record, so older versions stay stale.
    public static func tombstone(version: Int64) -> [UInt8] {
        var writer = ByteWriter(out: [])
        writer.byte(tombstoneFormat)
        writer.varint(UInt64(max(0, version)))
        return writer.out
    }

    static func statusCode(_ status: Status) -> UInt8 {
        switch status {
        case .active: 1
        case .retired: 2
        case .transferredOut: 3
        case .deceased: 4
        }
    }
}
