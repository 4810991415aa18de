import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every failure an LMDB call can report, one case per `MDB_*` code.
///
/// All LMDB calls in HosoStore go through `LMDBError.check(_:)`, the one place that turns a return
/// code into an error.
public enum LMDBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `MDB_KEYEXIST`: a put with `noOverwrite` (or `noDuplicateData`) found the key (pair) already stored.
    case keyExists
    /// `MDB_NOTFOUND`: the key is absent or a cursor moved past the end; wrappers turn it into `nil`/`false`.
    case notFound
    /// `MDB_PAGE_NOTFOUND`: a page the tree points to is missing — the file is corrupt or truncated.
    case pageNotFound
    /// `MDB_CORRUPTED`: a page has the wrong type — the file is corrupt.
    case corrupted
    /// `MDB_PANIC`: writing the meta page failed earlier; the environment must be closed and reopened.
    case panic
    /// `MDB_VERSION_MISMATCH`: the file was written by an incompatible LMDB version.
    case versionMismatch
    /// `MDB_INVALID`: the file is not an LMDB database.
    case invalid
    /// `MDB_MAP_FULL`: the map size is reached; `Environment.write` grows the map and retries.
    case mapFull
    /// `MDB_DBS_FULL`: more named databases were opened than `Options.maxDatabases`.
    case databasesFull
    /// `MDB_READERS_FULL`: more concurrent read transactions than `Options.maxReaders`.
    case readersFull
    /// `MDB_TLS_FULL`: too many thread-local keys (Windows only).
    case tlsFull
    /// `MDB_TXN_FULL`: one write transaction dirtied too many pages; commit in smaller batches.
    case transactionFull
    /// `MDB_CURSOR_FULL`: the tree is deeper than a cursor can follow (internal error).
    case cursorFull
    /// `MDB_PAGE_FULL`: a page had no room for a node (internal error).
    case pageFull
    /// `MDB_MAP_RESIZED`: another process grew the map; `Environment` adopts the new size and retries.
    case mapResized
    /// `MDB_INCOMPATIBLE`: a database was opened with flags that differ from how it was created.
    case incompatible
    /// `MDB_BAD_RSLOT`: a reader slot was reused wrongly (a read transaction used across threads without `MDB_NOTLS`).
    case badReaderSlot
    /// `MDB_BAD_TXN`: the transaction already failed, has a child, or was used after it ended.
    case badTransaction
    /// `MDB_BAD_VALSIZE`: a key is empty or longer than 511 bytes, or a value has the wrong size.
    case badValueSize
    /// `MDB_BAD_DBI`: a database handle was used after it was closed or changed.
    case badDatabase
    /// A system error (`errno`), e.g. `ENOENT` (no such directory), `EACCES`, `ENOSPC`, `ENOMEM`, `EINVAL`.
    case system(code: Int32)

    /// The error for an LMDB return code.
    ///
    /// - Parameter code: a non-zero return code from an `mdb_*` function.
    public init(_ code: Int32) {
        switch code {
        case MDB_KEYEXIST: self = .keyExists
        case MDB_NOTFOUND: self = .notFound
        case MDB_PAGE_NOTFOUND: self = .pageNotFound
        case MDB_CORRUPTED: self = .corrupted
        case MDB_PANIC: self = .panic
        case MDB_VERSION_MISMATCH: self = .versionMismatch
        case MDB_INVALID: self = .invalid
        case MDB_MAP_FULL: self = .mapFull
        case MDB_DBS_FULL: self = .databasesFull
        case MDB_READERS_FULL: self = .readersFull
        case MDB_TLS_FULL: self = .tlsFull
        case MDB_TXN_FULL: self = .transactionFull
        case MDB_CURSOR_FULL: self = .cursorFull
        case MDB_PAGE_FULL: self = .pageFull
        case MDB_MAP_RESIZED: self = .mapResized
        case MDB_INCOMPATIBLE: self = .incompatible
        case MDB_BAD_RSLOT: self = .badReaderSlot
        case MDB_BAD_TXN: self = .badTransaction
        case MDB_BAD_VALSIZE: self = .badValueSize
        case MDB_BAD_DBI: self = .badDatabase
        default: self = .system(code: code)
        }
    }

    /// The funnel: does nothing for `MDB_SUCCESS`, throws the matching error otherwise.
    ///
    /// - Parameter code: the return code of an `mdb_*` call.
    /// - Throws: `LMDBError(code)` when `code != 0`.
    @inline(__always)
    static func check(_ code: Int32) throws(LMDBError) {
        if code != MDB_SUCCESS { throw LMDBError(code) }
    }

    /// The return code this error stands for.
    public var code: Int32 {
        switch self {
        case .keyExists: MDB_KEYEXIST
        case .notFound: MDB_NOTFOUND
        case .pageNotFound: MDB_PAGE_NOTFOUND
        case .corrupted: MDB_CORRUPTED
        case .panic: MDB_PANIC
        case .versionMismatch: MDB_VERSION_MISMATCH
        case .invalid: MDB_INVALID
        case .mapFull: MDB_MAP_FULL
        case .databasesFull: MDB_DBS_FULL
        case .readersFull: MDB_READERS_FULL
        case .tlsFull: MDB_TLS_FULL
        case .transactionFull: MDB_TXN_FULL
        case .cursorFull: MDB_CURSOR_FULL
        case .pageFull: MDB_PAGE_FULL
        case .mapResized: MDB_MAP_RESIZED
        case .incompatible: MDB_INCOMPATIBLE
        case .badReaderSlot: MDB_BAD_RSLOT
        case .badTransaction: MDB_BAD_TXN
        case .badValueSize: MDB_BAD_VALSIZE
        case .badDatabase: MDB_BAD_DBI
        case .system(let code): code
        }
    }

    /// LMDB's own message for the code, e.g. "MDB_MAP_FULL: Environment mapsize limit reached".
    public var description: String {
        guard let message = mdb_strerror(code) else { return "LMDB error \(code)" }
        return String(cString: message)
    }
}
