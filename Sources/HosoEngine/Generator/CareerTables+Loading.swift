extension CareerTables {
    /// Loads generator-tracks, -agencies, -positions and -training and links them.
    /// - Throws: `GeneratorError` naming the table and line of an unknown track, level, era,
    ///   successor or placeholder, or a track with nothing to draw.
    static func load() throws(GeneratorError) -> CareerTables {
        let trackTable = try TSVTable("generator-tracks.tsv", required: ["track", "share", "female", "earlier"])
        var tracks: [Track] = []
        var trackIndex: [Substring: Int] = [:]
        for row in trackTable.rows {
            let name = row.fields[trackTable.column("track")]
            trackIndex[name] = tracks.count
            let share = try trackTable.integer(row.fields[trackTable.column("share")], line: row.line, column: "share")
            let female = try trackTable.integer(row.fields[trackTable.column("female")], line: row.line, column: "female")
            guard female <= 1000 else { throw trackTable.bad(row.line, "female is per 1 000") }
            tracks.append(Track(name: String(name), share: share, femalePerMille: female))
        }
        for (index, row) in trackTable.rows.enumerated() {
            let earlier = row.fields[trackTable.column("earlier")]
            guard earlier != "-" else { continue }
            for name in earlier.split(separator: ",") {
                guard let track = trackIndex[name] else { throw trackTable.bad(row.line, "unknown track \(name)") }
                tracks[index].earlier.append(track)
            }
        }

        let templates = try loadTemplates(trackIndex: trackIndex)
        var templateWeights: [[[Int]]] = Array(repeating: [[], []], count: tracks.count)
        for (index, template) in templates.templates.enumerated() {
            for era in [Era.current, .legacy] where template.exists(in: era) {
                tracks[template.track].templates[era.rawValue].append(index)
                templateWeights[template.track][era.rawValue].append(templates.weights[index])
            }
        }
        let training = try loadTraining()
        let positions = try loadPositions(trackIndex: trackIndex, fields: training.fields)
        for (index, position) in positions.enumerated() {
            for era in position.eras { tracks[position.track].positions[era.rawValue].append(index) }
        }
        for index in tracks.indices {
            tracks[index].templateChoice = templateWeights[index].map(WeightedChoice.init)
            tracks[index].upToRank = (0..<2).map { era in
                (0...Track.maxRank).map { rank in
                    WeightedChoice(tracks[index].positions[era].map { position in
                        positions[position].value.rank <= rank ? positions[position].weight : 0
                    })
                }
            }
            for era in [Era.current, .legacy] where !tracks[index].templates[era.rawValue].isEmpty {
                guard !tracks[index].upToRank[era.rawValue][Track.maxRank].isEmpty else {
                    throw .badTable(name: "generator-positions.tsv", line: 0,
                        reason: "track \(tracks[index].name) has agencies but no post in the \(era) era")
                }
            }
            if tracks[index].share > 0 && tracks[index].templates[Era.current.rawValue].isEmpty {
                throw trackTable.bad(0, "track \(tracks[index].name) has a share but no current agency template")
            }
        }
        return CareerTables(
            templates: templates.templates, tracks: tracks, currentTrackChoice: WeightedChoice(tracks.map(\.share)),
            positions: positions.map(\.value), training: training)
    }

    /// Parses an agency or institution template: `{placeholder}`s and `[optional parts]`.
    static func parseTemplate(_ text: Substring, table: TSVTable, line: Int) throws(GeneratorError) -> [AgencyPart] {
        var parts: [AgencyPart] = []
        var literal = ""
        var index = text.startIndex
        func flush() {
            if !literal.isEmpty { parts.append(.literal(Bytes(literal.utf8))) }
            literal = ""
        }
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "{":
                guard let close = text[index...].firstIndex(of: "}") else { throw table.bad(line, "unclosed { in \(text)") }
                flush()
                switch text[text.index(after: index)..<close] {
                case "province": parts.append(.province)
                case "commune": parts.append(.commune)
                case "district": parts.append(.district)
                case "province_name": parts.append(.provinceName)
                case "district_name": parts.append(.districtName)
                case "old_commune_name": parts.append(.oldCommuneName)
                case let other: throw table.bad(line, "unknown placeholder {\(other)}")
                }
                index = text.index(after: close)
            case "[":
                guard let close = text[index...].firstIndex(of: "]") else { throw table.bad(line, "unclosed [ in \(text)") }
                flush()
                parts.append(.optional(try parseTemplate(text[text.index(after: index)..<close], table: table, line: line)))
                index = text.index(after: close)
            default:
                literal.append(character)
                index = text.index(after: index)
            }
        }
        flush()
        return parts
    }
}
