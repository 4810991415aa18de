extension PlaceTables {
    /// Reads places-older.tsv and marks each pre-2025 commune with the older province and district
    /// names that covered it (the most specific row wins; between equals, the later name).
    ///
    /// Rows whose successor is another older unit (`older:NAME`) and commune-level rows are not
    /// used: the generator writes older names only for provinces and districts.
    /// - Returns: the older names, indexed by `LegacyCommune.olderProvince` / `.olderDistrict`.
    /// - Throws: `GeneratorError.badTable` for a successor path that names no pre-2025 unit.
    static func linkOlderNames(
        _ communes: inout [LegacyCommune], oldProvinces: [OldProvince], districts: [District]
    ) throws(GeneratorError) -> [OlderName] {
        let table = try TSVTable("places-older.tsv", required: ["name", "level", "until", "successor"])
        var provinceIndex: [Bytes: Int32] = [:]
        for (index, province) in oldProvinces.enumerated() { provinceIndex[province.name.full] = Int32(index) }
        var districtIndex: [Bytes: Int32] = [:]
        var communeIndex: [Bytes: Int32] = [:]
        for (index, commune) in communes.enumerated() {
            let province = oldProvinces[Int(commune.oldProvince)].name.full
            let district = districts[Int(commune.district)].name.full
            districtIndex[province + [0] + district] = commune.district
            communeIndex[province + [0] + district + [0] + commune.name.full] = Int32(index)
        }
        var names: [OlderName] = []
        var nameIndex: [Substring: Int32] = [:]
        // Per commune and level: (older name, specificity) of the best row so far.
        var best: [[(name: Int32, depth: Int)?]] = Array(repeating: [nil, nil], count: communes.count)
        for row in table.rows {
            let field = { (name: String) in row.fields[table.column(name)] }
            let level = field("level")
            guard level == "province" || level == "district", !field("successor").hasPrefix("older:") else { continue }
            let path = field("successor").split(separator: ">").map { Bytes($0.trimmingSpaces.utf8) }
            guard !path.isEmpty, path.count <= 3 else { throw table.bad(row.line, "a successor path has 1–3 parts") }
            let until = try table.integer(field("until"), line: row.line, column: "until")
            let name = field("name")
            let older: Int32
            if let known = nameIndex[name] {
                older = known
            } else {
                older = Int32(names.count)
                nameIndex[name] = older
                names.append(OlderName(name: PlaceName(name, province: level == "province"), until: until))
            }
            let covered: [Int]
            switch path.count {
            case 1:
                guard let province = provinceIndex[path[0]] else { throw table.bad(row.line, "no pre-2025 province \(field("successor"))") }
                covered = communes.indices.filter { communes[$0].oldProvince == province }
            case 2:
                guard let district = districtIndex[path[0] + [0] + path[1]] else {
                    throw table.bad(row.line, "no pre-2025 district \(field("successor"))")
                }
                covered = communes.indices.filter { communes[$0].district == district }
            default:
                guard let commune = communeIndex[path[0] + [0] + path[1] + [0] + path[2]] else {
                    throw table.bad(row.line, "no pre-2025 commune \(field("successor"))")
                }
                covered = [Int(commune)]
            }
            let slot = level == "province" ? 0 : 1
            for commune in covered {
                if let current = best[commune][slot] {
                    let wins = path.count > current.depth
                        || (path.count == current.depth && until > names[Int(current.name)].until)
                    if !wins { continue }
                }
                best[commune][slot] = (older, path.count)
            }
        }
        for index in communes.indices {
            communes[index].olderProvince = best[index][0]?.name ?? -1
            communes[index].olderDistrict = best[index][1]?.name ?? -1
        }
        return names
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
