/// One person's dossier: the record of DESIGN §2 as a value.
///
/// Optional fields that were absent (or `null`) are `nil`; absent lists are empty. Values keep the
/// text as it was sent (after ingest's legacy repair, whose input is kept in `originals`).
public struct PersonRecord: Sendable, Hashable {
    /// Dossier id, 1–64 of `[A-Za-z0-9._-]`, stable across agencies. Level 0.
    public var id: String
    /// CCCD number, exactly 12 ASCII digits. Level 2.
    public var nationalID: String?
    /// Family – middle – given name; never empty. Level 0.
    public var fullName: String
    /// Other names the person has used. Level 1.
    public var otherNames: [String]
    /// Level 0.
    public var gender: Gender?
    /// Level 1 (the year alone is level 0).
    public var birthDate: BirthDate?
    /// As written: a structured unit or free text. Level 1.
    public var hometown: Hometown?
    /// Level 1.
    public var ethnicity: String?
    /// Level 2.
    public var religion: String?
    /// Current employing agency's name and code. Level 0.
    public var agency: String?
    public var agencyCode: String?
    /// Chức vụ, e.g. "Phó Giám đốc Sở Y tế". Level 0.
    public var position: String?
    /// Ngạch / chức danh nghề nghiệp code or name, e.g. `01.003`. Level 0.
    public var grade: String?
    /// Posts held, in the order sent. Level 1.
    public var workHistory: [WorkEntry]
    /// Schooling and courses, in the order sent. Level 1.
    public var training: [TrainingEntry]
    /// Level 0.
    public var status: Status?
    /// Callers below this level never learn the record exists. `.public` when absent.
    public var accessLevel: AccessLevel
    /// The sending agency's code. Level 0.
    public var source: String?
    /// Monotonic per record; an update with a version not above the stored one is stale. 0 when absent.
    public var version: Int64
    /// RFC 3339 timestamp, kept as sent. Level 0.
    public var updatedAt: String?
    /// Fields not in DESIGN §2, in the order sent, each as its raw JSON value. Level 2.
    public var extra: [ExtraField]
    /// The text of fields before ingest repaired them (legacy encodings, NFD, stray characters).
    public var originals: [OriginalText]

    /// Makes a record with the two required fields; everything else starts absent.
    ///
    /// - Parameters:
    ///   - id: the dossier id (not validated here; see `RecordID.validate`).
    ///   - fullName: the person's full name.
    public init(id: String, fullName: String) {
        self.id = id
        self.fullName = fullName
        nationalID = nil
        otherNames = []
        gender = nil
        birthDate = nil
        hometown = nil
        ethnicity = nil
        religion = nil
        agency = nil
        agencyCode = nil
        position = nil
        grade = nil
        workHistory = []
        training = []
        status = nil
        accessLevel = .public
        source = nil
        version = 0
        updatedAt = nil
        extra = []
        originals = []
    }
}
