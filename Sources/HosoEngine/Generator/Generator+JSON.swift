/// The fixed JSON text between values, as UTF-8.
enum Keys {
    static let id = Bytes(#"{"id":""#.utf8)
    static let nationalID = Bytes(#"","national_id":""#.utf8)
    static let fullName = Bytes(#"","full_name":"#.utf8)
    static let otherNames = Bytes(#","other_names":["#.utf8)
    static let gender = Bytes(#","gender":"#.utf8)
    static let birthDate = Bytes(#","birth_date":""#.utf8)
    static let hometownCommune = Bytes(#"","hometown":{"commune":"#.utf8)
    static let hometownText = Bytes(#"","hometown":"#.utf8)
    static let district = Bytes(#","district":"#.utf8)
    static let province = Bytes(#","province":"#.utf8)
    static let closeObject = Bytes("}".utf8)
    static let closeArray = Bytes("]".utf8)
    static let ethnicity = Bytes(#","ethnicity":"#.utf8)
    static let religion = Bytes(#","religion":"#.utf8)
    static let agency = Bytes(#","agency":"#.utf8)
    static let agencyCode = Bytes(#","agency_code":""#.utf8)
    static let position = Bytes(#"","position":"#.utf8)
    static let grade = Bytes(#","grade":""#.utf8)
    static let workHistory = Bytes(#"","work_history":["#.utf8)
    static let training = Bytes(#","training":["#.utf8)
    static let from = Bytes(#"{"from":""#.utf8)
    static let toDate = Bytes(#"","to":""#.utf8)
    static let toNull = Bytes(#"","to":null"#.utf8)
    static let closeQuote = Bytes(#"""#.utf8)
    static let entryPosition = Bytes(#","position":"#.utf8)
    static let institution = Bytes(#","institution":"#.utf8)
    static let qualification = Bytes(#","qualification":"#.utf8)
    static let status = Bytes(#","status":""#.utf8)
    static let accessLevel = Bytes(#"","access_level":"#.utf8)
    static let source = Bytes(#","source":""#.utf8)
    static let version = Bytes(#"","version":"#.utf8)
    static let updatedAt = Bytes(#","updated_at":""#.utf8)
    static let recordEnd = Bytes(#"+07:00"}"#.utf8)
    static let comma = Bytes(",".utf8)
    static let commaSpace = Bytes(", ".utf8)
    static let male = Bytes(#""Nam""#.utf8)
    static let female = Bytes(#""Nữ""#.utf8)
    static let idPrefix = Bytes("HS".utf8)
    static let hex = Bytes("0123456789abcdef".utf8)
}

extension GenerationContext {
    /// Appends fixed JSON text.
    @inline(__always) mutating func raw(_ bytes: Bytes) { out.append(contentsOf: bytes) }

    /// Appends `value` (non-negative) in decimal, zero-padded to `width` digits.
    mutating func digits(_ value: Int, width: Int) {
        var divisor = 1
        var length = 1
        while length < width || value / divisor >= 10 {
            divisor &*= 10
            length += 1
        }
        var remaining = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// Appends a quoted JSON string of table text in the record's style.
    /// - Parameter name: whether the text is a personal name (written in capitals by some records).
    mutating func text(_ bytes: Bytes, name: Bool = false) {
        out.append(UInt8(ascii: "\""))
        appendStyled(bytes, name: name)
        out.append(UInt8(ascii: "\""))
    }

    /// `text(scratch)`, without copying the scratch buffer.
    mutating func textFromScratch(name: Bool = false) {
        var composed = Bytes()
        swap(&composed, &scratch)
        text(composed, name: name)
        swap(&composed, &scratch)
    }

    /// Appends `YYYY-MM` for a month index (no quotes).
    mutating func yearMonth(_ month: Int) {
        digits(month / 12, width: 4)
        out.append(UInt8(ascii: "-"))
        digits(month % 12 + 1, width: 2)
    }

    /// Plans record `index` and appends it as one NDJSON line (without the newline).
    /// - Returns: the offset in `out` of the twelve digits of its national id.
    mutating func appendRecord(_ index: Int) -> Int {
        planRecord(index)
        let places = tables.places
        raw(Keys.id)
        raw(Keys.idPrefix)
        digits(index, width: 10)
        raw(Keys.nationalID)
        let nationalIDOffset = out.count
        out.append(contentsOf: places.oldProvinces[plan.registration].cccd)
        digits((plan.birthYear >= 2000 ? 2 : 0) + plan.gender, width: 1)
        digits(plan.birthYear % 100, width: 2)
        digits(plan.nationalSerial, width: 6)
        raw(Keys.fullName)
        text(plan.fullName, name: true)
        if !plan.otherName.isEmpty {
            raw(Keys.otherNames)
            text(plan.otherName, name: true)
            raw(Keys.closeArray)
        }
        raw(Keys.gender)
        raw(plan.gender == 0 ? Keys.male : Keys.female)
        raw(Keys.birthDate)
        digits(plan.birthYear, width: 4)
        if !plan.birthYearOnly {
            out.append(UInt8(ascii: "-"))
            digits(plan.birthMonth, width: 2)
            out.append(UInt8(ascii: "-"))
            digits(plan.birthDay, width: 2)
        }
        writeHometown()
        let ethnicity = tables.names.ethnicities[plan.ethnicity]
        raw(Keys.ethnicity)
        text(ethnicity.name)
        raw(Keys.religion)
        text(ethnicity.religions[plan.religion])
        writeCareer()
        raw(Keys.status)
        raw(PlannedStatus.names[plan.status])
        raw(Keys.accessLevel)
        digits(plan.accessLevel, width: 1)
        raw(Keys.source)
        writeSource()
        raw(Keys.version)
        digits(plan.version, width: 1)
        raw(Keys.updatedAt)
        yearMonth(plan.updatedMonth)
        out.append(UInt8(ascii: "-"))
        digits(plan.updatedDay, width: 2)
        out.append(UInt8(ascii: "T"))
        digits(plan.updatedSecond / 3600, width: 2)
        out.append(UInt8(ascii: ":"))
        digits(plan.updatedSecond / 60 % 60, width: 2)
        out.append(UInt8(ascii: ":"))
        digits(plan.updatedSecond % 60, width: 2)
        raw(Keys.recordEnd)
        return nationalIDOffset
    }
}
