/// Accumulates units and relations while the tables are read; `finish()` lays them out flat.
struct GazetteerBuilder {
    var units: [GazetteerUnit] = []
    var footprints = GazetteerRelation.Builder()
    var successors = GazetteerRelation.Builder()
    var predecessors = GazetteerRelation.Builder()
    var children = GazetteerRelation.Builder()
    var olderCovering = GazetteerRelation.Builder()
    var newProvince: [UInt32: UInt32] = [:]

    var province2025: [String: UInt32] = [:]
    var commune2025: [String: UInt32] = [:]
    var provincePre: [String: UInt32] = [:]
    var districtPre: [String: UInt32] = [:]
    var communePre: [String: UInt32] = [:]
    var provincePreByName: [String: UInt32] = [:]
    /// Units under each province or district, for resolving paths in places-older.tsv.
    var childLists: [UInt32: [UInt32]] = [:]

    var nameIDs: [String: UInt32] = [:]
    var keySlots: [String: UInt32] = [:]
    var slotUnits: [[UInt32]] = []
    var aliasCount = 0

    /// Adds one unit and indexes its name.
    /// - Throws: `malformedRow` when `fullName` does not start with a type word of `level`.
    mutating func addUnit(
        fullName: String, code: String, level: PlaceLevel, era: PlaceEra, parent: UInt32,
        until: Int16 = 0, table: GazetteerTable, line: Int
    ) throws(GazetteerError) -> UInt32 {
        guard let (kind, rest) = GazetteerUnitKind.split(fullName: fullName), kind.allows(level) else {
            throw .malformedRow(
                table: table.name, line: line, reason: "\"\(fullName)\" does not start with a \(level) type word")
        }
        let numeric = rest.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let name = numeric ? fullName : String(rest)
        let id = UInt32(units.count)
        let nameKey = "\(level.rawValue)\(fullName)"
        let nameID = nameIDs[nameKey] ?? UInt32(nameIDs.count)
        nameIDs[nameKey] = nameID
        units.append(GazetteerUnit(
            name: name, fullName: fullName, code: code, kind: kind, level: level, era: era,
            parent: parent, until: until, nameID: nameID))
        addKey(gazetteerFoldKey(name), id)
        if era == .pre2025 { footprints.add(id, id) }
        if parent != Gazetteer.none {
            children.add(parent, id)
            childLists[parent, default: []].append(id)
        }
        return id
    }

    mutating func addKey(_ key: String, _ value: UInt32) {
        if let slot = keySlots[key] {
            if !slotUnits[Int(slot)].contains(value) { slotUnits[Int(slot)].append(value) }
        } else {
            keySlots[key] = UInt32(slotUnits.count)
            slotUnits.append([value])
        }
    }

    /// places-2025.tsv: province_code, province, commune_code, commune.
    mutating func load2025(_ table: GazetteerTable) throws(GazetteerError) {
        try table.forEachRow(columns: ["province_code", "province", "commune_code", "commune"]) {
            (line, f) throws(GazetteerError) in
            let province: UInt32
            if let known = province2025[f[0]] {
                province = known
            } else {
                province = try addUnit(
                    fullName: f[1], code: f[0], level: .province, era: .map2025,
                    parent: Gazetteer.none, table: table, line: line)
                province2025[f[0]] = province
            }
            guard commune2025[f[2]] == nil else {
                throw .malformedRow(table: table.name, line: line, reason: "commune code \(f[2]) repeated")
            }
            commune2025[f[2]] = try addUnit(
                fullName: f[3], code: f[2], level: .commune, era: .map2025, parent: province,
                table: table, line: line)
        }
    }

    /// places-legacy.tsv: province_code, province, district_code, district, commune_code, commune
    /// (commune empty for island districts without communes).
    mutating func loadLegacy(_ table: GazetteerTable) throws(GazetteerError) {
        let columns = ["province_code", "province", "district_code", "district", "commune_code", "commune"]
        try table.forEachRow(columns: columns) { (line, f) throws(GazetteerError) in
            let province: UInt32
            if let known = provincePre[f[0]] {
                province = known
            } else {
                province = try addUnit(
                    fullName: f[1], code: f[0], level: .province, era: .pre2025,
                    parent: Gazetteer.none, table: table, line: line)
                provincePre[f[0]] = province
                provincePreByName[f[1]] = province
            }
            let district: UInt32
            if let known = districtPre[f[2]] {
                district = known
            } else {
                district = try addUnit(
                    fullName: f[3], code: f[2], level: .district, era: .pre2025, parent: province,
                    table: table, line: line)
                districtPre[f[2]] = district
            }
            guard !f[4].isEmpty else { return }
            guard communePre[f[4]] == nil else {
                throw .malformedRow(table: table.name, line: line, reason: "commune code \(f[4]) repeated")
            }
            communePre[f[4]] = try addUnit(
                fullName: f[5], code: f[4], level: .commune, era: .pre2025, parent: district,
                table: table, line: line)
        }
    }

    /// places-provinces.tsv: new_province_code, new_province, old_province_code, old_province.
    mutating func loadProvinceMerges(_ table: GazetteerTable) throws(GazetteerError) {
        let columns = ["new_province_code", "new_province", "old_province_code", "old_province"]
        try table.forEachRow(columns: columns) { (line, f) throws(GazetteerError) in
            guard let new = province2025[f[0]], units[Int(new)].fullName == f[1] else {
                throw .unknownReference(table: table.name, line: line, reference: "2025 province \(f[0]) \(f[1])")
            }
            guard let old = provincePre[f[2]], units[Int(old)].fullName == f[3] else {
                throw .unknownReference(table: table.name, line: line, reference: "pre-2025 province \(f[2]) \(f[3])")
            }
            newProvince[old] = new
            footprints.add(new, old)
        }
    }

    /// places-mapping.tsv: old_district_code, old_commune_code, new_commune_code, kind
    /// (whole | default | part).
    mutating func loadMapping(_ table: GazetteerTable) throws(GazetteerError) {
        let columns = ["old_district_code", "old_commune_code", "new_commune_code", "kind"]
        try table.forEachRow(columns: columns) { (line, f) throws(GazetteerError) in
            guard let district = districtPre[f[0]] else {
                throw .unknownReference(table: table.name, line: line, reference: "pre-2025 district \(f[0])")
            }
            var leaf = district
            if !f[1].isEmpty {
                guard let commune = communePre[f[1]], units[Int(commune)].parent == district else {
                    throw .unknownReference(table: table.name, line: line, reference: "pre-2025 commune \(f[0])/\(f[1])")
                }
                leaf = commune
            }
            guard let new = commune2025[f[2]] else {
                throw .unknownReference(table: table.name, line: line, reference: "2025 commune \(f[2])")
            }
            let flag: UInt32
            switch f[3] {
            case "whole", "default": flag = 0
            case "part": flag = Gazetteer.partBit
            default:
                throw .malformedRow(table: table.name, line: line, reason: "kind \"\(f[3])\" is not whole, default or part")
            }
            successors.add(leaf, new | flag)
            predecessors.add(new, leaf)
            footprints.add(new, leaf)
        }
    }

    /// Lays everything out flat.
    func finish() -> GazetteerStorage {
        let count = units.count
        var provinceMap = [UInt32](repeating: Gazetteer.none, count: count)
        for (old, new) in newProvince { provinceMap[Int(old)] = new }
        var entries = GazetteerRelation.Builder()
        for (slot, list) in slotUnits.enumerated() {
            for value in list { entries.add(UInt32(slot), value) }
        }
        return GazetteerStorage(
            units: units, footprints: footprints.build(ownerCount: count),
            successors: successors.build(ownerCount: count),
            predecessors: predecessors.build(ownerCount: count),
            children: children.build(ownerCount: count),
            olderCovering: olderCovering.build(ownerCount: count), newProvince: provinceMap,
            keySlots: keySlots, keyEntries: entries.build(ownerCount: slotUnits.count),
            aliasCount: aliasCount)
    }
}
