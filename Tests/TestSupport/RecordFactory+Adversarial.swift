import HosoModel

extension RecordFactory {
    func adversarial(_ index: Int, _ random: inout SeededRandom) -> PersonRecord {
        var record = PersonRecord(id: Self.awkwardID(index, &random), fullName: Self.awkward(&random, nonEmpty: true))
        if random.chance(0.7) {
            record.nationalID = String((0..<12).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
        record.otherNames = (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.awkward(&random) }
        if random.chance(0.8) { record.gender = random.pick(Gender.allCases) }
        if random.chance(0.8) {
            let year = Int.random(in: 1...9999, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            switch Int.random(in: 0...2, using: &random) {
            case 0: record.birthDate = BirthDate(year: year)
            case 1: record.birthDate = BirthDate(year: year, month: month)
            default: record.birthDate = BirthDate(year: year, month: month, day: Int.random(in: 1...28, using: &random))
            }
        }
        switch Int.random(in: 0...3, using: &random) {
        case 0: record.hometown = nil
        case 1: record.hometown = .text(Self.awkward(&random))
        case 2: record.hometown = .unit(commune: Self.awkward(&random), district: nil, province: Self.awkward(&random))
        default:
            record.hometown = .unit(
                commune: Self.awkward(&random), district: Self.awkward(&random), province: Self.awkward(&random))
        }
        record.ethnicity = Self.maybe(&random)
        record.religion = Self.maybe(&random)
        record.agency = Self.maybe(&random)
        record.agencyCode = Self.maybe(&random)
        record.position = Self.maybe(&random)
        record.grade = Self.maybe(&random)
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            let (from, to) = Self.period(&random)
            record.workHistory.append(WorkEntry(from: from, to: to, agency: Self.awkward(&random), position: Self.awkward(&random)))
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let (from, to) = Self.period(&random)
            record.training.append(
                TrainingEntry(from: from, to: to, institution: Self.awkward(&random), qualification: Self.awkward(&random)))
        }
        if random.chance(0.8) { record.status = random.pick(Status.allCases) }
        record.accessLevel = random.pick(AccessLevel.allCases)
        record.source = Self.maybe(&random)
        record.version = random.chance(0.1) ? Int64.max - Int64.random(in: 0...5, using: &random)
            : Int64.random(in: 0...1_000_000, using: &random)
        if random.chance(0.7) { record.updatedAt = random.pick(Self.timestamps) }
        for position in 0..<Int.random(in: 0...2, using: &random) {
            record.extra.append(ExtraField(name: "x_" + Self.awkward(&random) + String(position), json: random.pick(Self.rawJSON)))
        }
        if random.chance(0.3) { record.originals.append(OriginalText(path: "full_name", text: Self.awkward(&random))) }
        return record
    }

    private static let pieces = [
        "a", "Z", "9", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "ễ", "Đ", "ư", "ơ", "\u{0303}",
        "\u{0301}", "\u{00AD}", "\u{200B}", "\u{2028}", "🙂", "𝔸", "ﾟ", "Nguyễn", "Hòa", "Ã¡",
    ]
    static let timestamps = [
        "2024-01-31T23:59:60Z", "2025-07-01T00:00:00+07:00", "1999-12-31t10:00:00.123456z", "2020-02-29 12:00:00-03:30",
    ]
    static let rawJSON = [
        "1", "-0.5e+10", "true", "null", "\"x\\u00e9\\\"\"", "[]", "{}", "[1,{\"a\":[null,false]},\"\\n\"]",
        "{ \"nested\" : { \"deep\" : [ 1 , 2 ] } }",
    ]

    static func awkward(_ random: inout SeededRandom, nonEmpty: Bool = false) -> String {
        let count = Int.random(in: (nonEmpty ? 1 : 0)...8, using: &random)
        var text = (0..<count).map { _ in random.pick(pieces) }.joined()
        if nonEmpty && text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { text += "x" }
        return text
    }

    static func maybe(_ random: inout SeededRandom) -> String? { random.chance(0.7) ? awkward(&random) : nil }

    static func awkwardID(_ index: Int, _ random: inout SeededRandom) -> String {
        let alphabet = Array("abcXYZ019._-")
        let tail = String((0..<Int.random(in: 0...40, using: &random)).map { _ in random.pick(alphabet) })
        return String((String(index) + tail).prefix(64))
    }

    static func period(_ random: inout SeededRandom) -> (YearMonth, YearMonth?) {
        let from = YearMonth(year: Int.random(in: 1950...2030, using: &random), month: Int.random(in: 1...12, using: &random))
        guard random.chance(0.7) else { return (from, nil) }
        return (from, YearMonth(year: from.year + Int.random(in: 0...10, using: &random), month: 12))
    }
}
