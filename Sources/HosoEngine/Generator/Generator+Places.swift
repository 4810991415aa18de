extension GenerationContext {
    /// Draws the hometown, how it is written, and the CCCD birth-registration province and serial.
    ///
    /// Provinces are population-weighted, except that most people of an ethnic minority come from
    /// the group's home provinces. 80 % of hometowns are written on the 2025 map, 20 % on the
    /// pre-2025 map with a district; about one in eight is a plain string. Some pre-2025 hometowns
    /// use an older name still in use when the person was born (Tỉnh Hà Tây). Birth registration is
    /// the hometown province for three people in four.
    mutating func planHometown() {
        let places = tables.places
        let home = tables.names.ethnicities[plan.ethnicity].home
        let province = !home.isEmpty && random.chance(perMille: 850)
            ? home[random.below(home.count)]
            : places.byPopulation.pick(&random)
        plan.home = places.location(in: province, &random)
        let bare = random.chance(perMille: 200)
        plan.olderProvince = false
        plan.olderDistrict = false
        if random.chance(perMille: 800) {
            plan.hometownForm = random.chance(perMille: 80) ? .text(.current, bare: bare) : .current(bare: bare)
        } else {
            plan.hometownForm = random.chance(perMille: 300) ? .text(.legacy, bare: bare) : .legacy(bare: bare)
            let commune = places.legacyCommunes[Int(plan.home)]
            if commune.olderProvince >= 0 && plan.birthYear <= places.older[Int(commune.olderProvince)].until {
                plan.olderProvince = random.chance(perMille: 400)
            }
            if commune.olderDistrict >= 0 && plan.birthYear <= places.older[Int(commune.olderDistrict)].until {
                plan.olderDistrict = random.chance(perMille: 400)
            }
        }
        plan.registration = random.chance(perMille: 750) ? province : places.byPopulation.pick(&random)
        plan.nationalSerial = random.below(1_000_000)
    }

    /// Writes the hometown value: an object on either map, or one string.
    mutating func writeHometown() {
        let places = tables.places
        let commune = places.legacyCommunes[Int(plan.home)]
        let oldProvince =
            plan.olderProvince ? places.older[Int(commune.olderProvince)].name : places.oldProvinces[Int(commune.oldProvince)].name
        let district = plan.olderDistrict ? places.older[Int(commune.olderDistrict)].name : places.districts[Int(commune.district)].name
        let newCommune = places.newCommunes[Int(commune.newCommune)]
        let newProvince = places.newProvinces[Int(newCommune.newProvince)].name
        switch plan.hometownForm {
        case .current(let bare):
            raw(Keys.hometownCommune)
            text(bare ? newCommune.name.bare : newCommune.name.full)
            raw(Keys.province)
            text(bare ? newProvince.bare : newProvince.full)
            raw(Keys.closeObject)
        case .legacy(let bare):
            raw(Keys.hometownCommune)
            text(bare ? commune.name.bare : commune.name.full)
            raw(Keys.district)
            text(bare ? district.bare : district.full)
            raw(Keys.province)
            text(bare ? oldProvince.bare : oldProvince.full)
            raw(Keys.closeObject)
        case .text(let era, let bare):
            raw(Keys.hometownText)
            scratch.removeAll(keepingCapacity: true)
            let parts =
                era == .current
                ? [bare ? newCommune.name.bare : newCommune.name.full, bare ? newProvince.bare : newProvince.full]
                : [
                    bare ? commune.name.bare : commune.name.full, bare ? district.bare : district.full,
                    bare ? oldProvince.bare : oldProvince.full,
                ]
            for (index, part) in parts.enumerated() {
                if index > 0 { scratch.append(contentsOf: Keys.commaSpace) }
                scratch.append(contentsOf: part)
            }
            textFromScratch()
        }
    }
}
