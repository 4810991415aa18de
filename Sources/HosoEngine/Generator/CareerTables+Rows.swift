extension CareerTables {
    /// A position row with what only loading needs.
    struct LoadedPosition {
        let value: Position
        let track: Int
        let eras: [Era]
        let weight: Int
    }

    /// Reads generator-agencies.tsv.
    /// - Returns: the templates (successors and predecessors linked) and their weights.
    static func loadTemplates(trackIndex: [Substring: Int]) throws(GeneratorError) -> (templates: [AgencyTemplate], weights: [Int]) {
        let table = try TSVTable(
            "generator-agencies.tsv",
            required: ["id", "track", "level", "era", "weight", "name", "abbreviated", "short", "successor"])
        var templates: [AgencyTemplate] = []
        var weights: [Int] = []
        var idIndex: [Substring: Int] = [:]
        var successorNames: [(template: Int, name: Substring, line: Int)] = []
        for row in table.rows {
            let field = { (name: String) in row.fields[table.column(name)] }
            guard let track = trackIndex[field("track")] else { throw table.bad(row.line, "unknown track \(field("track"))") }
            let level: AgencyLevel
            switch field("level") {
            case "central": level = .central
            case "province": level = .province
            case "district": level = .district
            case "commune": level = .commune
            case "school": level = .school
            case let other: throw table.bad(row.line, "unknown level \(other)")
            }
            let era = field("era")
            guard era == "current" || era == "legacy" || era == "both" else { throw table.bad(row.line, "unknown era \(era)") }
            let id = field("id")
            guard idIndex[id] == nil else { throw table.bad(row.line, "id \(id) appears twice") }
            idIndex[id] = templates.count
            let abbreviated = field("abbreviated")
            let short = field("short")
            if field("successor") != "-" { successorNames.append((templates.count, field("successor"), row.line)) }
            templates.append(
                AgencyTemplate(
                    id: Bytes(id.utf8), track: track, level: level, current: era != "legacy", legacy: era != "current",
                    name: try parseTemplate(field("name"), table: table, line: row.line),
                    abbreviated: abbreviated == "-" ? nil : try parseTemplate(abbreviated, table: table, line: row.line),
                    short: short == "-" ? nil : Bytes(short.utf8)))
            weights.append(try table.integer(field("weight"), line: row.line, column: "weight"))
        }
        for link in successorNames {
            guard let successor = idIndex[link.name], templates[successor].current, !templates[link.template].current else {
                throw table.bad(link.line, "successor \(link.name) must be a current template of a legacy-only row")
            }
            templates[link.template].successor = successor
            templates[successor].predecessors.append(link.template)
        }
        for index in templates.indices where templates[index].current && templates[index].legacy {
            templates[index].predecessors.insert(index, at: 0)
        }
        return (templates, weights)
    }

    /// Reads generator-positions.tsv.
    static func loadPositions(trackIndex: [Substring: Int], fields: [String]) throws(GeneratorError) -> [LoadedPosition] {
        let table = try TSVTable(
            "generator-positions.tsv",
            required: ["track", "era", "position", "rank", "weight", "grades", "abbreviated", "training"])
        var positions: [LoadedPosition] = []
        for row in table.rows {
            let field = { (name: String) in row.fields[table.column(name)] }
            guard let track = trackIndex[field("track")] else { throw table.bad(row.line, "unknown track \(field("track"))") }
            let eras: [Era]
            switch field("era") {
            case "current": eras = [.current]
            case "legacy": eras = [.legacy]
            case "both": eras = [.current, .legacy]
            case let other: throw table.bad(row.line, "unknown era \(other)")
            }
            let rank = try table.integer(field("rank"), line: row.line, column: "rank")
            guard rank <= Track.maxRank else { throw table.bad(row.line, "rank is 0–\(Track.maxRank)") }
            let grades = field("grades") == "-" ? [] : field("grades").split(separator: ",").map { Bytes($0.utf8) }
            if grades.isEmpty { throw table.bad(row.line, "a post needs at least one grade") }
            guard let training = fields.firstIndex(of: String(field("training"))) else {
                throw table.bad(row.line, "training field \(field("training")) has no row in generator-training.tsv")
            }
            let abbreviated = field("abbreviated")
            positions.append(
                LoadedPosition(
                    value: Position(
                        name: Bytes(field("position").utf8), abbreviated: abbreviated == "-" ? nil : Bytes(abbreviated.utf8),
                        rank: rank, grades: grades, training: training),
                    track: track, eras: eras, weight: try table.integer(field("weight"), line: row.line, column: "weight")))
        }
        return positions
    }

    /// Reads generator-training.tsv.
    static func loadTraining() throws(GeneratorError) -> TrainingTables {
        let table = try TSVTable("generator-training.tsv", required: ["fields", "kind", "institution", "qualification", "weight", "years"])
        var fields: [String] = []
        var parsed: [(fields: [Substring], kind: TrainingKind, row: TrainingRow, weight: Int)] = []
        for row in table.rows {
            let field = { (name: String) in row.fields[table.column(name)] }
            let kind: TrainingKind
            switch field("kind") {
            case "degree": kind = .degree
            case "master": kind = .master
            case "politics": kind = .politics
            case "course": kind = .course
            case let other: throw table.bad(row.line, "unknown kind \(other)")
            }
            let names = field("fields").split(separator: ",")
            for name in names where name != "*" && !fields.contains(String(name)) { fields.append(String(name)) }
            parsed.append(
                (names, kind,
                    TrainingRow(
                        institution: try parseTemplate(field("institution"), table: table, line: row.line),
                        qualification: Bytes(field("qualification").utf8),
                        years: try table.integer(field("years"), line: row.line, column: "years")),
                    try table.integer(field("weight"), line: row.line, column: "weight")))
        }
        var byKind: [[(rows: [Int], choice: WeightedChoice)]] = []
        for kind in TrainingKind.allCases {
            var perField: [(rows: [Int], choice: WeightedChoice)] = []
            for name in fields {
                var rows: [Int] = []
                var weights: [Int] = []
                for (index, entry) in parsed.enumerated()
                where entry.kind == kind && entry.fields.contains(where: { $0 == "*" || $0 == name }) {
                    rows.append(index)
                    weights.append(entry.weight)
                }
                perField.append((rows, WeightedChoice(weights)))
            }
            byKind.append(perField)
        }
        for (index, name) in fields.enumerated() where byKind[TrainingKind.degree.rawValue][index].choice.isEmpty {
            throw table.bad(0, "field \(name) has no degree row")
        }
        return TrainingTables(fields: fields, rows: parsed.map(\.row), byKind: byKind)
    }
}
