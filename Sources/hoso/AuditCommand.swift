import ArgumentParser
import HosoEngine
import HosoStore

/// `hoso audit verify|show`: the hash-chained audit log (DESIGN §3).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or read the audit log.",
        subcommands: [Verify.self, Show.self]
    )

    /// `hoso audit verify`: exit 0 if the chain holds, 1 with the first bad sequence otherwise.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain; exits 1 naming the first changed, inserted or removed entry.")

        @Option(help: "The database directory.") var db: String

        func run() throws {
            let result = try AuditVerifier.verify(store: try RecordStore(directory: db))
            if let bad = result.firstBadSequence {
                print("audit log BROKEN at sequence \(bad): \(result.reason ?? "unknown")")
                print("\(result.entries) entries before it are intact; last good hash \(result.headHash)")
                throw ExitCode(1)
            }
            print("audit log intact: \(result.entries) entries, head hash \(result.headHash)")
        }
    }

    /// `hoso audit show --subject ID | --caller KEY`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print entries about a record or by a key, newest first.")

        @Option(help: "The database directory.") var db: String
        @Option(help: "A record id: who asked for it or was shown it.") var subject: String?
        @Option(help: "A key id: what it asked.") var caller: String?
        @Option(help: "The most entries to print.") var limit = 50

        func validate() throws {
            guard (subject == nil) != (caller == nil) else { throw ValidationError("give exactly one of --subject and --caller") }
        }

        func run() throws {
            let log = try AuditLog(store: try RecordStore(directory: db))
            let filter: AuditFilter = subject.map { .subject($0) } ?? .caller(caller ?? "")
            for entry in try log.entries(matching: filter, limit: limit) {
                let e = entry.event
                print("#\(entry.sequence) \(Timestamp.rfc3339(milliseconds: e.time)) \(e.kind.rawValue) \(e.keyID) (\(e.role)) \(e.parameters) → \(e.ids.count) ids")
            }
        }
    }
}
