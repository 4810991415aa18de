extension NameTables {
    /// Loads generator-minority-names.tsv into one `MinorityNaming` per naming group.
    /// - Returns: the groups and their index by name.
    /// - Throws: `GeneratorError` for an unknown part or placeholder, or a group that lacks the
    ///   surnames or given names its patterns use.
    static func loadNamings() throws(GeneratorError) -> ([MinorityNaming], [Substring: Int]) {
        let table = try TSVTable("generator-minority-names.tsv", required: ["naming", "part", "gender", "value", "weight"])
        var order: [Substring] = []
        var rowsByGroup: [Substring: [(line: Int, fields: [Substring])]] = [:]
        for row in table.rows {
            let group = row.fields[table.column("naming")]
            if rowsByGroup[group] == nil { order.append(group) }
            rowsByGroup[group, default: []].append(row)
        }
        var namings: [MinorityNaming] = []
        var index: [Substring: Int] = [:]
        for group in order {
            let rows = rowsByGroup[group] ?? []
            var patterns: [[[NamePart]]] = [[], []]
            var patternWeights: [[Int]] = [[], []]
            var surnames: [Bytes] = []
            var surnameWeights: [Int] = []
            var givens: [[Bytes]] = [[], []]
            var givenWeights: [[Int]] = [[], []]
            var usesSurname = false
            var usesGiven = false
            for row in rows {
                let fields = row.fields
                let value = fields[table.column("value")]
                let weight = try table.integer(fields[table.column("weight")], line: row.line, column: "weight")
                let gender = fields[table.column("gender")]
                guard gender == "any" || gender == "male" || gender == "female" else {
                    throw table.bad(row.line, "gender is any, male or female, not \(gender)")
                }
                switch fields[table.column("part")] {
                case "pattern":
                    let parts = try parsePattern(value, table: table, line: row.line)
                    for part in parts {
                        if case .surname = part { usesSurname = true }
                        if case .given = part { usesGiven = true }
                    }
                    for sex in 0..<2 where genderMatches(gender, sex) {
                        patterns[sex].append(parts)
                        patternWeights[sex].append(weight)
                    }
                case "surname":
                    surnames.append(Bytes(value.utf8))
                    surnameWeights.append(weight)
                case "given":
                    for sex in 0..<2 where genderMatches(gender, sex) {
                        givens[sex].append(Bytes(value.utf8))
                        givenWeights[sex].append(weight)
                    }
                case let other:
                    throw table.bad(row.line, "part is pattern, surname or given, not \(other)")
                }
            }
            let patternChoice = patternWeights.map(WeightedChoice.init)
            let surnameChoice = WeightedChoice(surnameWeights)
            let givenChoice = givenWeights.map(WeightedChoice.init)
            let name = String(group)
            if patternChoice.contains(where: \.isEmpty) { throw table.bad(0, "\(name) needs a pattern for each gender") }
            if usesSurname && surnameChoice.isEmpty { throw table.bad(0, "\(name) uses {surname} but has no surname") }
            if usesGiven && givenChoice.contains(where: \.isEmpty) {
                throw table.bad(0, "\(name) uses {given} but lacks given names for a gender")
            }
            index[group] = namings.count
            namings.append(
                MinorityNaming(
                    patterns: patterns, patternChoice: patternChoice, surnames: surnames, surnameChoice: surnameChoice,
                    givens: givens, givenChoice: givenChoice))
        }
        return (namings, index)
    }

    /// Splits a pattern such as `H'{given} {surname}` into literal text and placeholders.
    static func parsePattern(_ pattern: Substring, table: TSVTable, line: Int) throws(GeneratorError) -> [NamePart] {
        var parts: [NamePart] = []
        var rest = pattern
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "{") else {
                parts.append(.literal(Bytes(rest.utf8)))
                break
            }
            if open > rest.startIndex { parts.append(.literal(Bytes(rest[..<open].utf8))) }
            guard let close = rest[open...].firstIndex(of: "}") else { throw table.bad(line, "unclosed { in \(pattern)") }
            switch rest[rest.index(after: open)..<close] {
            case "surname": parts.append(.surname)
            case "given": parts.append(.given)
            case "kinh_middle": parts.append(.kinhMiddle)
            case "kinh_given": parts.append(.kinhGiven)
            case let other: throw table.bad(line, "unknown placeholder {\(other)}")
            }
            rest = rest[rest.index(after: close)...]
        }
        return parts
    }
}
