import CLMDB
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open LMDB environment: one directory holding `data.mdb` and `lock.mdb`.
///
/// One per directory per process: `open(directory:options:)` hands back the instance already open
/// for a directory. Transactions run inside `read` and `write` closures, whose bodies must be
/// synchronous; values are lent to closures and must be copied before the transaction ends.
/// The map (the most the file may grow to) starts at `Options.mapSize` and doubles whenever a write
/// hits `MDB_MAP_FULL`; the failed transaction is then run again.
public final class Environment: @unchecked Sendable {
    // @unchecked: `handle` is an LMDB environment, which is thread-safe with MDB_NOTLS; the map
    // size is only changed under `gate`'s exclusive side, when no transaction of ours is open.

    /// How an environment is opened.
    public struct Options: Sendable {
        /// The first map size in bytes; rounded up to the file's current size. Default 1 GiB.
        public var mapSize: Int = 1 << 30
        /// Named databases that may be opened. Default 16.
        public var maxDatabases: Int = 16
        /// Concurrent read transactions across all processes. Default 256.
        public var maxReaders: Int = 256
        /// Durability of commits.
        public var sync: SyncMode = .full
        /// Open without write access (writes then fail with `EACCES`).
        public var readOnly = false

        public init() {}
    }

    /// How commits reach the disk.
    public enum SyncMode: Sendable {
        /// Each commit is flushed before it returns (LMDB's default): durable across power loss.
        case full
        /// Data pages are flushed, the meta page lazily: a power loss may undo the last commit,
        /// never corrupt the database (`MDB_NOMETASYNC`).
        case noMetaSync
        /// Nothing is flushed at commit; call `sync()` yourself. A process crash loses nothing,
        /// a power loss may lose or (without `sync()`) corrupt recent commits (`MDB_NOSYNC`).
        case none
    }

    let handle: OpaquePointer
    /// The directory holding the database files.
    public let directory: String
    private let gate: ReadWriteGate
    private let growth = Mutex<Int>(0)

    private static let registry = Mutex<[String: WeakEnvironment]>([:])

    /// Opens (creating if needed) the environment in `directory`, or returns the one this process
    /// already has open there.
    ///
    /// - Parameters:
    ///   - directory: the database directory; created if missing.
    ///   - options: map size, limits and sync mode; ignored when the environment is already open.
    /// - Returns: the environment.
    /// - Throws: `LMDBError` — `.system(ENOENT/EACCES)` for an unusable directory, `.invalid` or
    ///   `.versionMismatch` for a file that is not a usable LMDB database.
    public static func open(directory: String, options: Options = Options()) throws(LMDBError) -> Environment {
        if !options.readOnly { mkdir(directory, 0o755) }
        guard let resolved = realpath(directory, nil) else { throw LMDBError.system(code: errno) }
        let key = String(cString: resolved)
        free(resolved)
        return try registry.withLock { (open: inout [String: WeakEnvironment]) throws(LMDBError) -> Environment in
            if let existing = open[key]?.environment { return existing }
            let environment = try Environment(directory: key, options: options)
            open[key] = WeakEnvironment(environment: environment)
            return environment
        }
    }

    private init(directory: String, options: Options) throws(LMDBError) {
        var pointer: OpaquePointer?
        try LMDBError.check(mdb_env_create(&pointer))
        guard let pointer else { throw LMDBError.system(code: ENOMEM) }
        var flags = UInt32(MDB_NOTLS)
        switch options.sync {
        case .full: break
        case .noMetaSync: flags |= UInt32(MDB_NOMETASYNC)
        case .none: flags |= UInt32(MDB_NOSYNC)
        }
        if options.readOnly { flags |= UInt32(MDB_RDONLY) }
        do {
            try LMDBError.check(mdb_env_set_maxdbs(pointer, MDB_dbi(options.maxDatabases)))
            try LMDBError.check(mdb_env_set_maxreaders(pointer, UInt32(options.maxReaders)))
            try LMDBError.check(mdb_env_set_mapsize(pointer, options.mapSize))
            try LMDBError.check(mdb_env_open(pointer, directory, flags, 0o644))
        } catch {
            mdb_env_close(pointer)
            throw error
        }
        handle = pointer
        self.directory = directory
        gate = ReadWriteGate()
    }

    deinit {
        mdb_env_close(handle)
    }

    /// Opens (creating unless read-only) a named database.
    ///
    /// Call this once per name at start-up, before other threads use the environment.
    ///
    /// - Parameters:
    ///   - name: the database name.
    ///   - flags: how keys and values are stored; must match how the database was created.
    /// - Returns: a handle valid for the life of the environment.
    /// - Throws: `LMDBError.databasesFull` beyond `maxDatabases`, `.incompatible` for other flags,
    ///   `.notFound` for a missing database in a read-only environment.
    public func openDatabase(_ name: String, flags: Database.Flags = []) throws(LMDBError) -> Database {
        var readOnly: UInt32 = 0
        try LMDBError.check(mdb_env_get_flags(handle, &readOnly))
        let create = readOnly & UInt32(MDB_RDONLY) == 0
        do {
            return try writeOrRead(create: create) { txn throws(LMDBError) in
                var dbi: MDB_dbi = 0
                try LMDBError.check(mdb_dbi_open(txn, name, flags.rawValue | (create ? UInt32(MDB_CREATE) : 0), &dbi))
                var stored: UInt32 = 0
                try LMDBError.check(mdb_dbi_flags(txn, dbi, &stored))
                // LMDB 0.9 accepts other flags for an existing database; refuse them here.
                let persistent = UInt32(MDB_REVERSEKEY | MDB_DUPSORT | MDB_INTEGERKEY | MDB_DUPFIXED | MDB_INTEGERDUP | MDB_REVERSEDUP)
                guard stored & persistent == flags.rawValue & persistent else { throw LMDBError.incompatible }
                return Database(dbi: dbi, flags: flags)
            }
        } catch let error as LMDBError {
            throw error
        } catch {
            throw LMDBError.system(code: EIO)
        }
    }

    private func writeOrRead<R>(create: Bool, _ body: (OpaquePointer) throws(LMDBError) -> R) throws -> R {
        if create { return try write { txn in try body(txn.handle) } }
        return try read { txn in try body(txn.handle) }
    }

    /// Flushes committed data to disk (needed after commits in `SyncMode.none`).
    ///
    /// - Throws: `LMDBError.system` when the flush fails (e.g. `EIO`).
    public func sync() throws(LMDBError) {
        try LMDBError.check(mdb_env_sync(handle, 1))
    }

    /// Turns `MDB_NOSYNC` on or off for this process's later commits.
    ///
    /// - Parameter enabled: `true` to stop flushing at commit (then call `sync()`).
    public func setNoSync(_ enabled: Bool) throws(LMDBError) {
        try LMDBError.check(mdb_env_set_flags(handle, UInt32(MDB_NOSYNC), enabled ? 1 : 0))
    }

    /// The current map size in bytes.
    public var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }

    /// Bytes of the data file in use (last used page × page size).
    public var usedBytes: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return (info.me_last_pgno + 1) * Int(stat.ms_psize)
    }

    /// How many times this process grew the map.
    public var growthCount: Int { growth.withLock { $0 } }

    // MARK: gate for map resizing

    /// Runs `body` while holding the shared side of the resize gate (every transaction does).
    func withTransactionGate<R>(_ body: () throws -> R) rethrows -> R {
        gate.lockShared()
        defer { gate.unlockShared() }
        return try body()
    }

    /// Doubles the map (or adopts a size another process set, when `adopt` is true).
    ///
    /// Waits up to 10 s for this process's open transactions to end.
    ///
    /// - Throws: `LMDBError.mapFull` if the transactions do not end in time (e.g. a write started
    ///   inside a read on the same thread), or the error of `mdb_env_set_mapsize`.
    func growMap(adopt: Bool, from observed: Int) throws(LMDBError) {
        guard gate.lockExclusive(timeoutSeconds: 10) else { throw LMDBError.mapFull }
        defer { gate.unlockExclusive() }
        if adopt {
            try LMDBError.check(mdb_env_set_mapsize(handle, 0))
            return
        }
        let current = mapSize
        guard current == observed else { return }  // another thread grew it meanwhile
        try LMDBError.check(mdb_env_set_mapsize(handle, current * 2))
        growth.withLock { $0 += 1 }
    }
}

private struct WeakEnvironment {
    weak var environment: Environment?
}
