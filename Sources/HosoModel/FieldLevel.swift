/// The top-level fields of a person record (DESIGN §2), named as they are written in NDJSON.
///
/// This is the one place that states each field's access level; redaction, query validation and
/// the record parser all read it from here.
public enum RecordField: String, Sendable, Hashable, CaseIterable {
    case id
    case nationalID = "national_id"
    case fullName = "full_name"
    case otherNames = "other_names"
    case gender
    case birthDate = "birth_date"
    case hometown
    case ethnicity
    case religion
    case agency
    case agencyCode = "agency_code"
    case position
    case grade
    case workHistory = "work_history"
    case training
    case status
    case accessLevel = "access_level"
    case source
    case version
    case updatedAt = "updated_at"
    /// The original text of fields that ingest repaired; each entry has its field's level.
    case originals

    /// The JSON key of the field.
    public var name: String { rawValue }

    /// The level a caller needs to see this field (DESIGN §2 table).
    ///
    /// `birth_date` is level 1 as a whole; its year alone is level 0 (see `birthYearLevel`).
    /// `access_level` is shown to whoever may see the record, so it is level 0. `originals` is
    /// listed at level 0 because each entry is filtered by the level of the field it came from
    /// (`level(ofPath:)`).
    public var level: AccessLevel {
        switch self {
        case .id, .fullName, .gender, .agency, .agencyCode, .position, .grade, .status,
            .accessLevel, .source, .version, .updatedAt, .originals:
            .public
        case .otherNames, .birthDate, .hometown, .ethnicity, .workHistory, .training:
            .internal
        case .nationalID, .religion:
            .restricted
        }
    }
}

/// Levels that are not a whole top-level field.
public enum FieldLevel {
    /// The year of `birth_date` alone (DESIGN §2: "1 (year: 0)").
    public static let birthYear: AccessLevel = .public

    /// Fields not named in DESIGN §2 ("unknown fields are kept and shown at level 2").
    public static let unknownField: AccessLevel = .restricted

    /// The level of a field path such as `full_name`, `hometown.province` or
    /// `work_history[2].agency`, as used by `PersonRecord.originals`.
    ///
    /// - Parameter path: a path whose first component is a top-level field name.
    /// - Returns: the level of that top-level field, or `unknownField` for names not in DESIGN §2.
    public static func level(ofPath path: String) -> AccessLevel {
        let head = path.utf8.prefix { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "[") }
        guard let field = RecordField(rawValue: String(decoding: head, as: UTF8.self)) else { return unknownField }
        return field.level
    }
}
