import ArgumentParser
import HosoEngine
import HosoModel
import HosoStore

/// `hoso keys create|list|revoke|rotate-data-key`: API keys, stored only as hashes, and the data key (DESIGN §3).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self, RotateDataKey.self]
    )

    /// `hoso keys create`: prints the secret once.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key and print its secret (shown once; only a hash is stored).")

        @Option(help: "The database directory.") var db: String
        @Option(help: "officer, recruiter, agency, self or admin.") var role: String
        @Option(help: "Access level 0–3 (default and maximum: the role's).") var level: Int?
        @Option(help: "Agency code (agency keys).") var agency: String?
        @Option(help: "Record id (self keys).") var person: String?
        @Option(help: "A label for the key.") var name: String?
        @Option(help: "Requests per second (default: the role's).") var rate: Double?
        @Option(help: "Requests per UTC day (default: the role's).") var quota: Int?
        @Flag(help: "No rate limit and no quota (load tests).") var unlimited = false

        func run() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("unknown role \(role); expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var accessLevel: AccessLevel?
            if let level {
                guard let parsed = AccessLevel(number: level) else { throw ValidationError("--level must be 0, 1, 2 or 3") }
                accessLevel = parsed
            }
            let store = try RecordStore(directory: db)
            let keys = try KeyStore(store: store)
            let request = KeyRequest(
                role: role, level: accessLevel, agency: agency, person: person, name: name, rate: rate, dailyQuota: quota,
                unlimited: unlimited)
            let (key, secret) = try keys.create(request)
            try AuditLog(store: store).appendNow([KeysCommand.event("create", key)])
            print("created \(key.id): \(KeysCommand.summary(key))")
            print("secret (shown once; store it now):")
            print(secret)
        }
    }

    /// `hoso keys list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never their secrets).")

        @Option(help: "The database directory.") var db: String

        func run() throws {
            let keys = try KeyStore(store: try RecordStore(directory: db)).list()
            if keys.isEmpty {
                print("no keys")
                return
            }
            for key in keys {
                print("\(key.id)  \(key.isRevoked ? "revoked" : "valid  ")  \(KeysCommand.summary(key))")
            }
        }
    }

    /// `hoso keys revoke ID`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a key; a running server refuses it within a quarter of a second.")

        @Option(help: "The database directory.") var db: String
        @Argument(help: "The key id (k_…).") var id: String

        func run() throws {
            let store = try RecordStore(directory: db)
            let key = try KeyStore(store: store).revoke(id: id)
            try AuditLog(store: store).appendNow([KeysCommand.event("revoke", key)])
            print("revoked \(key.id)")
        }
    }

    /// One line describing a key.
    static func summary(_ key: APIKey) -> String {
        var parts = ["role=\(key.role)", "level=\(key.level.number)"]
        if let agency = key.agency { parts.append("agency=\(agency)") }
        if let person = key.person { parts.append("person=\(person)") }
        parts.append(key.rate.map { "rate=\(format($0))/s" } ?? "rate=unlimited")
        parts.append(key.dailyQuota.map { "quota=\($0)/day" } ?? "quota=unlimited")
        parts.append("created=\(Timestamp.rfc3339(milliseconds: key.createdAt * 1000))")
        if let revoked = key.revokedAt { parts.append("revoked=\(Timestamp.rfc3339(milliseconds: revoked * 1000))") }
        if let name = key.name { parts.append("name=\"\(name)\"") }
        return parts.joined(separator: " ")
    }

    static func format(_ rate: Double) -> String {
        rate == rate.rounded() ? String(Int(rate)) : String(rate)
    }

    /// The audit entry of a key change made from the command line.
    static func event(_ action: String, _ key: APIKey) -> AuditEvent {
        AuditEvent(
            kind: .key, time: WallClock.milliseconds(), keyID: "-", role: "cli",
            parameters: "\(action) \(key.id) \(summary(key))")
    }
}
