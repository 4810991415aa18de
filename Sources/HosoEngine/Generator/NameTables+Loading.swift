extension NameTables {
    /// Loads the name tables.
    /// - Parameter places: to resolve the ethnic groups' home provinces (CCCD codes).
    /// - Throws: `GeneratorError` naming the table and line of a bad row.
    static func load(places: PlaceTables) throws(GeneratorError) -> NameTables {
        let surnames = try TSVTable("generator-surnames.tsv", required: ["surname", "share", "gender"])
        let middles = try TSVTable("generator-middle-names.tsv", required: ["gender", "middle", "weight", "with_compound"])
        let givens = try TSVTable("generator-given-names.tsv", required: ["gender", "given", "weight"])
        var genders: [GenderNames] = []
        for gender in 0..<2 {
            let genderName = gender == 0 ? "male" : "female"
            let family = try weightedRows(surnames, text: "surname", weight: "share") {
                genderMatches($0[surnames.column("gender")], gender)
            }
            let own = try weightedRows(middles, text: "middle", weight: "weight") { $0[middles.column("gender")] == genderName }
            let compound = try weightedRows(middles, text: "middle", weight: "weight") {
                $0[middles.column("gender")] == genderName && $0[middles.column("with_compound")] == "yes"
            }
            let given = try weightedRows(givens, text: "given", weight: "weight") { $0[givens.column("gender")] == genderName }
            let isCompound = given.texts.map { $0.contains(UInt8(ascii: " ")) }
            let nonEmptyMiddles = WeightedChoice(zip(own.texts, own.weights).map { $0.isEmpty ? 0 : $1 })
            let singleGivens = WeightedChoice(zip(isCompound, given.weights).map { $0 ? 0 : $1 })
            guard !nonEmptyMiddles.isEmpty, !singleGivens.isEmpty else {
                throw givens.bad(0, "\(genderName) names need a middle name and a one-syllable given name")
            }
            genders.append(
                GenderNames(
                    surnames: family.texts, surnameChoice: family.choice, middles: own.texts, middleChoice: own.choice,
                    compoundMiddles: compound.texts, compoundMiddleChoice: compound.choice,
                    nonEmptyMiddleChoice: nonEmptyMiddles, givens: given.texts, givenChoice: given.choice,
                    givenIsCompound: isCompound, singleGivenChoice: singleGivens))
        }
        let (namings, namingIndex) = try loadNamings()
        let ethnicityTable = try TSVTable("generator-ethnicities.tsv", required: ["ethnicity", "share", "naming", "home", "religions"])
        var ethnicities: [Ethnicity] = []
        var shares: [Int] = []
        var kinhShare = 0
        for row in ethnicityTable.rows {
            let fields = row.fields
            let share = try ethnicityTable.integer(fields[ethnicityTable.column("share")], line: row.line, column: "share")
            let namingName = fields[ethnicityTable.column("naming")]
            var naming: Int?
            if namingName == "kinh" {
                kinhShare += share
            } else {
                guard let index = namingIndex[namingName] else {
                    throw ethnicityTable.bad(row.line, "naming \(namingName) has no rows in generator-minority-names.tsv")
                }
                naming = index
            }
            var home: [Int] = []
            let homeField = fields[ethnicityTable.column("home")]
            if homeField != "*" {
                for code in homeField.split(separator: ",") {
                    guard let province = places.oldProvince(cccd: code) else {
                        throw ethnicityTable.bad(row.line, "home province \(code) is not in cccd-provinces.tsv")
                    }
                    home.append(province)
                }
            }
            var religions: [Bytes] = []
            var weights: [Int] = []
            for pair in fields[ethnicityTable.column("religions")].split(separator: ",") {
                let parts = pair.split(separator: ":")
                guard parts.count == 2, let weight = Int(parts[1]) else {
                    throw ethnicityTable.bad(row.line, "religions are Name:weight pairs, not \"\(pair)\"")
                }
                religions.append(Bytes(parts[0].utf8))
                weights.append(weight)
            }
            let religionChoice = WeightedChoice(weights)
            guard !religionChoice.isEmpty else { throw ethnicityTable.bad(row.line, "no religion with a positive weight") }
            ethnicities.append(
                Ethnicity(name: Bytes(fields[ethnicityTable.column("ethnicity")].utf8), naming: naming, home: home,
                    religions: religions, religionChoice: religionChoice))
            shares.append(share)
        }
        var surnameShares: [(String, Int)] = []
        for row in surnames.rows {
            surnameShares.append((String(row.fields[surnames.column("surname")]), Int(row.fields[surnames.column("share")]) ?? 0))
        }
        return NameTables(
            genders: genders, ethnicities: ethnicities, ethnicityChoice: WeightedChoice(shares), namings: namings,
            kinhShare: kinhShare, surnameShares: surnameShares)
    }
}
