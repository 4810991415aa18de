extension GenerationContext {
    /// Writes `agency`, `agency_code`, `position`, `grade`, `work_history` and `training`.
    mutating func writeCareer() {
        let careers = tables.careers
        let last = plan.jobs[plan.jobs.count - 1]
        raw(Keys.agency)
        composeAgency(last)
        textFromScratch()
        raw(Keys.agencyCode)
        writeAgencyCode(last)
        raw(Keys.position)
        composePosition(last)
        textFromScratch()
        raw(Keys.grade)
        raw(careers.positions[last.position].grades[plan.grade])
        raw(Keys.workHistory)
        for (index, job) in plan.jobs.enumerated() {
            if index > 0 { raw(Keys.comma) }
            writePeriod(from: job.from, to: job.to)
            raw(Keys.agency)
            composeAgency(job)
            textFromScratch()
            raw(Keys.entryPosition)
            composePosition(job)
            textFromScratch()
            raw(Keys.closeObject)
        }
        raw(Keys.closeArray)
        raw(Keys.training)
        for (index, course) in plan.courses.enumerated() {
            if index > 0 { raw(Keys.comma) }
            writePeriod(from: course.from, to: course.to)
            let row = careers.training.rows[course.row]
            raw(Keys.institution)
            scratch.removeAll(keepingCapacity: true)
            appendParts(row.institution, era: course.era, location: tables.places.oldProvinces[course.province].communes[0],
                abbreviated: false)
            textFromScratch()
            raw(Keys.qualification)
            text(row.qualification)
            raw(Keys.closeObject)
        }
        raw(Keys.closeArray)
    }

    /// Writes `{"from":"YYYY-MM","to":"YYYY-MM"` or `…,"to":null`.
    mutating func writePeriod(from: Int, to: Int?) {
        raw(Keys.from)
        yearMonth(from)
        if let to {
            raw(Keys.toDate)
            yearMonth(to)
            raw(Keys.closeQuote)
        } else {
            raw(Keys.toNull)
        }
    }

    /// Composes a post's agency name into `scratch`, abbreviated by some records.
    mutating func composeAgency(_ job: Job) {
        scratch.removeAll(keepingCapacity: true)
        let template = tables.careers.templates[job.template]
        if plan.style.abbreviations, let abbreviated = template.abbreviated, random.chance(perMille: 600) {
            appendParts(abbreviated, era: job.era, location: job.location, abbreviated: true)
        } else {
            appendParts(template.name, era: job.era, location: job.location, abbreviated: false)
        }
    }

    /// Composes a post's title into `scratch`: abbreviated by some records, and for the heads of
    /// an agency sometimes followed by the agency ("Phó Giám đốc Sở Y tế").
    mutating func composePosition(_ job: Job) {
        scratch.removeAll(keepingCapacity: true)
        let position = tables.careers.positions[job.position]
        if plan.style.abbreviations, let abbreviated = position.abbreviated, random.chance(perMille: 600) {
            scratch.append(contentsOf: abbreviated)
        } else {
            scratch.append(contentsOf: position.name)
        }
        if position.rank >= 3, let short = tables.careers.templates[job.template].short, random.chance(perMille: 400) {
            scratch.append(UInt8(ascii: " "))
            scratch.append(contentsOf: short)
        }
    }

    /// Appends template parts for a location in an era to `scratch`.
    mutating func appendParts(_ parts: [AgencyPart], era: Era, location: Int32, abbreviated: Bool) {
        let places = tables.places
        let commune = places.legacyCommunes[Int(location)]
        let legacy = era == .legacy
        for part in parts {
            switch part {
            case .literal(let text):
                scratch.append(contentsOf: text)
            case .province:
                let name = provinceName(of: location, era: era)
                scratch.append(contentsOf: abbreviated ? name.abbreviated : name.inName)
            case .commune:
                let name = legacy ? commune.name : places.newCommunes[Int(commune.newCommune)].name
                scratch.append(contentsOf: name.inName)
            case .district:
                let name = places.districts[Int(commune.district)].name
                if legacy { scratch.append(contentsOf: abbreviated ? name.abbreviated : name.inName) }
            case .provinceName:
                scratch.append(contentsOf: provinceName(of: location, era: era).bare)
            case .districtName:
                scratch.append(contentsOf: places.districts[Int(commune.district)].name.bare)
            case .oldCommuneName:
                scratch.append(contentsOf: commune.name.bare)
            case .optional(let inner):
                if Self.available(inner, in: era) && random.chance(perMille: 250) {
                    appendParts(inner, era: era, location: location, abbreviated: abbreviated)
                }
            }
        }
    }

    /// Whether every placeholder of `parts` can be written in `era` (districts only before 2025).
    static func available(_ parts: [AgencyPart], in era: Era) -> Bool {
        for part in parts {
            switch part {
            case .district: if era == .current { return false }
            case .optional(let inner): if !available(inner, in: era) { return false }
            default: continue
            }
        }
        return true
    }

    /// The province of a location on the era's map.
    func provinceName(of location: Int32, era: Era) -> PlaceName {
        let places = tables.places
        return era == .legacy
            ? places.oldProvinces[places.oldProvince(of: location)].name
            : places.newProvinces[places.newProvince(of: location)].name
    }

    /// Writes the stable code of a post's agency: `G04` for a central body, otherwise `H`, the
    /// province code on the era's map, the unit code where the template sits below the province
    /// (district, commune or the school's pre-2025 commune), and the template id:
    /// `H40.SYT`, `H01.00097.UBNDX`, `H01.00004.THCS`.
    mutating func writeAgencyCode(_ job: Job) {
        let places = tables.places
        let template = tables.careers.templates[job.template]
        guard template.level != .central else {
            raw(template.id)
            return
        }
        let commune = places.legacyCommunes[Int(job.location)]
        let legacy = job.era == .legacy
        out.append(UInt8(ascii: "H"))
        raw(legacy ? places.oldProvinces[Int(commune.oldProvince)].code : places.newProvinces[places.newProvince(of: job.location)].code)
        switch template.level {
        case .central, .province: break
        case .district:
            out.append(UInt8(ascii: "."))
            raw(places.districts[Int(commune.district)].code)
        case .commune:
            out.append(UInt8(ascii: "."))
            raw(legacy ? commune.code : places.newCommunes[Int(commune.newCommune)].code)
        case .school:
            out.append(UInt8(ascii: "."))
            raw(commune.code)
        }
        out.append(UInt8(ascii: "."))
        raw(template.id)
    }

    /// Writes the sending source: the central body (its current id) or `H` and the pre-2025
    /// province of the last post (63 + 33 = 96 sources).
    mutating func writeSource() {
        let last = plan.jobs[plan.jobs.count - 1]
        let templates = tables.careers.templates
        let template = templates[last.template]
        if template.level == .central {
            raw(template.current ? template.id : templates[template.successor ?? last.template].id)
        } else {
            out.append(UInt8(ascii: "H"))
            raw(tables.places.oldProvinces[tables.places.oldProvince(of: last.location)].code)
        }
    }
}
