extension GenerationContext {
    /// Draws the full name (family – middle – given, or the ethnic group's pattern) and, for about
    /// 3 % of people, another name they have used.
    mutating func planName() {
        let naming = tables.names.ethnicities[plan.ethnicity].naming
        var name = Bytes()
        var surname: Bytes?
        swap(&name, &plan.fullName)
        if let naming {
            appendMinorityName(tables.names.namings[naming], to: &name)
        } else {
            surname = appendKinhName(to: &name, surname: nil)
        }
        swap(&name, &plan.fullName)
        guard random.chance(perMille: 30) else { return }
        swap(&name, &plan.otherName)
        if let naming {
            appendMinorityName(tables.names.namings[naming], to: &name)
        } else {
            // Same family name, another middle and given name (a birth name or a name used before).
            appendKinhName(to: &name, surname: surname)
        }
        swap(&name, &plan.otherName)
    }

    /// Appends a Kinh name: surname, a middle name fitting the given name's length, given name.
    /// - Parameter surname: the family name to use, or nil to draw one.
    /// - Returns: the family name written.
    @discardableResult
    mutating func appendKinhName(to name: inout Bytes, surname: Bytes?) -> Bytes {
        let names = tables.names.genders[plan.gender]
        let family = surname ?? names.surnames[names.surnameChoice.pick(&random)]
        name.append(contentsOf: family)
        let given = names.givenChoice.pick(&random)
        let middle =
            names.givenIsCompound[given]
            ? names.compoundMiddles[names.compoundMiddleChoice.pick(&random)]
            : names.middles[names.middleChoice.pick(&random)]
        if !middle.isEmpty {
            name.append(UInt8(ascii: " "))
            name.append(contentsOf: middle)
        }
        name.append(UInt8(ascii: " "))
        name.append(contentsOf: names.givens[given])
        return family
    }

    /// Appends a name built from one of the group's patterns for the person's gender.
    mutating func appendMinorityName(_ naming: MinorityNaming, to name: inout Bytes) {
        let gender = plan.gender
        let kinh = tables.names.genders[gender]
        let pattern = naming.patterns[gender][naming.patternChoice[gender].pick(&random)]
        for part in pattern {
            switch part {
            case .literal(let text): name.append(contentsOf: text)
            case .surname: name.append(contentsOf: naming.surnames[naming.surnameChoice.pick(&random)])
            case .given: name.append(contentsOf: naming.givens[gender][naming.givenChoice[gender].pick(&random)])
            case .kinhMiddle: name.append(contentsOf: kinh.middles[kinh.nonEmptyMiddleChoice.pick(&random)])
            case .kinhGiven: name.append(contentsOf: kinh.givens[kinh.singleGivenChoice.pick(&random)])
            }
        }
    }
}
