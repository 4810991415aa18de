/// Dates of the 2025 reorganisation, as month indices.
enum Reform {
    /// Ministries merged from 1 March 2025.
    static let ministries = 2025 * 12 + 2
    /// Provinces merged, districts abolished, communes merged from 1 July 2025.
    static let provinces = 2025 * 12 + 6

    /// The first month a template's bodies carry their new names.
    static func month(for level: AgencyLevel) -> Int { level == .central ? ministries : provinces }
}

/// One generating thread's state: the tables, the record being planned and reusable buffers.
struct GenerationContext {
    let tables: GeneratorTables
    let seed: UInt64
    let asOf: CalendarDay
    let asOfMonth: Int
    var plan = PersonPlan()
    /// The NDJSON being written.
    var out: Bytes = []
    var random = GeneratorRandom(seed: 0)
    /// Text being composed (a name, an agency) before it is written.
    var scratch: Bytes = []
    /// Second buffer for text transforms.
    var transformed: Bytes = []

    init(generator: PeopleGenerator) {
        tables = generator.tables
        seed = generator.seed
        asOf = generator.asOf
        asOfMonth = generator.asOf.monthIndex
        scratch.reserveCapacity(256)
        transformed.reserveCapacity(256)
    }

    /// Birth years 1960–2003, weighted like a workforce: thin at both ends.
    static let birthYears = WeightedChoice((1960...2003).map { year in
        switch year {
        case ..<1966: 1
        case ..<1996: 3
        case ..<2001: 2
        default: 1
        }
    })

    /// Draws every part of record `index` into `plan`.
    mutating func planRecord(_ index: Int) {
        random = GeneratorRandom(seed: seed, stream: UInt64(truncatingIfNeeded: index))
        plan.reset(index)
        planStyle()
        let careers = tables.careers
        let track = careers.currentTrackChoice.pick(&random)
        plan.gender = random.below(1000) < careers.tracks[track].femalePerMille ? 1 : 0
        plan.birthYear = 1960 + Self.birthYears.pick(&random)
        plan.birthMonth = random.int(in: 1...12)
        plan.birthDay = random.int(in: 1...CalendarMath.days(inMonth: plan.birthMonth, year: plan.birthYear))
        plan.birthYearOnly = random.chance(perMille: 40)
        plan.ethnicity = tables.names.ethnicityChoice.pick(&random)
        let ethnicity = tables.names.ethnicities[plan.ethnicity]
        plan.religion = ethnicity.religionChoice.pick(&random)
        planName()
        planHometown()
        planCareer(track: track)
        planAdministrative()
    }

    /// The record's writing habits: a quarter use the modern tone placement, a few percent write
    /// names in capitals or abbreviate agencies, 1 % of records are NFD and 0.5 % legacy-encoded.
    mutating func planStyle() {
        plan.style.modernTones = random.chance(perMille: 250)
        plan.style.capitalNames = random.chance(perMille: 30)
        plan.style.abbreviations = random.chance(perMille: 40)
        let encoding = random.below(1000)
        if encoding < 10 {
            plan.style.decomposed = true
        } else if encoding < 12 {
            plan.style.legacy = .tcvn3
        } else if encoding < 14 {
            plan.style.legacy = .vni
        } else if encoding < 15 {
            plan.style.legacy = .doubleUTF8
        }
    }

    /// The month a person reaches retirement age: 60 for men and 55 for women until 2020, then
    /// three (men) or four (women) months later each year, up to 62 and 60 (Bộ luật Lao động 2019).
    func retirementMonth() -> Int {
        let men = plan.gender == 0
        let baseYear = plan.birthYear + (men ? 60 : 55)
        let steps = max(0, baseYear - 2020)
        let months = men ? min(744, 720 + 3 * steps) : min(720, 660 + 4 * steps)
        return plan.birthYear * 12 + plan.birthMonth - 1 + months
    }

    /// Access level, version and `updated_at`: levels 0/1/2/3 at 95/3/1.5/0.5 %, version 1 for
    /// most records, and an update within the last three years, after the last change of the career.
    mutating func planAdministrative() {
        let level = random.below(1000)
        plan.accessLevel = level < 950 ? 0 : level < 980 ? 1 : level < 995 ? 2 : 3
        plan.version = random.chance(perMille: 750) ? 1 : random.int(in: 2...6)
        // Strictly before `asOf`: the last possible month is the one before when `asOf` is a 1st.
        let lastMonth = asOf.day > 1 ? asOfMonth : asOfMonth - 1
        let lastChange = plan.jobs.last.map { $0.to.map { $0 + 1 } ?? $0.from } ?? lastMonth
        let first = min(lastMonth, max(asOfMonth - 35, lastChange))
        plan.updatedMonth = random.int(in: first...lastMonth)
        let year = plan.updatedMonth / 12
        let month = plan.updatedMonth % 12 + 1
        let lastDay = plan.updatedMonth == asOfMonth ? asOf.day - 1 : CalendarMath.days(inMonth: month, year: year)
        plan.updatedDay = random.int(in: 1...lastDay)
        plan.updatedSecond = random.int(in: (7 * 3600)...(19 * 3600))
    }
}
