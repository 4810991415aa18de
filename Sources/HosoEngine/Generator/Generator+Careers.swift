extension GenerationContext {
    /// Draws the career: the last (usually current) post, schooling before the first post, the
    /// status, 1–6 posts with promotions and moves between agencies, and courses along the way.
    mutating func planCareer(track: Int) {
        let careers = tables.careers
        let currentTrack = careers.tracks[track]
        let template = currentTrack.templates[Era.current.rawValue][currentTrack.templateChoice[Era.current.rawValue].pick(&random)]
        let homeProvince = tables.places.oldProvince(of: plan.home)
        let location = agencyLocation(careers.templates[template].level, near: homeProvince)
        let position = pickPosition(track: track, era: .current, maxRank: Track.maxRank)

        // Schooling, then the first post.
        let field = careers.positions[position].training
        let degrees = careers.training.byKind[TrainingKind.degree.rawValue][field]
        let degree = degrees.rows[degrees.choice.pick(&random)]
        let years = max(1, careers.training.rows[degree].years)
        var degreeStart = (plan.birthYear + 18 + (random.chance(perMille: 200) ? 1 : 0)) * 12 + 8
        var degreeEnd = degreeStart + years * 12 - 3
        var careerStart = degreeEnd + random.int(in: 1...18)
        let latestStart = asOfMonth - 2 - random.below(6)
        if careerStart > latestStart {
            // The youngest: schooling moved earlier so that the first post starts before `asOf`.
            let shift = careerStart - latestStart
            degreeStart -= shift
            degreeEnd -= shift
            careerStart = latestStart
        }
        plan.courses.append(
            Course(row: degree, from: degreeStart, to: degreeEnd, province: homeProvince,
                era: degreeEnd < Reform.provinces ? .legacy : .current))

        let end = planStatus(careerStart: careerStart)
        let lastMonth = end ?? asOfMonth
        planPosts(
            last: Job(template: template, location: location, position: position, from: careerStart, to: end, era: .current),
            careerStart: careerStart, lastMonth: lastMonth)
        planCourses(field: field, careerStart: careerStart, lastMonth: lastMonth)

        let last = plan.jobs[plan.jobs.count - 1]
        let grades = careers.positions[last.position].grades.count
        let seniority = Double(lastMonth - careerStart) / 360 + random.unit() * 0.5 - 0.15
        plan.grade = min(grades - 1, max(0, Int(seniority * Double(grades))))
    }

    /// Sets the status and returns the last month worked, or nil while the person is in post.
    /// People past retirement age are retired (a few deceased); of the others about 3 % have
    /// moved out of the civil service and 1 % died, within the last three years.
    mutating func planStatus(careerStart: Int) -> Int? {
        let retirement = retirementMonth()
        if retirement <= asOfMonth {
            plan.status = random.chance(perMille: 920) ? PlannedStatus.retired : PlannedStatus.deceased
            return max(careerStart, retirement - 1)
        }
        let draw = random.below(1000)
        if draw >= 45 {
            plan.status = PlannedStatus.active
            return nil
        }
        plan.status = draw < 33 ? PlannedStatus.transferredOut : PlannedStatus.deceased
        return max(careerStart, asOfMonth - random.int(in: 1...36))
    }

    /// Where an agency of `level` is: central bodies mostly in Hà Nội, others near home.
    mutating func agencyLocation(_ level: AgencyLevel, near homeProvince: Int) -> Int32 {
        let places = tables.places
        if level == .central {
            let draw = random.below(100)
            let province = draw < 80 ? tables.capital : draw < 90 ? tables.southernCapital : homeProvince
            return places.location(in: province, &random)
        }
        return random.chance(perMille: 650) ? places.location(in: homeProvince, &random) : places.location(&random)
    }

    /// A post of the track in the era, of at most `maxRank`.
    mutating func pickPosition(track: Int, era: Era, maxRank: Int) -> Int {
        let entry = tables.careers.tracks[track]
        let rank = min(Track.maxRank, max(0, maxRank))
        return entry.positions[era.rawValue][entry.upToRank[era.rawValue][rank].pick(&random)]
    }

    /// The form of a template in an era: itself when it exists then, else its successor (current)
    /// or one of its predecessors (legacy), drawn at random.
    mutating func resolve(_ template: Int, in era: Era) -> Int {
        let entry = tables.careers.templates[template]
        if entry.exists(in: era) { return template }
        if era == .current { return entry.successor ?? template }
        return entry.predecessors.isEmpty ? template : entry.predecessors[random.below(entry.predecessors.count)]
    }

    /// The era a post ending in month `to` (nil: current) is named in, for a template's level.
    func era(of template: Int, endingIn to: Int?) -> Era {
        guard let to else { return .current }
        return to < Reform.month(for: tables.careers.templates[template].level) ? .legacy : .current
    }

    /// The post to hold in `era` at `template` after holding `position`: the same post when the
    /// track has it in that era, else a post of at most the same rank.
    mutating func fittingPosition(_ position: Int, template: Int, era: Era) -> Int {
        let track = tables.careers.templates[template].track
        if tables.careers.tracks[track].positions[era.rawValue].contains(position) { return position }
        return pickPosition(track: track, era: era, maxRank: tables.careers.positions[position].rank)
    }
}
