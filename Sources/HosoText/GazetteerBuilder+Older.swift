/// The hand-made tables: older names and aliases.
extension GazetteerBuilder {
    /// places-older.tsv: name, level, until, successor, source. `successor` is a pre-2025 path
    /// ("Tỉnh X > Huyện Y > Xã Z") or `older:NAME` (another older name, expanded transitively).
    mutating func loadOlder(_ table: GazetteerTable) throws(GazetteerError) {
        var olderByName: [String: UInt32] = [:]
        var direct: [UInt32: [UInt32]] = [:]
        var references: [UInt32: [(name: String, line: Int)]] = [:]
        var order: [UInt32] = []
        let columns = ["name", "level", "until", "successor", "source"]
        try table.forEachRow(columns: columns) { (line, f) throws(GazetteerError) in
            guard let level = PlaceLevel.allCases.first(where: { $0.description == f[1] }) else {
                throw .malformedRow(table: table.name, line: line, reason: "level \"\(f[1])\"")
            }
            guard let until = Int16(f[2]) else {
                throw .malformedRow(table: table.name, line: line, reason: "year \"\(f[2])\"")
            }
            let key = "\(f[1])|\(f[0])"
            let older: UInt32
            if let known = olderByName[key] {
                older = known
            } else {
                older = try addUnit(
                    fullName: f[0], code: "", level: level, era: .older, parent: Gazetteer.none,
                    until: until, table: table, line: line)
                olderByName[key] = older
                olderByName[f[0]] = olderByName[f[0]] ?? older
                order.append(older)
            }
            if f[3].hasPrefix("older:") {
                references[older, default: []].append((String(f[3].dropFirst("older:".count)), line))
            } else {
                direct[older, default: []].append(try resolvePath(f[3], table: table, line: line))
            }
        }
        // Expand `older:` references transitively (Hà Sơn Bình covers all that Hà Tây covers).
        var expanded: [UInt32: [UInt32]] = [:]
        func expand(_ older: UInt32, depth: Int) throws(GazetteerError) -> [UInt32] {
            if let done = expanded[older] { return done }
            var scope = direct[older] ?? []
            for (name, line) in references[older] ?? [] {
                guard let target = olderByName[name], depth < 8 else {
                    throw .unknownReference(table: table.name, line: line, reference: "older name \(name) (or a cycle)")
                }
                for unit in try expand(target, depth: depth + 1) where !scope.contains(unit) {
                    scope.append(unit)
                }
            }
            expanded[older] = scope
            return scope
        }
        for older in order {
            for unit in try expand(older, depth: 0) {
                footprints.add(older, unit)
                olderCovering.add(unit, older)
            }
        }
    }

    /// The pre-2025 unit a path of full names names.
    private func resolvePath(_ path: String, table: GazetteerTable, line: Int) throws(GazetteerError) -> UInt32 {
        let parts = path.split(separator: ">").map { $0.split(separator: " ").joined(separator: " ") }
        guard let first = parts.first, var unit = provincePreByName[first] else {
            throw .unknownReference(table: table.name, line: line, reference: "pre-2025 unit \(path)")
        }
        for part in parts.dropFirst() {
            guard let child = childLists[unit]?.first(where: { units[Int($0)].fullName == part }) else {
                throw .unknownReference(table: table.name, line: line, reference: "pre-2025 unit \(path)")
            }
            unit = child
        }
        return unit
    }

    /// place-aliases.tsv: alias, target, level (province | district | commune | any), note.
    mutating func loadAliases(_ table: GazetteerTable) throws(GazetteerError) {
        try table.forEachRow(columns: ["alias", "target", "level", "note"]) { (line, f) throws(GazetteerError) in
            let level = PlaceLevel.allCases.first { $0.description == f[2] }
            guard level != nil || f[2] == "any" else {
                throw .malformedRow(table: table.name, line: line, reason: "level \"\(f[2])\"")
            }
            let targets = keySlots[gazetteerFoldKey(f[1])].map { slotUnits[Int($0)] } ?? []
            let matching = targets.filter { level == nil || units[Int($0)].level == level }
            guard !matching.isEmpty else {
                throw .unknownReference(table: table.name, line: line, reference: "alias target \(f[1]) (\(f[2]))")
            }
            let key = gazetteerFoldKey(f[0])
            for unit in matching { addKey(key, unit | Gazetteer.aliasBit) }
            aliasCount += 1
        }
    }
}
