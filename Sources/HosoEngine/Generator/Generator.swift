/// A calendar day, as given to `hoso generate --as-of`.
public struct CalendarDay: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// - Returns: nil unless the values form a real date between 2000 and 2100.
    public init?(year: Int, month: Int, day: Int) {
        guard (2000...2100).contains(year), (1...12).contains(month),
            (1...CalendarMath.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        CalendarMath.padded(year, 4) + "-" + CalendarMath.padded(month, 2) + "-" + CalendarMath.padded(day, 2)
    }

    /// Months since year 0 (`year * 12 + month - 1`), the unit of career arithmetic.
    var monthIndex: Int { year * 12 + month - 1 }
}

/// Deterministic synthetic person records in the NDJSON shape of DESIGN §2 (`hoso generate`).
///
/// Record `i` depends only on the seed, `asOf` and `i`: names with real surname frequencies in
/// family–middle–given order (and ethnic-minority patterns), hometowns on the 2025 and pre-2025
/// maps, careers across agencies that exist in shape, training, CCCD numbers consistent with birth
/// year and gender, and a share of abbreviated, all-caps, NFD and legacy-encoded text. National ids
/// are made unique across a file while it is written, so the same count and seed always give the
/// same bytes. The reference lists are the committed `data/tables/generator-*.tsv` files.
public struct PeopleGenerator: Sendable {
    /// The default reference day: `updated_at` falls within the three years before it, and careers
    /// run up to it. Fixed, so that output does not depend on the clock.
    public static let defaultAsOf = CalendarDay(year: 2026, month: 11, day: 1)!

    public let seed: UInt64
    public let asOf: CalendarDay
    let tables: GeneratorTables

    /// Loads the reference tables.
    /// - Parameters:
    ///   - seed: any value; the same seed gives the same records.
    ///   - asOf: the reference day (see `defaultAsOf`).
    /// - Throws: `GeneratorError.missingTable` / `.badTable` when a reference table is missing or wrong.
    public init(seed: UInt64, asOf: CalendarDay = PeopleGenerator.defaultAsOf) throws(GeneratorError) {
        self.seed = seed
        self.asOf = asOf
        tables = try GeneratorTables.shared()
    }

    /// Record `index` as one NDJSON line (no newline), before national ids are made unique
    /// across a file: identical to the file's line except in the rare case of a colliding id.
    public func line(_ index: Int) -> String {
        var context = GenerationContext(generator: self)
        _ = context.appendRecord(index)
        return String(decoding: context.out, as: UTF8.self)
    }
}

/// All reference tables, loaded once per process.
final class GeneratorTables: Sendable {
    let places: PlaceTables
    let names: NameTables
    let careers: CareerTables
    /// Old-province indices of Hà Nội and Thành phố Hồ Chí Minh, where central bodies sit.
    let capital: Int
    let southernCapital: Int

    private init() throws(GeneratorError) {
        places = try PlaceTables.load()
        names = try NameTables.load(places: places)
        careers = try CareerTables.load()
        guard let capital = places.oldProvince(cccd: "001"), let southern = places.oldProvince(cccd: "079") else {
            throw .badTable(name: "cccd-provinces.tsv", line: 0, reason: "Hà Nội (001) and Hồ Chí Minh (079) are required")
        }
        self.capital = capital
        southernCapital = southern
    }

    private static let loaded: Result<GeneratorTables, GeneratorError> = Result { () throws(GeneratorError) in
        try GeneratorTables()
    }

    /// The tables, read from `data/tables` on first use.
    static func shared() throws(GeneratorError) -> GeneratorTables { try loaded.get() }
}

/// Date helpers on plain integers (no Foundation in the generator's loops).
enum CalendarMath {
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `value` in decimal, zero-padded to `width`.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
