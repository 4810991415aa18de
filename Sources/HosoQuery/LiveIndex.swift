import HosoIndex

/// One searchable part of a `LiveIndex`: a snapshot, and the ordinals of it that a newer
/// segment replaced or that were deleted since it was built.
public struct IndexSegment: Sendable {
    public let snapshot: IndexSnapshot
    /// Ordinals no longer current (nil: none).
    public let superseded: Bitmap?

    public init(snapshot: IndexSnapshot, superseded: Bitmap? = nil) {
        self.snapshot = snapshot
        self.superseded = superseded
    }

    /// Records of this segment that are still current.
    public var liveCount: Int { snapshot.recordCount - (superseded?.count ?? 0) }
}

/// The whole index at one change-log sequence: the persisted base snapshot plus the records
/// changed since, without rebuilding the base (DESIGN §1: "a snapshot plus a small delta").
///
/// Each applied batch becomes one small *delta segment* of its own (cost: the batch's size, never
/// the changes before it). Delta segments are merged by size tier, like a log-structured merge
/// tree: once `mergeFactor` segments of the newest run sit at the same size tier or below, the
/// owner merges them into one, off the update path (`merged()` on any thread, then
/// `adopting(_:)` on the newest index), so a record is re-indexed about log₄(changes / batch)
/// times and a search reads a handful of segments. Older copies of a changed record, and
/// deleted records, are marked superseded in the segments below, so every record id is current
/// in exactly one segment. Immutable: `applying` returns a new index, and a search reads one
/// `LiveIndex` from start to end, so it never sees half a batch. The owner folds everything back
/// into a new base (a full rebuild) when `deltaCount` grows.
public final class LiveIndex: Sendable {
    /// The snapshot loaded from the index file or rebuilt from the store.
    public let base: IndexSnapshot
    /// The change-log sequence this index reflects.
    public let sequence: UInt64
    /// Base, then the delta segments from oldest to newest: each id is current in at most one.
    public let segments: [IndexSegment]

    private let deltas: [DeltaSegment]
    /// Per delta segment, its ordinals that a newer delta changed (nil: none).
    private let deltaSuperseded: [Bitmap?]
    /// Ids changed since the base was built that the base holds, as base ordinals.
    private let baseSuperseded: Bitmap?
    private let mergeFactor: Int

    /// Delta segments beyond which `applying` merges itself rather than let searches read ever
    /// more segments when nobody merges (the command line, tests).
    static let segmentLimit = 48

    /// A live index with no changes on top of `base`.
    ///
    /// - Parameter mergeFactor: how many delta segments of one size tier are merged together
    ///   (and the size ratio between tiers); at least 2.
    public convenience init(base: IndexSnapshot, mergeFactor: Int = 4) {
        self.init(base: base, sequence: base.sequence, deltas: [], deltaSuperseded: [], baseSuperseded: nil,
                  mergeFactor: max(2, mergeFactor))
    }

    private init(
        base: IndexSnapshot, sequence: UInt64, deltas: [DeltaSegment], deltaSuperseded: [Bitmap?],
        baseSuperseded: Bitmap?, mergeFactor: Int
    ) {
        self.base = base
        self.sequence = sequence
        self.deltas = deltas
        self.deltaSuperseded = deltaSuperseded
        self.baseSuperseded = baseSuperseded
        self.mergeFactor = mergeFactor
        segments = [IndexSegment(snapshot: base, superseded: baseSuperseded)]
            + zip(deltas, deltaSuperseded).map { IndexSegment(snapshot: $0.snapshot, superseded: $1) }
    }

    /// Changes held by the delta segments (an id changed again in a segment not yet merged with
    /// the older one counts once per segment).
    public var deltaCount: Int { deltas.reduce(0) { $0 + $1.entries.count } }

    /// Whether some run of delta segments is due to be merged (`merged()`).
    public var needsMerge: Bool { mergeRange() != nil }

    /// Records currently searchable.
    public var recordCount: Int { segments.reduce(0) { $0 + $1.liveCount } }

    /// Bytes held by the segments' snapshots.
    public var byteSize: Int { segments.reduce(0) { $0 + $1.snapshot.byteSize + ($1.superseded?.words.count ?? 0) * 8 } }

    /// This index with `changes` applied as one new delta segment: each id's analysis, or nil for
    /// a deleted record. Later entries for the same id win. Costs the batch's size (plus one
    /// lookup per changed id in each older segment).
    ///
    /// - Parameter sequence: the change-log sequence the result reflects.
    public func applying(_ changes: [(id: String, analysis: RecordAnalysis?)], sequence: UInt64) -> LiveIndex {
        var entries: [String: RecordAnalysis?] = [:]
        entries.reserveCapacity(changes.count)
        for (id, analysis) in changes { entries[id] = analysis }
        guard !entries.isEmpty else {
            return LiveIndex(base: base, sequence: sequence, deltas: deltas, deltaSuperseded: deltaSuperseded,
                             baseSuperseded: baseSuperseded, mergeFactor: mergeFactor)
        }
        var superseded = baseSuperseded ?? Bitmap(universe: base.recordCount)
        for id in entries.keys {
            if let o = base.ordinal(of: id) { superseded.insert(o) }
        }
        var older = deltaSuperseded
        for (i, delta) in deltas.enumerated() {
            older[i] = Self.marking(entries.keys, in: delta.snapshot, onto: older[i])
        }
        let next = LiveIndex(
            base: base, sequence: sequence, deltas: deltas + [DeltaSegment(entries: entries, sequence: sequence)],
            deltaSuperseded: older + [nil], baseSuperseded: superseded.count == 0 ? nil : superseded,
            mergeFactor: mergeFactor)
        // Nobody merging must not let every search read ever more segments.
        if next.deltas.count > Self.segmentLimit, let merge = next.merged() { return next.adopting(merge) }
        return next
    }

    /// The delta segments `mergeRange()` picks, merged into one (nil when no merge is due). Costs
    /// the merged segments' size; safe on any thread, then passed to `adopting` on the newest index.
    public func merged() -> MergedSegment? {
        guard let range = mergeRange() else { return nil }
        var entries = deltas[range.lowerBound].entries
        for delta in deltas[range].dropFirst() {
            for (id, analysis) in delta.entries { entries[id] = analysis }
        }
        // With no older delta left below it, a deletion only hides base records, and the base's
        // superseded ordinals already do that.
        if range.lowerBound == 0 { entries = entries.filter { $0.value != nil } }
        return MergedSegment(base: base, replaced: Array(deltas[range]), segment: DeltaSegment(entries: entries, sequence: deltas[range.upperBound - 1].snapshot.sequence))
    }

    /// This index with `merge` (made from this index or an older one over the same base) in place
    /// of the segments it replaced; segments applied after the merge stay as they are. A merge
    /// over another base (a compaction replaced it meanwhile), or of segments this index no
    /// longer holds, is ignored.
    public func adopting(_ merge: MergedSegment) -> LiveIndex {
        guard merge.base === base, let first = merge.replaced.first,
              let start = deltas.firstIndex(where: { $0 === first }),
              start + merge.replaced.count <= deltas.count,
              zip(deltas[start...], merge.replaced).allSatisfy({ $0 === $1 })
        else { return self }
        let end = start + merge.replaced.count
        var superseded: Bitmap?
        for newer in deltas[end...] {
            superseded = Self.marking(newer.entries.keys, in: merge.segment.snapshot, onto: superseded)
        }
        return LiveIndex(
            base: base, sequence: sequence,
            deltas: Array(deltas[..<start]) + [merge.segment] + Array(deltas[end...]),
            deltaSuperseded: Array(deltaSuperseded[..<start]) + [superseded] + Array(deltaSuperseded[end...]),
            baseSuperseded: baseSuperseded, mergeFactor: mergeFactor)
    }

    /// The newest run of delta segments due to be merged: for the lowest size tier at which it
    /// happens, the trailing segments at that tier or below once there are `mergeFactor` of them.
    private func mergeRange() -> Range<Int>? {
        guard deltas.count >= mergeFactor else { return nil }
        let tiers = deltas.map { tier(of: $0.entries.count) }
        for t in Set(tiers).sorted() {
            var start = deltas.count
            while start > 0, tiers[start - 1] <= t { start -= 1 }
            if deltas.count - start >= mergeFactor { return start..<deltas.count }
        }
        return nil
    }

    /// A segment's size tier: 0 up to 128 changes, then one more per `mergeFactor` times as many.
    private func tier(of count: Int) -> Int {
        var tier = 0
        var bound = 128
        while count > bound {
            tier += 1
            bound = bound.multipliedReportingOverflow(by: mergeFactor).overflow ? .max : bound * mergeFactor
        }
        return tier
    }

    /// `bitmap` (created when needed) with the ordinals `snapshot` holds for `ids` marked.
    private static func marking(_ ids: some Collection<String>, in snapshot: IndexSnapshot, onto bitmap: Bitmap?) -> Bitmap? {
        var bitmap = bitmap
        for id in ids {
            guard let o = snapshot.ordinal(of: id) else { continue }
            if bitmap == nil { bitmap = Bitmap(universe: snapshot.recordCount) }
            bitmap!.insert(o)
        }
        return bitmap
    }
}

/// The records a run of batches changed, as of its newest batch, and their index.
public final class DeltaSegment: Sendable {
    /// Each changed id's analysis, or nil when it was deleted.
    let entries: [String: RecordAnalysis?]
    /// The records among `entries` that exist, in id order.
    let snapshot: IndexSnapshot

    /// - Parameter sequence: the change-log sequence of the newest change in `entries`.
    init(entries: [String: RecordAnalysis?], sequence: UInt64) {
        self.entries = entries
        var builder = IndexBuilder()
        let ids = entries.compactMap { $0.value == nil ? nil : $0.key }.sorted { ByteOrder.compare($0, $1) < 0 }
        for id in ids {
            if case let analysis?? = entries[id] { builder.add(id: id, analysis: analysis) }
        }
        snapshot = builder.build(sequence: sequence)
    }
}

/// A run of delta segments merged into one by `LiveIndex.merged()`, off the update path.
public struct MergedSegment: Sendable {
    let base: IndexSnapshot
    /// The segments it replaces, oldest first.
    let replaced: [DeltaSegment]
    let segment: DeltaSegment
}
