import Dispatch
import HosoModel
import HosoStore

extension HosoService {
    /// Runs `POST /v1/sync` (DESIGN §5): applies NDJSON upserts and deletes in one durable LMDB
    /// write transaction and returns once they are searchable.
    ///
    /// Lines are parsed (upserts through ingest's parse and repair) before the transaction; bad
    /// lines are `rejected` with their line number and reason and never stop good ones. A line
    /// whose version is not above the stored one is `stale` (replaying a batch changes nothing).
    /// Commits run one at a time on one writer queue; after its commit a sync waits for the index
    /// refresh (`refreshIndex`: serialized, in change order, published whole), so a search sees
    /// all of a batch or none of it, and sees it by the time the response is sent.
    /// The sync is audited (key, counts, ids applied) before the response, while the index
    /// catches up.
    ///
    /// - Parameters:
    ///   - body: the NDJSON body (at most `SyncLimits.maxBytes` bytes, `SyncLimits.maxLines` lines).
    ///   - caller: an `agency` key (its own `source` only) or an `admin` key.
    /// - Returns: the JSON body described by `SyncResult.json`.
    /// - Throws: `.forbidden` for other roles; `.tooLarge` beyond the limits; `.unavailable`
    ///   before the index is loaded; `.failure` if the store, the index refresh or the audit
    ///   failed (after a failed commit nothing of the batch is stored).
    public func sync(body: [UInt8], caller: Caller) async throws(ServiceError) -> [UInt8] {
        try Self.checkSync(caller)
        guard isReady else { throw .unavailable }
        let batch = try SyncBatch.parse(body)
        let agency = caller.role == .admin ? nil : caller.agency
        let result = try await onSyncWriter { () throws(ServiceError) -> SyncResult in
            do {
                return try self.store.write { writer in try batch.apply(to: &writer, agency: agency) }
            } catch {
                throw .failure(message: "the sync could not be stored; nothing of it was applied: \(error)")
            }
        }
        // The audit entry is committed while the index catches up (two fsyncs fewer in a row);
        // the response waits for both.
        let event = AuditEvent(
            kind: .sync, time: options.clock(), keyID: caller.keyID, role: caller.role.rawValue,
            parameters: result.auditParameters, ids: result.appliedIDs)
        let auditLog = self.auditLog
        let audited = Task { () async -> ServiceError? in
            do throws(ServiceError) { try await auditLog.append(event) } catch { return error }
            return nil
        }
        let refreshed: ServiceError?
        do { try await indexChanges(through: result.sequence); refreshed = nil } catch { refreshed = error }
        if let error = await audited.value { throw error }
        if let refreshed { throw refreshed }
        return result.json
    }

    /// Refuses roles that may not sync (before the body is read).
    ///
    /// - Throws: `.forbidden` unless `caller` is an admin or an agency key with an agency code.
    public static func checkSync(_ caller: Caller) throws(ServiceError) {
        switch caller.role {
        case .admin: return
        case .agency where caller.agency != nil: return
        default:
            throw .forbidden(parameter: nil, message: "only agency and admin keys may sync records")
        }
    }

    /// Returns once the published index reflects the store at least through change `sequence`.
    ///
    /// `refreshIndex` reads every change after the live index's sequence, with the records as
    /// they are now, in one read transaction and publishes the result whole, so a search sees
    /// every change of a committed batch or none; refreshes run one at a time, in order.
    func indexChanges(through sequence: UInt64) async throws(ServiceError) {
        let reached = try await refreshIndex()
        guard reached >= sequence else {
            throw .failure(message: "the index reached change \(reached), not the sync's \(sequence)")
        }
    }

    /// Runs `body` on the one sync writer queue (off the cooperative pool; LMDB write
    /// transactions are synchronous) and returns its result.
    func onSyncWriter<R: Sendable>(_ body: @escaping @Sendable () throws(ServiceError) -> R) async throws(ServiceError) -> R {
        let outcome: Result<R, ServiceError> = await withCheckedContinuation { continuation in
            Self.syncWriter.async {
                continuation.resume(returning: Result { () throws(ServiceError) -> R in try body() })
            }
        }
        return try outcome.get()
    }

    /// The one queue every sync's commit and index refresh run on.
    static let syncWriter = DispatchQueue(label: "hoso.sync.writer", qos: .userInitiated)
}
