import ArgumentParser
import HosoEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hoso ingest FILE… --db DIR`: loads NDJSON records into LMDB (DESIGN §6).
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load NDJSON person records into a database.",
        discussion: """
            Lines are validated (DESIGN §2) and legacy text is repaired; bad lines are written with \
            their file, line number and reason to the rejects file and the rest still load. Records \
            whose stored version is the same or higher are skipped, so ingesting a file again \
            changes nothing.
            """
    )

    @Argument(help: "NDJSON files, one record per line.") var files: [String]
    @Option(help: "The database directory (created if missing).") var db: String
    @Option(help: "Where rejected lines go (default: <db>/rejects.ndjson).") var rejects: String?
    @Option(help: "Input lines per write transaction.") var batch: Int = IngestOptions.defaultBatchSize
    @OptionGroup var dataKey: DataKeyOption
    @Flag(
        name: .customLong("unencrypted-for-comparison"),
        help: ArgumentHelp("Write a new database without encryption at rest (only to measure its cost; never for real data).", visibility: .hidden))
    var unencrypted = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one NDJSON file") }
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        let key = unencrypted ? nil : try dataKey.key(database: db, create: true)
        let options = IngestOptions(files: files, database: db, rejects: rejects, batchSize: batch, dataKey: key)
        let terminal = isatty(STDOUT_FILENO) != 0
        var lastLine = 0.0
        let summary = try Ingest.run(options) { progress in
            if terminal {
                print("\r\u{1B}[2K" + progress.bar(), terminator: "")
                fflush(nil)
            } else if progress.summary.seconds - lastLine >= 5 {
                print(progress.line)
                fflush(nil)
                lastLine = progress.summary.seconds
            }
        }
        if terminal { print() }
        print(summary.report)
        for sample in summary.rejectSamples { print("rejected \(sample.file):\(sample.line): \(sample.reason)") }
        if summary.rejected > summary.rejectSamples.count {
            print("… and \(summary.rejected - summary.rejectSamples.count) more")
        }
        if summary.rejected > 0 { print("rejected lines are in \(options.rejectsPath)") }
    }
}
