import ArgumentParser
import Foundation
import HosoEngine
import HosoStore

extension KeysCommand {
    /// `hoso keys rotate-data-key --db DIR --new-key-file FILE`: re-encrypts restricted fields.
    struct RotateDataKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-data-key",
            abstract: "Re-encrypt every record with a new data key and rebuild the index.",
            discussion: """
                The old key is found like any command's (--data-key-file, HOSO_DATA_KEY, <db>.data-key); \
                a database written without encryption needs none and is encrypted. Stop the server \
                first. If the run is interrupted, run it again with the same keys: until it finishes \
                the database opens only for the rotation. Afterwards start the server with the new key \
                (and move it to <db>.data-key if you use the development key file). \
                Make a new key with `head -c 32 /dev/urandom | base64 > FILE`.
                """)

        @Option(help: "The database directory.") var db: String
        @Option(name: .customLong("new-key-file"), help: "File holding the new data key (base64 of 32 bytes).") var newKeyFile: String
        @Option(help: "Records re-encrypted per write transaction.") var batch = 10_000
        @OptionGroup var dataKey: DataKeyOption

        func validate() throws {
            guard batch > 0 else { throw ValidationError("--batch must be positive") }
        }

        func run() throws {
            let new = try DataKeySource.read(file: newKeyFile)
            let old: DataKey?
            if case .encrypted(let keyID) = try RecordStore.encryptionState(directory: db), keyID == new.keyID {
                old = nil
            } else {
                old = try dataKey.key(database: db, create: false)
            }
            let summary = try DataKeyRotation.run(directory: db, from: old, to: new, batchSize: batch) { line in
                FileHandle.standardError.write(Data("hoso: \(line)\n".utf8))
            }
            print("data key \(new.keyID): \(summary.store.records) records re-encrypted, \(summary.indexed) indexed")
        }
    }
}
