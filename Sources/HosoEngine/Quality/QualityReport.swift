import HosoModel
import HosoStore

/// The data-quality report (DESIGN §5 `GET /v1/quality`, `hoso quality`): per source agency and
/// overall, for each of đúng, đủ, sạch, sống, how many records pass and, per problem, how many
/// records have it with up to a few example ids.
public struct QualityReport: Sendable {
    /// How many records have one problem, and some of them.
    public struct Finding: Sendable, Equatable {
        public var count = 0
        /// Record ids, at most `QualityReport.exampleLimit`, in id order.
        public var examples: [String] = []
    }

    /// The figures of one group of records (one source agency, or all).
    public struct Group: Sendable {
        public var records = 0
        /// Records with at least one problem of each dimension.
        public var failing: [QualityDimension: Int] = [:]
        public var findings: [QualityRule: Finding] = [:]

        /// Records with no problem of `dimension`.
        public func passing(_ dimension: QualityDimension) -> Int { records - (failing[dimension] ?? 0) }

        mutating func add(_ problems: [QualityRule], id: String, related: [QualityRule: String], limit: Int) {
            records += 1
            var dimensions = Set<QualityDimension>()
            for rule in problems {
                dimensions.insert(rule.dimension)
                var finding = findings[rule] ?? Finding()
                finding.count += 1
                if let other = related[rule], finding.examples.count < limit, !finding.examples.contains(other) {
                    finding.examples.append(other)
                }
                if finding.examples.count < limit { finding.examples.append(id) }
                findings[rule] = finding
            }
            for dimension in dimensions { failing[dimension, default: 0] += 1 }
        }
    }

    /// When the check ran (RFC 3339).
    public var checkedAt: String
    /// How long the pass over the store took.
    public var duration: Duration = .zero
    public var overall = Group()
    /// By `source`; records without one under `"(none)"`.
    public var agencies: [String: Group] = [:]
    /// Example ids kept per problem.
    public var exampleLimit: Int

    /// The source key of records without a `source`.
    public static let noSource = "(none)"
}

/// One pass over the store that fills a `QualityReport`.
public enum QualityScan {
    /// Checks every live record of `store` once, in one read transaction.
    ///
    /// - Parameters:
    ///   - now: the time of the check (ms since 1970, UTC): "updated within 12 months" counts from it.
    ///   - examples: example ids kept per problem and group.
    /// - Throws: `LMDBError`, `CodecError` (a missing data key), `GeneratorError` if a table is unreadable.
    @available(*, noasync)
    public static func run(store: RecordStore, now: Int64, examples: Int = 5) throws -> QualityReport {
        let clock = ContinuousClock()
        let start = clock.now
        let check = try QualityCheck(now: now)
        var report = QualityReport(checkedAt: Timestamp.rfc3339(milliseconds: now), exampleLimit: examples)
        var nationalIDs: [UInt64: String] = [:]
        var persons: [Int: String] = [:]
        var problems: [QualityRule] = []
        var related: [QualityRule: String] = [:]
        var folder = QualityCheck.Folder()
        try store.forEachRecord { record in
            problems.removeAll(keepingCapacity: true)
            related.removeAll(keepingCapacity: true)
            check.problems(of: record, into: &problems)
            if let nationalID = record.nationalID, let key = UInt64(nationalID) {
                if let first = nationalIDs[key] {
                    problems.append(.duplicateNationalID)
                    related[.duplicateNationalID] = first
                } else {
                    nationalIDs[key] = record.id
                }
            }
            if let person = folder.personKey(record) {
                let key = person.hashValue
                if let first = persons[key] {
                    problems.append(.probableDuplicatePerson)
                    related[.probableDuplicatePerson] = first
                } else {
                    persons[key] = record.id
                }
            }
            report.overall.add(problems, id: record.id, related: related, limit: examples)
            report.agencies[record.source ?? QualityReport.noSource, default: QualityReport.Group()]
                .add(problems, id: record.id, related: related, limit: examples)
            return true
        }
        report.duration = clock.now - start
        return report
    }
}
