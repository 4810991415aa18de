import HosoModel

/// The four qualities the database must have ("đúng, đủ, sạch, sống", DESIGN §5).
public enum QualityDimension: String, Sendable, CaseIterable {
    /// Đúng: well-formed fields, a national id consistent with birth year and gender.
    case valid
    /// Đủ: the fields every dossier needs are present.
    case complete
    /// Sạch: no duplicate national ids, no probable duplicate persons.
    case clean
    /// Sống: updated within 12 months, status consistent with the work history.
    case current

    /// The Vietnamese word.
    public var vietnamese: String {
        switch self {
        case .valid: "đúng"
        case .complete: "đủ"
        case .clean: "sạch"
        case .current: "sống"
        }
    }
}

/// One problem a record can have; each belongs to one dimension.
public enum QualityRule: String, Sendable, CaseIterable {
    /// The first 3 digits of the national id are not a birth-registration province code.
    case nationalIDProvince = "national_id_province"
    /// Digit 4 of the national id does not give the century and gender of the record
    /// (0/1 1900s male/female, 2/3 2000s, 4/5 2100s, 6/7 2200s, 8/9 1800s).
    case nationalIDCenturyGender = "national_id_century_gender"
    /// Digits 5–6 of the national id are not the last two digits of the birth year.
    case nationalIDBirthYear = "national_id_birth_year"
    /// A birth year before 1920 or less than 15 years before the check.
    case birthYearImplausible = "birth_year_implausible"
    /// A work-history entry that ends before it starts, or starts before the person was 15.
    case workHistoryDates = "work_history_dates"
    case missingNationalID = "missing_national_id"
    case missingGender = "missing_gender"
    case missingBirthDate = "missing_birth_date"
    case missingHometown = "missing_hometown"
    case missingAgency = "missing_agency"
    case missingPosition = "missing_position"
    case missingStatus = "missing_status"
    case missingSource = "missing_source"
    case missingUpdatedAt = "missing_updated_at"
    /// Another record (earlier in id order) has the same national id.
    case duplicateNationalID = "duplicate_national_id"
    /// Another record (earlier in id order) has the same folded full name, birth date and hometown.
    case probableDuplicatePerson = "probable_duplicate_person"
    /// `updated_at` more than 12 months before the check (or unreadable).
    case notUpdated = "not_updated_12_months"
    /// `active` without a current post, or retired / transferred out / deceased with one.
    case statusInconsistent = "status_inconsistent"

    /// The dimension the rule measures.
    public var dimension: QualityDimension {
        switch self {
        case .nationalIDProvince, .nationalIDCenturyGender, .nationalIDBirthYear, .birthYearImplausible, .workHistoryDates:
            .valid
        case .missingNationalID, .missingGender, .missingBirthDate, .missingHometown, .missingAgency, .missingPosition,
            .missingStatus, .missingSource, .missingUpdatedAt:
            .complete
        case .duplicateNationalID, .probableDuplicatePerson:
            .clean
        case .notUpdated, .statusInconsistent:
            .current
        }
    }

    /// The century-and-gender digit a record must have (digit 4 of the national id), if known.
    static func centuryGenderDigit(year: Int, gender: Gender) -> UInt8? {
        let base: Int
        switch year / 100 {
        case 19: base = 0
        case 20: base = 2
        case 21: base = 4
        case 22: base = 6
        case 18: base = 8
        default: return nil
        }
        return UInt8(ascii: "0") + UInt8(base + (gender == .female ? 1 : 0))
    }
}
