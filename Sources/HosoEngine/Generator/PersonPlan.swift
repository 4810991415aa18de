import HosoText

/// One post in a planned career.
struct Job {
    /// A template that exists in `era`.
    var template: Int
    /// Where the agency is (a pre-2025 commune; see `PlaceTables`).
    var location: Int32
    var position: Int
    /// Months (`CalendarDay.monthIndex`).
    var from: Int
    /// Last month in the post; nil while it is current.
    var to: Int?
    var era: Era
}

/// One course of schooling in a planned record.
struct Course {
    var row: Int
    var from: Int
    /// nil while still in progress.
    var to: Int?
    /// The old province `{province}` placeholders name, and the era of the name.
    var province: Int
    var era: Era
}

/// How a hometown is written.
enum HometownForm {
    /// `{commune, province}` on the 2025 map; `bare` drops the type words.
    case current(bare: Bool)
    /// `{commune, district, province}` on the pre-2025 map.
    case legacy(bare: Bool)
    /// One string, on either map.
    case text(Era, bare: Bool)
}

/// How a record's text is written: the habits of the officer or system that produced it.
struct TextStyle {
    /// Tones on the main vowel (hoà, thuỷ) instead of the classic placement of the tables (hòa, thủy).
    var modernTones = false
    /// Names in capitals (NGUYỄN VĂN AN).
    var capitalNames = false
    /// Every text field in NFD.
    var decomposed = false
    /// Every text field mangled by a legacy encoding.
    var legacy: LegacyEncoding?
    /// Agencies and positions as officers abbreviate them (UBND, Sở GD&ĐT, PGĐ).
    var abbreviations = false

    /// Whether text can be written byte for byte, without going through `String`.
    var isPlain: Bool { !decomposed && legacy == nil }
}

/// Everything drawn for one record before it is written; reused from record to record.
struct PersonPlan {
    var index = 0
    /// 0 male, 1 female.
    var gender = 0
    var ethnicity = 0
    var religion = 0
    var fullName: Bytes = []
    var otherName: Bytes = []
    var birthYear = 0
    var birthMonth = 1
    var birthDay = 1
    var birthYearOnly = false
    /// The hometown as a location, and how it is written.
    var home: Int32 = 0
    var hometownForm = HometownForm.current(bare: false)
    /// Whether a pre-2025 hometown is written with the older province or district name of its
    /// commune (Tỉnh Hà Tây, Huyện Hoành Bồ), as people born while the name was in use often do.
    var olderProvince = false
    var olderDistrict = false
    /// Old province of birth registration, and the six random digits of the CCCD number.
    var registration = 0
    var nationalSerial = 0
    var jobs: [Job] = []
    var courses: [Course] = []
    /// Index into the last post's grades.
    var grade = 0
    var status = 0
    var accessLevel = 0
    var version = 1
    /// `updated_at` as month index, day, and seconds into the day.
    var updatedMonth = 0
    var updatedDay = 1
    var updatedSecond = 0
    var style = TextStyle()

    /// Clears the lists, keeping their storage.
    mutating func reset(_ index: Int) {
        self.index = index
        fullName.removeAll(keepingCapacity: true)
        otherName.removeAll(keepingCapacity: true)
        jobs.removeAll(keepingCapacity: true)
        courses.removeAll(keepingCapacity: true)
        style = TextStyle()
    }
}

/// Statuses in the order `PersonPlan.status` uses.
enum PlannedStatus {
    static let active = 0
    static let retired = 1
    static let transferredOut = 2
    static let deceased = 3
    static let names: [Bytes] = [Bytes("active".utf8), Bytes("retired".utf8), Bytes("transferred_out".utf8), Bytes("deceased".utf8)]
}
