import CLMDB

/// A read-only view of the database at one moment; lives only inside `Environment.read`.
///
/// Values are lent to closures and are valid only there: copy what you keep.
public struct ReadTransaction: ~Copyable {
    let handle: OpaquePointer

    /// Lends the value stored under `key` to `body`.
    ///
    /// - Parameters:
    ///   - key: the key (1–511 bytes).
    ///   - database: where to look.
    ///   - body: reads the value; it must copy anything it keeps.
    /// - Returns: what `body` returns, or `nil` when the key is absent.
    /// - Throws: `LMDBError` (e.g. `.badValueSize` for an empty or over-long key), or what `body` throws.
    public func withValue<R>(
        forKey key: some LMDBBytes, in database: Database, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        try lmdbGet(handle, database, key, body)
    }

    /// Whether `key` is present in `database`.
    public func contains(_ key: some LMDBBytes, in database: Database) throws -> Bool {
        try lmdbGet(handle, database, key) { _ in true } ?? false
    }

    /// Counts and page usage of `database`.
    public func statistics(of database: Database) throws(LMDBError) -> Database.Statistics {
        try lmdbStatistics(handle, database)
    }

    /// Runs `body` with a cursor over `database`, closed afterwards.
    public func withCursor<R>(in database: Database, _ body: (inout Cursor) throws -> R) throws -> R {
        try lmdbWithCursor(handle, database, body)
    }
}

/// A write transaction; lives only inside `Environment.write`, which commits it when the body
/// returns and aborts it when the body throws. Reads see the transaction's own writes.
public struct WriteTransaction: ~Copyable {
    let handle: OpaquePointer

    /// See `ReadTransaction.withValue(forKey:in:_:)`; the value is valid until the next write.
    public func withValue<R>(
        forKey key: some LMDBBytes, in database: Database, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        try lmdbGet(handle, database, key, body)
    }

    /// Whether `key` is present in `database`.
    public func contains(_ key: some LMDBBytes, in database: Database) throws -> Bool {
        try lmdbGet(handle, database, key) { _ in true } ?? false
    }

    /// Counts and page usage of `database`, including this transaction's writes.
    public func statistics(of database: Database) throws(LMDBError) -> Database.Statistics {
        try lmdbStatistics(handle, database)
    }

    /// Runs `body` with a cursor over `database`, closed afterwards.
    public func withCursor<R>(in database: Database, _ body: (inout Cursor) throws -> R) throws -> R {
        try lmdbWithCursor(handle, database, body)
    }

    /// Stores `value` under `key`.
    ///
    /// - Parameters:
    ///   - value: the bytes to store (copied into the database).
    ///   - key: 1–511 bytes.
    ///   - database: where to store.
    ///   - flags: `noOverwrite`, `append`, … (see `Database.PutFlags`).
    /// - Throws: `LMDBError.keyExists` (with `noOverwrite`/`append`), `.mapFull` (handled by
    ///   `Environment.write`), `.transactionFull`, `.badValueSize`.
    public func put(
        _ value: some LMDBBytes, forKey key: some LMDBBytes, in database: Database, flags: Database.PutFlags = []
    ) throws {
        try key.withLMDBBytes { keyBytes in
            try value.withLMDBBytes { valueBytes in
                try withMDBValue(keyBytes) { keyValue in
                    try withMDBValue(valueBytes) { dataValue in
                        try LMDBError.check(mdb_put(handle, database.dbi, &keyValue, &dataValue, flags.rawValue))
                    }
                }
            }
        }
    }

    /// Removes `key` (and, in a `duplicateSort` database, all its values).
    ///
    /// - Returns: `false` if the key was absent.
    @discardableResult
    public func delete(_ key: some LMDBBytes, in database: Database) throws -> Bool {
        try key.withLMDBBytes { keyBytes in
            try withMDBValue(keyBytes) { keyValue in
                let code = mdb_del(handle, database.dbi, &keyValue, nil)
                if code == MDB_NOTFOUND { return false }
                try LMDBError.check(code)
                return true
            }
        }
    }

    /// Removes one `value` of `key` in a `duplicateSort` database.
    ///
    /// - Returns: `false` if the pair was absent.
    @discardableResult
    public func delete(_ key: some LMDBBytes, value: some LMDBBytes, in database: Database) throws -> Bool {
        try key.withLMDBBytes { keyBytes in
            try value.withLMDBBytes { valueBytes in
                try withMDBValue(keyBytes) { keyValue in
                    try withMDBValue(valueBytes) { dataValue in
                        let code = mdb_del(handle, database.dbi, &keyValue, &dataValue)
                        if code == MDB_NOTFOUND { return false }
                        try LMDBError.check(code)
                        return true
                    }
                }
            }
        }
    }

    /// Removes every entry of `database` (the database itself stays).
    public func removeAll(in database: Database) throws(LMDBError) {
        try LMDBError.check(mdb_drop(handle, database.dbi, 0))
    }
}

// MARK: shared by both transaction kinds

func lmdbGet<R>(
    _ txn: OpaquePointer, _ database: Database, _ key: some LMDBBytes, _ body: (UnsafeRawBufferPointer) throws -> R
) throws -> R? {
    try key.withLMDBBytes { keyBytes in
        try withMDBValue(keyBytes) { keyValue in
            var data = MDB_val()
            let code = mdb_get(txn, database.dbi, &keyValue, &data)
            if code == MDB_NOTFOUND { return nil }
            try LMDBError.check(code)
            return try body(data.bytes)
        }
    }
}

func lmdbStatistics(_ txn: OpaquePointer, _ database: Database) throws(LMDBError) -> Database.Statistics {
    var stat = MDB_stat()
    try LMDBError.check(mdb_stat(txn, database.dbi, &stat))
    return Database.Statistics(
        entries: stat.ms_entries, depth: Int(stat.ms_depth), branchPages: stat.ms_branch_pages,
        leafPages: stat.ms_leaf_pages, overflowPages: stat.ms_overflow_pages, pageSize: Int(stat.ms_psize))
}

func lmdbWithCursor<R>(_ txn: OpaquePointer, _ database: Database, _ body: (inout Cursor) throws -> R) throws -> R {
    var pointer: OpaquePointer?
    try LMDBError.check(mdb_cursor_open(txn, database.dbi, &pointer))
    guard let pointer else { throw LMDBError.badTransaction }
    var cursor = Cursor(handle: pointer)
    defer { mdb_cursor_close(pointer) }
    return try body(&cursor)
}
