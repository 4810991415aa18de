import ArgumentParser
import Foundation
import HosoEngine
import HosoStore

/// `--data-key-file FILE`: the key that seals restricted fields at rest (DESIGN §3).
///
/// Without it, `HOSO_DATA_KEY` (base64) and then the development key file `<db>.data-key` are
/// tried (`DataKeySource`).
struct DataKeyOption: ParsableArguments {
    @Option(
        name: .customLong("data-key-file"),
        help: ArgumentHelp(
            "File holding the data key (base64 of 32 bytes) that encrypts restricted fields at rest.",
            discussion: "Default: $HOSO_DATA_KEY, then <db>.data-key beside the database (created for a new database).",
            valueName: "file"))
    var dataKeyFile: String?

    /// The key for the database in `directory`; notes go to standard error.
    ///
    /// - Parameter create: whether a development key may be created for a new database.
    func key(database directory: String, create: Bool) throws -> DataKey? {
        try DataKeySource.resolve(file: dataKeyFile, database: directory, createForNewDatabase: create) { note in
            FileHandle.standardError.write(Data("hoso: \(note)\n".utf8))
        }
    }
}
