import Synchronization

/// The data-quality report last made (or being made), by what it depends on: the store's change
/// sequence, the UTC day ("sống" counts records not updated within 12 months of today) and the
/// examples limit. A report takes one pass over every record (about 14 s at 2.5 M), so admins who
/// ask again, or together, share one pass until a change lands or the day turns. A pass that
/// fails is not kept.
final class QualityCache: Sendable {
    struct Key: Hashable, Sendable {
        var sequence: UInt64
        var day: Int64
        var examples: Int
    }

    typealias Outcome = Result<QualityReport, ServiceError>

    private let current = Mutex<(key: Key, pass: Task<Outcome, Never>)?>(nil)

    /// The report for `key`: the one made or being made for it, or a new pass (`make`).
    func report(for key: Key, make: @escaping @Sendable () async -> Outcome) async -> Outcome {
        let pass = current.withLock { current -> Task<Outcome, Never> in
            if let current, current.key == key { return current.pass }
            let pass = Task { await make() }
            current = (key, pass)
            return pass
        }
        let outcome = await pass.value
        if case .failure = outcome {
            current.withLock { current in
                if current?.pass == pass { current = nil }
            }
        }
        return outcome
    }
}
