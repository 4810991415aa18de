extension PlaceTables {
    /// Loads places-provinces.tsv, places-2025.tsv, places-legacy.tsv, places-mapping.tsv and
    /// cccd-provinces.tsv and links them.
    /// - Throws: `GeneratorError` naming the table and line when a file is missing, a code is
    ///   unknown, or a province has no CCCD code or no mapped commune.
    static func load() throws(GeneratorError) -> PlaceTables {
        let cccd = try TSVTable("cccd-provinces.tsv", required: ["cccd_code", "population_2019_k"])
        var population: [Substring: (code: Substring, people: Int)] = [:]
        for row in cccd.rows {
            let code = row.fields[cccd.column("cccd_code")]
            guard code.count == 3, code.allSatisfy(\.isNumber) else { throw cccd.bad(row.line, "a CCCD code has three digits") }
            let people = try cccd.integer(row.fields[cccd.column("population_2019_k")], line: row.line, column: "population_2019_k")
            population[code.dropFirst()] = (code, people)
        }

        let provinces = try TSVTable(
            "places-provinces.tsv", required: ["new_province_code", "new_province", "old_province_code", "old_province"])
        var newProvinces: [NewProvince] = []
        var newIndex: [Substring: Int] = [:]
        var oldProvinces: [OldProvince] = []
        var oldIndex: [Substring: Int] = [:]
        for row in provinces.rows {
            let newCode = row.fields[provinces.column("new_province_code")]
            if newIndex[newCode] == nil {
                newIndex[newCode] = newProvinces.count
                newProvinces.append(
                    NewProvince(code: Bytes(newCode.utf8), name: PlaceName(row.fields[provinces.column("new_province")], province: true)))
            }
            let oldCode = row.fields[provinces.column("old_province_code")]
            guard let registration = population[oldCode] else {
                throw provinces.bad(row.line, "old province \(oldCode) has no row in cccd-provinces.tsv")
            }
            oldIndex[oldCode] = oldProvinces.count
            oldProvinces.append(
                OldProvince(
                    code: Bytes(oldCode.utf8), cccd: Bytes(registration.code.utf8),
                    name: PlaceName(row.fields[provinces.column("old_province")], province: true),
                    newProvince: newIndex[newCode] ?? 0, communes: []))
        }

        let current = try TSVTable("places-2025.tsv", required: ["province_code", "commune_code", "commune"])
        var newCommunes: [NewCommune] = []
        var newCommuneIndex: [Substring: Int32] = [:]
        for row in current.rows {
            let province = row.fields[current.column("province_code")]
            guard let index = newIndex[province] else { throw current.bad(row.line, "unknown province code \(province)") }
            let code = row.fields[current.column("commune_code")]
            newCommuneIndex[code] = Int32(newCommunes.count)
            newCommunes.append(
                NewCommune(code: Bytes(code.utf8), name: PlaceName(row.fields[current.column("commune")], province: false),
                    newProvince: Int32(index)))
        }

        let legacy = try TSVTable(
            "places-legacy.tsv", required: ["province_code", "district_code", "district", "commune_code", "commune"])
        var districts: [District] = []
        var districtIndex: [Substring: Int32] = [:]
        var communes: [LegacyCommune] = []
        var communeIndex: [Substring: Int32] = [:]
        for row in legacy.rows {
            let province = row.fields[legacy.column("province_code")]
            guard let old = oldIndex[province] else { throw legacy.bad(row.line, "unknown province code \(province)") }
            let districtCode = row.fields[legacy.column("district_code")]
            let district: Int32
            if let known = districtIndex[districtCode] {
                district = known
            } else {
                district = Int32(districts.count)
                districtIndex[districtCode] = district
                districts.append(
                    District(code: Bytes(districtCode.utf8), name: PlaceName(row.fields[legacy.column("district")], province: false)))
            }
            let code = row.fields[legacy.column("commune_code")]
            guard !code.isEmpty else { continue }
            communeIndex[code] = Int32(communes.count)
            communes.append(
                LegacyCommune(
                    code: Bytes(code.utf8), name: PlaceName(row.fields[legacy.column("commune")], province: false),
                    district: district, oldProvince: Int32(old), newCommune: -1))
        }

        let mapping = try TSVTable("places-mapping.tsv", required: ["old_commune_code", "new_commune_code", "kind"])
        for row in mapping.rows {
            let kind = row.fields[mapping.column("kind")]
            guard kind == "whole" || kind == "default" else { continue }
            guard let old = communeIndex[row.fields[mapping.column("old_commune_code")]],
                let new = newCommuneIndex[row.fields[mapping.column("new_commune_code")]]
            else { continue }
            communes[Int(old)].newCommune = new
        }
        for (index, commune) in communes.enumerated() where commune.newCommune >= 0 {
            oldProvinces[Int(commune.oldProvince)].communes.append(Int32(index))
        }
        for province in oldProvinces where province.communes.isEmpty {
            throw provinces.bad(0, "province \(String(decoding: province.name.full, as: UTF8.self)) has no commune with a 2025 successor")
        }
        let older = try linkOlderNames(&communes, oldProvinces: oldProvinces, districts: districts)
        let weights = oldProvinces.map { population[Substring(String(decoding: $0.code, as: UTF8.self))]?.people ?? 0 }
        return PlaceTables(
            oldProvinces: oldProvinces, newProvinces: newProvinces, districts: districts, legacyCommunes: communes,
            newCommunes: newCommunes, older: older, byPopulation: WeightedChoice(weights))
    }
}
