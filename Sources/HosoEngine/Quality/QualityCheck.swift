import HosoData
import HosoModel
import HosoQuery
import HosoStore
import HosoText

/// The rules of one record that need no other record (đúng, đủ, sống).
struct QualityCheck: Sendable {
    /// Birth-registration province codes (`cccd-provinces.tsv`), as 3 ASCII digits packed in an Int.
    let provinceCodes: Set<Int>
    /// `YYYY-MM-DD` 12 months before the check: `updated_at` below it is stale.
    let staleBefore: String
    /// The year of the check.
    let year: Int

    /// - Parameter now: the time of the check, milliseconds since 1970 (UTC).
    /// - Throws: `GeneratorError` if `cccd-provinces.tsv` cannot be read.
    init(now: Int64) throws(GeneratorError) {
        let table = try TSVTable("cccd-provinces.tsv", required: ["cccd_code"])
        var codes = Set<Int>()
        for row in table.rows { codes.insert(try table.integer(row.fields[table.column("cccd_code")], line: row.line, column: "cccd_code")) }
        provinceCodes = codes
        let today = Timestamp.rfc3339(milliseconds: now)
        year = Int(today.prefix(4)) ?? 2026
        staleBefore = String(year - 1) + today.dropFirst(4).prefix(6)
    }

    /// Appends the problems of `record` to `out`.
    func problems(of record: PersonRecord, into out: inout [QualityRule]) {
        // đủ
        if record.nationalID == nil { out.append(.missingNationalID) }
        if record.gender == nil { out.append(.missingGender) }
        if record.birthDate == nil { out.append(.missingBirthDate) }
        if record.hometown == nil { out.append(.missingHometown) }
        if record.agency?.isEmpty ?? true { out.append(.missingAgency) }
        if record.position?.isEmpty ?? true { out.append(.missingPosition) }
        if record.status == nil { out.append(.missingStatus) }
        if record.source?.isEmpty ?? true { out.append(.missingSource) }
        if record.updatedAt == nil { out.append(.missingUpdatedAt) }
        // đúng
        if let id = record.nationalID {
            let digits = Array(id.utf8)
            if digits.count == 12 {
                let province = Int(digits[0] - 48) * 100 + Int(digits[1] - 48) * 10 + Int(digits[2] - 48)
                if !provinceCodes.contains(province) { out.append(.nationalIDProvince) }
                if let birth = record.birthDate {
                    if let gender = record.gender, let expected = QualityRule.centuryGenderDigit(year: birth.year, gender: gender),
                        digits[3] != expected
                    {
                        out.append(.nationalIDCenturyGender)
                    }
                    let yy = Int(digits[4] - 48) * 10 + Int(digits[5] - 48)
                    if yy != birth.year % 100 { out.append(.nationalIDBirthYear) }
                }
            }
        }
        if let birth = record.birthDate, birth.year < 1920 || birth.year > year - 15 { out.append(.birthYearImplausible) }
        let earliest = record.birthDate.map { YearMonth(year: $0.year + 15, month: 1) }
        if record.workHistory.contains(where: { entry in
            (entry.to.map { $0 < entry.from } ?? false) || (earliest.map { entry.from < $0 } ?? false)
        }) {
            out.append(.workHistoryDates)
        }
        // sống
        if let updated = record.updatedAt, updated.utf8.count >= 10, updated.prefix(10) >= staleBefore {
        } else if record.updatedAt != nil {
            out.append(.notUpdated)
        }
        if let status = record.status, !record.workHistory.isEmpty {
            let hasCurrentPost = record.workHistory.contains { $0.to == nil }
            if (status == .active) != hasCurrentPost { out.append(.statusInconsistent) }
        }
    }

    /// The key of a probable duplicate person: folded full name, birth date, folded hometown;
    /// `nil` without a birth date or hometown.
    static func personKey(_ record: PersonRecord) -> String? {
        var folder = Folder()
        return folder.personKey(record)
    }

    /// `personKey` with the folded form of each word and hometown remembered (names and places
    /// repeat: a scan folds each distinct one once).
    struct Folder {
        private var words: [Substring: String] = [:]
        private var places: [String: String] = [:]

        mutating func personKey(_ record: PersonRecord) -> String? {
            guard let birth = record.birthDate, let hometown = record.hometown else { return nil }
            let place = RecordAnalysis.hometownText(hometown)
            let foldedPlace: String
            if let known = places[place] {
                foldedPlace = known
            } else {
                foldedPlace = QualityCheck.fold(place)
                if places.count < 1_000_000 { places[place] = foldedPlace }
            }
            var key = ""
            for word in record.fullName.split(whereSeparator: { $0 == " " || $0 == "," }) {
                if !key.isEmpty { key += " " }
                if let known = words[word] {
                    key += known
                } else {
                    let folded = WordKeys(String(word)).folded
                    if words.count < 1_000_000 { words[word] = folded }
                    key += folded
                }
            }
            return key + "|" + birth.description + "|" + foldedPlace
        }
    }

    /// Words folded (no marks, đ → d, lower case), joined by single spaces.
    static func fold(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "," }).map { WordKeys(String($0)).folded }.joined(separator: " ")
    }
}
