import HosoModel

extension RecordFactory {
    func realistic(_ index: Int, _ random: inout SeededRandom) -> PersonRecord {
        typealias T = FactoryTables
        let female = random.chance(0.48)
        var name = Self.weighted(T.surnames, &random) + " " + random.pick(female ? T.femaleMiddle : T.maleMiddle)
        name += " " + random.pick(T.given)
        if random.chance(0.3) { name += " " + random.pick(T.given) }
        if random.chance(0.03) { name = name.uppercased() }
        var record = PersonRecord(id: Self.id(index), fullName: name)
        let year = Int.random(in: 1960...2002, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        record.birthDate = random.chance(0.95)
            ? BirthDate(year: year, month: month, day: Int.random(in: 1...28, using: &random)) : BirthDate(year: year)
        record.gender = female ? .female : .male
        let province = random.pick(T.provinceCodes)
        let century = (year >= 2000 ? 2 : 0) + (female ? 1 : 0)
        let serial = String(Int.random(in: 0..<1_000_000, using: &random))
        record.nationalID = province + String(century) + String(year % 100).leftPad(2)
            + String(repeating: "0", count: 6 - serial.count) + serial
        let place = random.pick(T.provinces)
        record.hometown = random.chance(0.2)
            ? .unit(commune: "Xã " + random.pick(T.communes), district: "Huyện " + random.pick(T.communes), province: place)
            : random.chance(0.9) ? .unit(commune: "Xã " + random.pick(T.communes), district: nil, province: place)
            : .text("Xã " + random.pick(T.communes) + ", " + place)
        record.ethnicity = random.chance(0.85) ? "Kinh" : random.pick(T.ethnicities)
        if random.chance(0.6) { record.religion = random.pick(T.religions) }
        let agencyIndex = Int.random(in: 0..<T.agencies.count, using: &random)
        record.agency = T.agencies[agencyIndex] + " " + place
        record.agencyCode = "G" + String(10 + agencyIndex) + "." + String(Int.random(in: 100...999, using: &random))
        record.position = random.pick(T.positions) + " " + T.agencies[agencyIndex]
        record.grade = random.pick(T.grades)
        var start = YearMonth(year: year + 22, month: Int.random(in: 1...12, using: &random))
        for entry in 0..<Int.random(in: 1...6, using: &random) {
            let last = entry == 5 || random.chance(0.3)
            let end = YearMonth(year: start.year + Int.random(in: 1...6, using: &random), month: Int.random(in: 1...12, using: &random))
            record.workHistory.append(
                WorkEntry(from: start, to: last ? nil : end, agency: random.pick(T.agencies) + " " + random.pick(T.provinces),
                    position: random.pick(T.positions)))
            if last { break }
            start = end
        }
        record.training.append(
            TrainingEntry(from: YearMonth(year: year + 18, month: 9), to: YearMonth(year: year + 22, month: 6),
                institution: random.pick(T.institutions), qualification: random.pick(T.qualifications)))
        record.status = random.chance(0.9) ? .active : random.pick(Status.allCases)
        record.accessLevel = random.chance(0.95) ? .public : random.pick(AccessLevel.allCases)
        record.source = record.agencyCode
        record.version = Int64.random(in: 1...5, using: &random)
        record.updatedAt = "20" + String(Int.random(in: 10...25, using: &random)) + "-0"
            + String(Int.random(in: 1...9, using: &random)) + "-1" + String(Int.random(in: 0...9, using: &random))
            + "T08:30:00+07:00"
        return record
    }

    static func weighted(_ table: [(String, Int)], _ random: inout SeededRandom) -> String {
        let total = table.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<total, using: &random)
        for (item, weight) in table {
            if roll < weight { return item }
            roll -= weight
        }
        return table[0].0
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
