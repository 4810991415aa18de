/// Kinh name parts of one gender, with their weights.
struct GenderNames: Sendable {
    let surnames: [Bytes]
    let surnameChoice: WeightedChoice
    /// Middle names before a one-syllable given name; an empty entry means none.
    let middles: [Bytes]
    let middleChoice: WeightedChoice
    /// Middle names allowed before a two-syllable given name (Thị, Văn, none).
    let compoundMiddles: [Bytes]
    let compoundMiddleChoice: WeightedChoice
    /// Middle names that are not empty, for minority patterns with `{kinh_middle}`.
    let nonEmptyMiddleChoice: WeightedChoice
    let givens: [Bytes]
    let givenChoice: WeightedChoice
    /// Whether `givens[i]` has two syllables.
    let givenIsCompound: [Bool]
    /// One-syllable given names only, for `{kinh_given}`.
    let singleGivenChoice: WeightedChoice
}

/// One piece of an ethnic-minority name pattern.
enum NamePart: Sendable {
    case literal(Bytes)
    case surname
    case given
    case kinhMiddle
    case kinhGiven
}

/// The name patterns and parts of one ethnic-minority naming group.
struct MinorityNaming: Sendable {
    /// Patterns per gender (0 male, 1 female) and their weights.
    let patterns: [[[NamePart]]]
    let patternChoice: [WeightedChoice]
    let surnames: [Bytes]
    let surnameChoice: WeightedChoice
    /// Given names per gender.
    let givens: [[Bytes]]
    let givenChoice: [WeightedChoice]
}

/// An ethnic group: its share, naming, home provinces and religions.
struct Ethnicity: Sendable {
    let name: Bytes
    /// Index into `NameTables.namings`, or nil for Kinh names.
    let naming: Int?
    /// Old-province indices the group mostly comes from; empty means anywhere.
    let home: [Int]
    let religions: [Bytes]
    let religionChoice: WeightedChoice
}

/// The name tables: generator-surnames, -middle-names, -given-names, -ethnicities,
/// -minority-names.
struct NameTables: Sendable {
    /// Kinh name parts by gender: 0 male, 1 female.
    let genders: [GenderNames]
    let ethnicities: [Ethnicity]
    let ethnicityChoice: WeightedChoice
    let namings: [MinorityNaming]
    /// The Kinh share of people per 10 000 (generator-ethnicities.tsv), for tests of the surname shares.
    let kinhShare: Int
    /// Surname shares per 10 000 people, as in generator-surnames.tsv.
    let surnameShares: [(surname: String, share: Int)]
}

/// Reads a weighted list, optionally filtered, into texts and a choice.
func weightedRows(
    _ table: TSVTable, text: String, weight: String, where keep: ([Substring]) -> Bool = { _ in true }
) throws(GeneratorError) -> (texts: [Bytes], weights: [Int], choice: WeightedChoice) {
    var texts: [Bytes] = []
    var weights: [Int] = []
    for row in table.rows where keep(row.fields) {
        let value = row.fields[table.column(text)]
        texts.append(value == "-" ? [] : Bytes(value.utf8))
        weights.append(try table.integer(row.fields[table.column(weight)], line: row.line, column: weight))
    }
    let choice = WeightedChoice(weights)
    guard !choice.isEmpty else { throw .badTable(name: table.name, line: 0, reason: "no row with a positive weight") }
    return (texts, weights, choice)
}

/// The gender value of a table row: `male`, `female` or `any`.
func genderMatches(_ value: Substring, _ gender: Int) -> Bool {
    value == "any" || value == (gender == 0 ? "male" : "female")
}
