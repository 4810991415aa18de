import ArgumentParser
import HosoEngine
import HosoStore

/// `hoso quality --db DIR`: the data-quality report (đúng, đủ, sạch, sống) per source agency.
struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Check the data quality of a database: đúng, đủ, sạch, sống per source agency.",
        discussion: """
            One pass over every record: đúng (national id layout against the birth-registration \
            province, century and gender digit and birth year; plausible dates), đủ (required fields \
            present), sạch (duplicate national ids; probable duplicate persons: same folded name, \
            birth date and hometown), sống (updated within 12 months; status consistent with the \
            work history). Prints a table, or with --json the body of GET /v1/quality.
            """)

    @Option(help: "The database directory.") var db: String
    @Option(help: "Example ids kept per problem (1–100).") var examples = 5
    @Flag(help: "Print JSON (as GET /v1/quality) instead of a table.") var json = false
    @OptionGroup var dataKey: DataKeyOption

    func validate() throws {
        guard (1...100).contains(examples) else { throw ValidationError("--examples must be from 1 to 100") }
    }

    func run() throws {
        let store = try RecordStore(directory: db, dataKey: try dataKey.key(database: db, create: false))
        let report = try QualityScan.run(store: store, now: WallClock.milliseconds(), examples: examples)
        if json {
            print(String(decoding: report.json(), as: UTF8.self))
        } else {
            print(report.text())
        }
    }
}
