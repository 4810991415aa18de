import CLMDB

extension Environment {
    /// Runs `body` in a read-only transaction: a consistent snapshot that writers do not block.
    ///
    /// - Parameter body: synchronous; must copy any value it keeps.
    /// - Returns: what `body` returns.
    /// - Throws: `LMDBError` (`.readersFull` beyond `maxReaders`), or what `body` throws.
    @available(*, noasync)
    public func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        while true {
            do {
                return try withTransactionGate {
                    let txn = try begin(flags: UInt32(MDB_RDONLY))
                    defer { mdb_txn_abort(txn) }
                    return try body(ReadTransaction(handle: txn))
                }
            } catch LMDBError.mapResized {
                try growMap(adopt: true, from: 0)
            }
        }
    }

    /// Runs `body` in a write transaction and commits it; aborts if `body` throws.
    ///
    /// Write transactions are serialised (one at a time across processes). When the map is full,
    /// the transaction is aborted, the map doubled and `body` run again from the start — so
    /// `body` must not have effects outside the transaction that a rerun would duplicate, and must
    /// not swallow `LMDBError`s from the transaction.
    ///
    /// - Parameter body: synchronous.
    /// - Returns: what `body` returns.
    /// - Throws: `LMDBError` from the transaction or commit, or what `body` throws.
    @available(*, noasync)
    public func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        while true {
            let observed = mapSize
            do {
                return try withTransactionGate {
                    let txn = try begin(flags: 0)
                    let result: R
                    do {
                        result = try body(WriteTransaction(handle: txn))
                    } catch {
                        mdb_txn_abort(txn)
                        throw error
                    }
                    try LMDBError.check(mdb_txn_commit(txn))  // frees the transaction even on failure
                    return result
                }
            } catch LMDBError.mapFull {
                try growMap(adopt: false, from: observed)
            } catch LMDBError.mapResized {
                try growMap(adopt: true, from: observed)
            }
        }
    }

    private func begin(flags: UInt32) throws(LMDBError) -> OpaquePointer {
        var txn: OpaquePointer?
        try LMDBError.check(mdb_txn_begin(handle, nil, flags, &txn))
        guard let txn else { throw LMDBError.badTransaction }
        return txn
    }
}
