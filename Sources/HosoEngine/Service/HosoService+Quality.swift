import Dispatch
import HosoStore

extension HosoService {
    /// Runs `GET /v1/quality` (admin keys): the `QualityReport` of the whole store as JSON.
    ///
    /// One pass over every record on a background thread (seconds at 2.5 M records). Audited
    /// as an admin read (`audit` kind, parameters `quality`).
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
        let result: Result<QualityReport, any Error> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { try QualityScan.run(store: store, now: now, examples: examples) })
            }
        }
        let report: QualityReport
        do {
            report = try result.get()
        } catch {
            throw .failure(message: "the data-quality check could not read the store: \(error)")
        }
        try await record(.audit, caller: caller, parameters: "quality", subject: nil, shown: [])
        return report.json()
    }
}
