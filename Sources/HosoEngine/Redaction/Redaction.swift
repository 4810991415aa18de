import HosoModel

/// The one place that decides what of a record a caller sees (DESIGN §2–3).
///
/// Every response shape that shows a person — search hits, record views, `me`, history headers —
/// writes it through `write(_:level:own:to:)`. A field is written only if its level (from
/// `RecordField.level`) is at most the caller's; `birth_date` shrinks to its year at level 0;
/// unknown fields need level 2; `originals` (the pre-repair text) is never written.
public enum Redaction {
    /// Whether a caller of `level` may know that `record` exists.
    ///
    /// A record above the caller's level behaves exactly like an unknown id.
    @inlinable
    public static func isVisible(_ record: PersonRecord, to level: AccessLevel) -> Bool {
        record.accessLevel <= level
    }

    /// Writes the fields of `record` that a caller of `level` may see, as one JSON object.
    ///
    /// - Parameters:
    ///   - record: the record; the caller must have checked `isVisible` (or `own`).
    ///   - level: the caller's level.
    ///   - own: the caller's own record through a `self` key: every field but `originals`.
    ///   - writer: receives the object.
    public static func write(_ record: PersonRecord, level: AccessLevel, own: Bool = false, to writer: inout JSONWriter) {
        let level: AccessLevel = own ? .secret : level
        func shows(_ field: RecordField) -> Bool { field.level <= level }
        writer.beginObject()
        writer.key("id"); writer.string(record.id)
        if let value = record.nationalID, shows(.nationalID) { writer.key("national_id"); writer.string(value) }
        writer.key("full_name"); writer.string(record.fullName)
        if !record.otherNames.isEmpty, shows(.otherNames) {
            writer.key("other_names")
            writer.beginArray()
            for name in record.otherNames { writer.string(name) }
            writer.endArray()
        }
        if let gender = record.gender, shows(.gender) { writer.key("gender"); writer.string(gender.rawValue) }
        if let birth = record.birthDate {
            if shows(.birthDate) {
                writer.key("birth_date"); writer.string(birth.description)
            } else if FieldLevel.birthYear <= level {
                writer.key("birth_date"); writer.string(BirthDate(year: birth.year).description)
            }
        }
        if let hometown = record.hometown, shows(.hometown) { writer.key("hometown"); hometown.writeJSON(to: &writer) }
        text(.ethnicity, record.ethnicity, level, &writer)
        text(.religion, record.religion, level, &writer)
        text(.agency, record.agency, level, &writer)
        text(.agencyCode, record.agencyCode, level, &writer)
        text(.position, record.position, level, &writer)
        text(.grade, record.grade, level, &writer)
        if !record.workHistory.isEmpty, shows(.workHistory) {
            writer.key("work_history")
            writer.beginArray()
            for entry in record.workHistory { entry.writeJSON(to: &writer) }
            writer.endArray()
        }
        if !record.training.isEmpty, shows(.training) {
            writer.key("training")
            writer.beginArray()
            for entry in record.training { entry.writeJSON(to: &writer) }
            writer.endArray()
        }
        if let status = record.status, shows(.status) { writer.key("status"); writer.string(status.rawValue) }
        if shows(.accessLevel) { writer.key("access_level"); writer.integer(Int64(record.accessLevel.rawValue)) }
        text(.source, record.source, level, &writer)
        if shows(.version) { writer.key("version"); writer.integer(record.version) }
        text(.updatedAt, record.updatedAt, level, &writer)
        if FieldLevel.unknownField <= level {
            for field in record.extra { writer.key(field.name); writer.raw(field.json) }
        }
        writer.endObject()
    }

    /// The visible fields of `record` as a JSON object on its own.
    public static func json(_ record: PersonRecord, level: AccessLevel, own: Bool = false) -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        write(record, level: level, own: own, to: &writer)
        return writer.bytes
    }

    private static func text(_ field: RecordField, _ value: String?, _ level: AccessLevel, _ writer: inout JSONWriter) {
        guard let value, field.level <= level else { return }
        writer.key(field.name)
        writer.string(value)
    }
}
