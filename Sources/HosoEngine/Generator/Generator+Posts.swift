extension GenerationContext {
    /// Fills `plan.jobs` with 1–6 posts ending in `last`, oldest first.
    ///
    /// Going back in time from the last post, each earlier post is either at the same agency (a
    /// lower or equal post: promotions) or at another agency of a track people come from
    /// (generator-tracks.tsv `earlier`), usually in the same province. Posts that ended before the
    /// 2025 reorganisation are named as bodies were then (pre-2025 ministries and provinces, with
    /// districts). Half of the last posts that span the reorganisation are split in two at it: the
    /// body under its old name, then under its new one.
    mutating func planPosts(last: Job, careerStart: Int, lastMonth: Int) {
        let careers = tables.careers
        let span = lastMonth - careerStart
        // Staff change posts less often than people who are promoted.
        let rank = careers.positions[last.position].rank
        let most = rank == 0 ? min(4, 1 + span / 60) : min(6, 1 + span / 36 + rank)
        let wanted = min(1 + random.below(most), span + 1)
        var starts: [Int] = [careerStart]
        while starts.count < wanted {
            let month = careerStart + 1 + random.below(max(1, span))
            if month <= lastMonth && !starts.contains(month) { starts.append(month) }
        }
        starts.sort()

        var job = last
        job.from = starts[starts.count - 1]
        job.era = era(of: job.template, endingIn: job.to)
        if job.era == .legacy {
            job.template = resolve(job.template, in: .legacy)
            job.position = fittingPosition(job.position, template: job.template, era: .legacy)
        }
        plan.jobs.append(job)
        var index = starts.count - 2
        while index >= 0 {
            let next = plan.jobs[plan.jobs.count - 1]
            let to = starts[index + 1] - 1
            let nextRank = careers.positions[next.position].rank
            var earlier = next
            earlier.from = starts[index]
            earlier.to = to
            let nextTrack = careers.templates[next.template].track
            let sources = careers.tracks[nextTrack].earlier
            let movedTrack = sources.isEmpty ? nextTrack : sources[random.below(sources.count)]
            let guessEra: Era = to < Reform.provinces ? .legacy : .current
            let fromTrack = careers.tracks[movedTrack].templates[guessEra.rawValue].isEmpty ? nextTrack : movedTrack
            let pool = careers.tracks[fromTrack].templates[guessEra.rawValue]
            if !pool.isEmpty && (nextRank == 0 || random.chance(perMille: 450)) {
                // Moved here from another agency.
                var template = pool[careers.tracks[fromTrack].templateChoice[guessEra.rawValue].pick(&random)]
                earlier.era = era(of: template, endingIn: to)
                template = resolve(template, in: earlier.era)
                earlier.template = template
                let level = careers.templates[template].level
                let province = tables.places.oldProvince(of: next.location)
                earlier.location =
                    level == .central || random.chance(perMille: 300)
                    ? agencyLocation(level, near: province) : tables.places.location(in: province, &random)
                earlier.position = pickPosition(track: careers.templates[template].track, era: earlier.era, maxRank: nextRank)
            } else {
                // Promoted at the same agency: the earlier post ranked lower (or, with nowhere to
                // come from, the same post under the era's name).
                earlier.era = era(of: next.template, endingIn: to)
                earlier.template = resolve(next.template, in: earlier.era)
                let track = careers.templates[earlier.template].track
                earlier.position = pickPosition(track: track, era: earlier.era, maxRank: max(0, nextRank - 1))
            }
            plan.jobs.append(earlier)
            index -= 1
        }
        plan.jobs.reverse()
        splitAtReform()
    }

    /// Splits the last post in two at the reorganisation when it spans it (half of the time, and
    /// only when the name changes): the old name until the month before, the new one from then.
    mutating func splitAtReform() {
        guard plan.jobs.count < 6, var last = plan.jobs.last, last.era == .current else { return }
        let entry = tables.careers.templates[last.template]
        let reform = Reform.month(for: entry.level)
        guard last.from < reform, (last.to ?? Int.max) >= reform, random.chance(perMille: 500) else { return }
        let legacyTemplate = resolve(last.template, in: .legacy)
        let places = tables.places
        let renamed: Bool
        switch entry.level {
        case .central, .school: renamed = legacyTemplate != last.template
        case .province:
            let old = places.oldProvinces[places.oldProvince(of: last.location)]
            renamed = legacyTemplate != last.template || !old.code.elementsEqual(places.newProvinces[old.newProvince].code)
        case .district, .commune: renamed = true
        }
        guard renamed else { return }
        var before = last
        before.template = legacyTemplate
        before.era = .legacy
        before.to = reform - 1
        before.position = fittingPosition(last.position, template: legacyTemplate, era: .legacy)
        last.from = reform
        plan.jobs[plan.jobs.count - 1] = before
        plan.jobs.append(last)
    }

    /// Adds a master's degree (more often for leaders), political theory (most leaders) and
    /// state-management courses, in date order after the first degree.
    mutating func planCourses(field: Int, careerStart: Int, lastMonth: Int) {
        let training = tables.careers.training
        let rank = tables.careers.positions[plan.jobs[plan.jobs.count - 1].position].rank
        let active = plan.status == PlannedStatus.active
        let province = tables.places.oldProvince(of: plan.jobs[plan.jobs.count - 1].location)
        let chances: [(TrainingKind, Int)] = [
            (.master, rank >= 1 ? 350 : 120),
            (.politics, rank >= 2 ? 750 : rank == 1 ? 300 : 30),
            (.course, 250),
        ]
        for (kind, perMille) in chances {
            let rows = training.byKind[kind.rawValue][field]
            guard !rows.choice.isEmpty, random.chance(perMille: perMille) else { continue }
            let row = rows.rows[rows.choice.pick(&random)]
            let length = max(3, training.rows[row].years * 12)
            let earliest = careerStart + 12
            guard earliest <= lastMonth - 1 else { continue }
            let from = random.int(in: earliest...(lastMonth - 1))
            var to: Int? = from + length - 1
            if let end = to, end > lastMonth {
                guard active, from <= asOfMonth else { continue }
                to = end > asOfMonth ? nil : end
            }
            plan.courses.append(
                Course(row: row, from: from, to: to, province: province, era: from < Reform.provinces ? .legacy : .current))
        }
        plan.courses.sort { $0.from < $1.from }
    }
}
