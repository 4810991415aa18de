import CLMDB

/// A position in a database, for ordered scans; lives only inside `withCursor`.
///
/// Each move returns whether it landed on an entry; `withCurrent` lends that entry's key and value.
public struct Cursor: ~Copyable {
    let handle: OpaquePointer
    private var key = MDB_val()
    private var value = MDB_val()
    private var positioned = false

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Moves to the first entry. - Returns: `false` if the database is empty.
    public mutating func first() throws(LMDBError) -> Bool { try move(MDB_FIRST) }

    /// Moves to the last entry. - Returns: `false` if the database is empty.
    public mutating func last() throws(LMDBError) -> Bool { try move(MDB_LAST) }

    /// Moves to the next entry (the first, if not yet positioned). - Returns: `false` at the end.
    public mutating func next() throws(LMDBError) -> Bool { try move(MDB_NEXT) }

    /// Moves to the previous entry. - Returns: `false` at the start.
    public mutating func previous() throws(LMDBError) -> Bool { try move(MDB_PREV) }

    /// Moves to the next value of the same key (`duplicateSort` databases). - Returns: `false` after the last.
    public mutating func nextDuplicate() throws(LMDBError) -> Bool { try move(MDB_NEXT_DUP) }

    /// Moves to the first entry whose key is `>= key`. - Returns: `false` if there is none.
    public mutating func seek(atOrAfter key: some LMDBBytes) throws -> Bool {
        try seek(key, MDB_SET_RANGE)
    }

    /// Moves to the entry whose key is exactly `key` (its first value). - Returns: `false` if absent.
    public mutating func seek(exactly key: some LMDBBytes) throws -> Bool {
        try seek(key, MDB_SET_KEY)
    }

    /// Lends the current entry to `body`; valid only inside it.
    ///
    /// - Throws: `LMDBError.notFound` if the last move did not land on an entry, or what `body` throws.
    public func withCurrent<R>(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> R) throws -> R {
        guard positioned else { throw LMDBError.notFound }
        return try body(key.bytes, value.bytes)
    }

    private mutating func move(_ operation: MDB_cursor_op) throws(LMDBError) -> Bool {
        let code = mdb_cursor_get(handle, &key, &value, operation)
        if code == MDB_NOTFOUND {
            positioned = false
            return false
        }
        try LMDBError.check(code)
        positioned = true
        return true
    }

    private mutating func seek(_ target: some LMDBBytes, _ operation: MDB_cursor_op) throws -> Bool {
        try target.withLMDBBytes { bytes in
            var probe = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            var found = MDB_val()
            let code = mdb_cursor_get(handle, &probe, &found, operation)
            if code == MDB_NOTFOUND {
                positioned = false
                return false
            }
            try LMDBError.check(code)
            key = probe  // LMDB points `probe` at the stored key
            value = found
            positioned = true
            return true
        }
    }
}

extension ReadTransaction {
    /// Visits entries in key order from `start` (or the first), until `body` returns `false`.
    ///
    /// - Parameters:
    ///   - database: the database to scan.
    ///   - start: the first key to visit (or the next one above it); `nil` for the beginning.
    ///   - body: receives lent key and value; returns whether to continue.
    public func forEach(
        in database: Database, from start: [UInt8]? = nil,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try withCursor(in: database) { cursor in
            var more = try start.map { try cursor.seek(atOrAfter: $0) } ?? (try cursor.first())
            while more {
                guard try cursor.withCurrent(body) else { return }
                more = try cursor.next()
            }
        }
    }
}
