import ArgumentParser
import Foundation
import HosoEngine

/// `hoso generate --count N --seed S --out FILE`: realistic synthetic people as NDJSON.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write realistic synthetic person records (DESIGN §2) as NDJSON.",
        discussion: """
            Real surname frequencies in family–middle–given order, ethnic-minority names, hometowns on the \
            2025 and pre-2025 maps, careers across ministries, provincial departments, hospitals, schools and \
            communes, unique CCCD numbers, and a share of abbreviated, all-caps, NFD and legacy-encoded \
            (TCVN3, VNI, double UTF-8) text. The same count, seed and --as-of always give the same bytes.
            """
    )

    @Option(name: .long, help: "How many records to write.")
    var count: Int

    @Option(name: .long, help: "Random seed; the same seed gives the same records.")
    var seed: UInt64

    @Option(name: .long, help: "The output file (created or replaced).")
    var out: String

    @Option(name: .long, help: "Reference day YYYY-MM-DD: careers run up to it, updated_at falls in the 3 years before it.")
    var asOf: String = PeopleGenerator.defaultAsOf.description

    @Option(name: .long, help: "Generating threads (the output does not depend on it).")
    var threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    @Flag(name: .long, help: "Print only the summary.")
    var quiet = false

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more (got \(count))") }
        guard CalendarDay(asOf) != nil else { throw ValidationError("--as-of must be a date YYYY-MM-DD between 2000 and 2100 (got \(asOf))") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1–256 (got \(threads))") }
    }

    func run() throws {
        guard let day = CalendarDay(asOf) else { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
        let clock = ContinuousClock()
        let started = clock.now
        let summary: PeopleGenerator.Summary
        do {
            let generator = try PeopleGenerator(seed: seed, asOf: day)
            var progress = ProgressLine(total: count, enabled: !quiet, started: started)
            summary = try generator.write(count: count, to: out, threads: threads) { done in progress.update(done) }
            progress.finish()
        } catch {
            FileHandle.standardError.write(Data("hoso generate: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let seconds = max(1e-9, Self.seconds(clock.now - started))
        var line = "wrote \(summary.records) records, \(Self.megabytes(summary.bytes)) MB, to \(out) in "
        line += String(format: "%.1f s (%.0f records/s)", seconds, Double(summary.records) / seconds)
        if summary.reassignedIDs > 0 { line += "; \(summary.reassignedIDs) colliding national ids drawn again" }
        print(line)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}

/// Progress on standard error: a line rewritten in place on a terminal, else a line per 10 %.
struct ProgressLine {
    let total: Int
    let enabled: Bool
    let started: ContinuousClock.Instant
    private let terminal = isatty(STDERR_FILENO) == 1
    private var lastTenth = 0
    private var lastDrawn = ContinuousClock.now

    init(total: Int, enabled: Bool, started: ContinuousClock.Instant) {
        self.total = total
        self.enabled = enabled && total > 0
        self.started = started
    }

    mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let elapsed = GenerateCommand.seconds(now - started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let text = String(format: "%5.1f %%  %d/%d records  %.0f records/s  ETA %.0f s", 100 * Double(done) / Double(total), done, total, rate, eta)
        if terminal {
            guard GenerateCommand.seconds(now - lastDrawn) >= 0.2 || done == total else { return }
            lastDrawn = now
            FileHandle.standardError.write(Data(("\r" + text).utf8))
        } else {
            let tenth = done * 10 / total
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    func finish() {
        if enabled && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
