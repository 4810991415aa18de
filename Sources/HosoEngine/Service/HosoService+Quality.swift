import Dispatch
import HosoStore

extension HosoService {
    /// Runs `GET /v1/quality` (admin keys): the `QualityReport` of the whole store as JSON.
    ///
    /// One pass over every record on a background thread at low priority (`BackgroundWork`;
    /// about 14 s at 2.5 M records), shared by every request until a change lands or the UTC day
    /// turns (`QualityCache`): `checked_at` tells when the pass ran. Audited as an admin read
    /// (`audit` kind, parameters `quality`).
    ///
    /// - Parameter examples: example ids per problem and agency (1–100).
    /// - Throws: `.forbidden` for other roles; `.invalid` for `examples` out of range; `.failure`
    ///   if the store cannot be read or the audit entry cannot be committed.
    public func quality(caller: Caller, examples: Int = 5) async throws(ServiceError) -> [UInt8] {
        guard caller.role == .admin else {
            throw .forbidden(parameter: nil, message: "only admin keys may read the data-quality report")
        }
        guard (1...100).contains(examples) else {
            throw .invalid(parameter: "examples", reason: "must be a whole number from 1 to 100")
        }
        let store = self.store
        let now = options.clock()
        let sequence: UInt64
        do {
            sequence = try lastChange()
        } catch {
            throw .failure(message: "the data-quality check could not read the store: \(error)")
        }
        let key = QualityCache.Key(sequence: sequence, day: WallClock.day(ofMilliseconds: now), examples: examples)
        let report = try await qualityReports.report(for: key) {
            await withCheckedContinuation { continuation in
                BackgroundWork.start("hoso-quality") {
                    continuation.resume(returning: Result { () throws(ServiceError) -> QualityReport in
                        do {
                            return try QualityScan.run(store: store, now: now, examples: examples)
                        } catch {
                            throw .failure(message: "the data-quality check could not read the store: \(error)")
                        }
                    })
                }
            }
        }.get()
        try await record(.audit, caller: caller, parameters: "quality", subject: nil, shown: [])
        return report.json()
    }

    /// The store's last change-log sequence (one short read transaction, on this thread).
    private func lastChange() throws -> UInt64 { try store.lastSequence() }
}
