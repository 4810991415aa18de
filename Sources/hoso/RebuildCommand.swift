import ArgumentParser
import Foundation
import HosoEngine
import HosoStore

/// `hoso rebuild --db DIR`: rebuilds the persisted index from LMDB.
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild the search index of a database from its records (LMDB is the source of truth)."
    )

    @Option(help: "The database directory.") var db: String
    @OptionGroup var dataKey: DataKeyOption

    func run() throws {
        let store = try RecordStore(directory: db, dataKey: try dataKey.key(database: db, create: false))
        let snapshot = try IndexLifecycle.rebuild(store: store, directory: db) { print("hoso: \($0)") }
        print("index: \(snapshot.recordCount) records, \(snapshot.byteSize / max(1, snapshot.recordCount)) bytes per record in memory")
    }
}
