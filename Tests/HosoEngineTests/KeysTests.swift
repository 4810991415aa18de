import Foundation
import HosoModel
import HosoStore
import Testing
import TestSupport

@testable import HosoEngine

/// API keys: hashed at rest, roles and limits validated, revocation effective at once.
@Suite struct KeysTests {
    static func withStore<R>(_ body: (RecordStore, TemporaryDirectory) throws -> R) throws -> R {
        let dir = try TemporaryDirectory(prefix: "hoso-keys")
        defer { dir.remove() }
        return try body(try RecordStore(directory: dir.path), dir)
    }

    @Test func createAuthenticateListRevoke() throws {
        try Self.withStore { store, _ in
            let keys = try KeyStore(store: store)
            let (key, secret) = try keys.create(KeyRequest(role: .officer, name: "desk 1"))
            #expect(key.id.hasPrefix("k_") && key.id.utf8.count == 18)
            #expect(secret.hasPrefix(key.id + "."))
            #expect(KeySecret.decode(String(secret.dropFirst(key.id.count + 1)))?.count == 32, "256 random bits")
            #expect(key.level == .restricted && key.rate == Role.officer.defaultRate && key.dailyQuota == Role.officer.defaultDailyQuota)
            #expect(keys.authenticate(secret: secret) == key)
            #expect(keys.authenticate(secret: secret + "x") == nil)
            #expect(keys.authenticate(secret: key.id) == nil)
            #expect(try keys.list().map(\.id) == [key.id])

            try keys.revoke(id: key.id)
            #expect(keys.authenticate(secret: secret) == nil, "revocation is immediate in the revoking process")
            #expect(try keys.list().first?.isRevoked == true)
            #expect(throws: KeyError.notFound(id: "k_missing")) { try keys.revoke(id: "k_missing") }
            // A second store on the same database reads the same keys.
            #expect(try KeyStore(store: store).list().first?.revokedAt != nil)
        }
    }

    @Test func secretsAreNeverWrittenToTheDatabaseFile() throws {
        try Self.withStore { store, dir in
            let keys = try KeyStore(store: store)
            var secrets: [String] = []
            for role in Role.allCases {
                let request = KeyRequest(role: role, agency: role == .agency ? "G10" : nil, person: role == .personal ? "HS1" : nil)
                secrets.append(try keys.create(request).secret)
            }
            try store.environment.sync()
            let file = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/data.mdb"))
            let bytes = [UInt8](file)
            for secret in secrets {
                let random = String(secret.split(separator: ".")[1])
                #expect(!Body.contains(bytes, secret))
                #expect(!Body.contains(bytes, random), "the random part of a secret is in data.mdb")
                let raw = KeySecret.decode(random) ?? []
                #expect(!bytes.contains(raw), "the raw secret bytes are in data.mdb")
                #expect(bytes.contains(KeySecret.hash(secret)), "the hash should be stored")
            }
        }
    }

    @Test func revocationReachesAnotherKeyStoreWithinASecond() async throws {
        let dir = try TemporaryDirectory(prefix: "hoso-keys")
        defer { dir.remove() }
        let (server, cli) = try Self.twoStores(dir.path)
        let (key, secret) = try cli.create(KeyRequest(role: .recruiter))
        // The server learns about a key created elsewhere on its first miss.
        try await Task.sleep(for: .milliseconds(30))
        #expect(server.authenticate(secret: secret)?.id == key.id)
        try cli.revoke(id: key.id)
        let start = ContinuousClock.now
        while server.authenticate(secret: secret) != nil {
            #expect(ContinuousClock.now - start < .seconds(1), "still valid a second after revocation")
            if ContinuousClock.now - start >= .seconds(1) { break }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    static func twoStores(_ path: String) throws -> (KeyStore, KeyStore) {
        let store = try RecordStore(directory: path)
        return (try KeyStore(store: store), try KeyStore(store: store))
    }

    @Test(arguments: [
        (KeyRequest(role: .recruiter, level: .restricted), "above the highest level"),
        (KeyRequest(role: .agency), "needs --agency"),
        (KeyRequest(role: .officer, agency: "G10"), "only to agency keys"),
        (KeyRequest(role: .personal), "needs --person"),
        (KeyRequest(role: .personal, person: "bad id!"), "person id"),
        (KeyRequest(role: .admin, person: "HS1"), "only to self keys"),
        (KeyRequest(role: .officer, rate: 5, unlimited: true), "excludes"),
        (KeyRequest(role: .officer, rate: 0), "rate"),
        (KeyRequest(role: .officer, dailyQuota: 0), "quota"),
        (KeyRequest(role: .agency, agency: "has space"), "agency code"),
    ])
    func inconsistentRequestsAreRefused(request: KeyRequest, reason: String) throws {
        try Self.withStore { store, _ in
            let keys = try KeyStore(store: store)
            do {
                _ = try keys.create(request)
                Issue.record("created a key for \(request)")
            } catch {
                guard let error = error as? KeyError, case .invalid(let message) = error else { Issue.record("unexpected \(error)"); return }
                #expect(message.contains(reason), "\(message)")
            }
            #expect(try keys.list().isEmpty)
        }
    }

    @Test func limitsAndLevelsAreStoredAsGiven() throws {
        try Self.withStore { store, _ in
            let keys = try KeyStore(store: store)
            let load = try keys.create(KeyRequest(role: .officer, level: .internal, unlimited: true)).key
            #expect(load.rate == nil && load.dailyQuota == nil && load.level == .internal)
            let slow = try keys.create(KeyRequest(role: .personal, person: "HS0000000001", name: "Nguyễn Văn An", rate: 0.5, dailyQuota: 7)).key
            let reread = try KeyStore(store: store).list()
            #expect(reread.contains(load))
            #expect(reread.contains(slow))
            #expect(reread.first { $0.id == slow.id }?.person == "HS0000000001")
        }
    }
}
