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
/// Changes land in a small *recent* segment, rebuilt from remembered analyses on every batch
/// (cost: the recent segment's size). When it outgrows `recentLimit`, the owner folds it into the
/// *merged* segment off the update path (`folded()` on any thread, then `adopting(_:)` on the
/// newest index), so a batch never waits for the merged segment to be rebuilt. Older copies of a
/// changed record, and deleted records, are marked superseded in the segments below, so every
/// record id is current in exactly one segment. Immutable: `applying` returns a new index, and a
/// search reads one `LiveIndex` from start to end, so it never sees half a batch. The owner folds
/// everything back into a new base (a full rebuild) when `deltaCount` grows.
public final class LiveIndex: Sendable {
    /// A changed record: its analysis (nil: deleted) and the sequence that applied it.
    struct Entry: Sendable {
        var analysis: RecordAnalysis?
        var sequence: UInt64
    }

    /// The snapshot loaded from the index file or rebuilt from the store.
    public let base: IndexSnapshot
    /// The change-log sequence this index reflects.
    public let sequence: UInt64
    /// Base, then merged, then recent: each id is current in at most one of them.
    public let segments: [IndexSegment]

    private let merged: [String: Entry]
    private let mergedSnapshot: IndexSnapshot?
    private let recent: [String: Entry]
    private let recentLimit: Int
    /// Ids changed since the base was built that the base holds, as base ordinals.
    private let baseSuperseded: Bitmap?

    /// A live index with no changes on top of `base`.
    ///
    /// - Parameter recentLimit: records in the recent segment beyond which `needsFold` is true;
    ///   at 16 times this, `applying` folds itself rather than let batches grow slow.
    public convenience init(base: IndexSnapshot, recentLimit: Int = 256) {
        self.init(base: base, sequence: base.sequence, merged: [:], mergedSnapshot: nil, recent: [:], recentSnapshot: nil,
                  baseSuperseded: nil, recentLimit: recentLimit)
    }

    private init(
        base: IndexSnapshot, sequence: UInt64, merged: [String: Entry], mergedSnapshot: IndexSnapshot?,
        recent: [String: Entry], recentSnapshot: IndexSnapshot?, baseSuperseded: Bitmap?, recentLimit: Int
    ) {
        self.base = base
        self.sequence = sequence
        self.merged = merged
        self.mergedSnapshot = mergedSnapshot
        self.recent = recent
        self.recentLimit = recentLimit
        self.baseSuperseded = baseSuperseded
        var segments = [IndexSegment(snapshot: base, superseded: baseSuperseded)]
        if let mergedSnapshot {
            var hidden = Bitmap(universe: mergedSnapshot.recordCount)
            for id in recent.keys {
                if let o = mergedSnapshot.ordinal(of: id) { hidden.insert(o) }
            }
            segments.append(IndexSegment(snapshot: mergedSnapshot, superseded: hidden.count == 0 ? nil : hidden))
        }
        if let recentSnapshot { segments.append(IndexSegment(snapshot: recentSnapshot)) }
        self.segments = segments
    }

    /// Records changed (or deleted) since the base was built.
    public var deltaCount: Int { merged.count + recent.count }

    /// Whether the recent segment has outgrown its limit and should be folded into the merged one.
    public var needsFold: Bool { recent.count > recentLimit }

    /// Records currently searchable.
    public var recordCount: Int { segments.reduce(0) { $0 + $1.liveCount } }

    /// Bytes held by the segments' snapshots.
    public var byteSize: Int { segments.reduce(0) { $0 + $1.snapshot.byteSize + ($1.superseded?.words.count ?? 0) * 8 } }

    /// This index with `changes` applied: each id's analysis, or nil for a deleted record.
    /// Later entries for the same id win.
    ///
    /// - Parameter sequence: the change-log sequence the result reflects.
    public func applying(_ changes: [(id: String, analysis: RecordAnalysis?)], sequence: UInt64) -> LiveIndex {
        var recent = self.recent
        for (id, analysis) in changes { recent[id] = Entry(analysis: analysis, sequence: sequence) }
        var superseded = baseSuperseded ?? Bitmap(universe: base.recordCount)
        for (id, _) in changes {
            if let o = base.ordinal(of: id) { superseded.insert(o) }
        }
        let next = LiveIndex(
            base: base, sequence: sequence, merged: merged, mergedSnapshot: mergedSnapshot, recent: recent,
            recentSnapshot: Self.snapshot(of: recent, sequence: sequence), baseSuperseded: superseded.count == 0 ? nil : superseded,
            recentLimit: recentLimit)
        // A fold that never comes (no owner folding) must not let every batch grow slower.
        return recent.count > 16 * recentLimit ? next.adopting(next.folded()) : next
    }

    /// The recent segment folded into the merged one: a new merged segment built from both. Costs
    /// the merged segment's size; safe on any thread, then passed to `adopting` on the newest index.
    public func folded() -> FoldedSegment {
        var merged = self.merged
        for (id, entry) in recent { merged[id] = entry }
        return FoldedSegment(base: base, through: sequence, entries: merged, snapshot: Self.snapshot(of: merged, sequence: sequence))
    }

    /// This index with `fold` (made from this index or an older one over the same base) as its
    /// merged segment; changes applied after the fold stay in the recent segment. A fold over
    /// another base (a compaction replaced it meanwhile) is ignored.
    public func adopting(_ fold: FoldedSegment) -> LiveIndex {
        guard fold.base === base, fold.through <= sequence else { return self }
        let recent = self.recent.filter { $0.value.sequence > fold.through }
        return LiveIndex(
            base: base, sequence: sequence, merged: fold.entries, mergedSnapshot: fold.snapshot, recent: recent,
            recentSnapshot: recent.isEmpty ? nil : Self.snapshot(of: recent, sequence: sequence), baseSuperseded: baseSuperseded,
            recentLimit: recentLimit)
    }

    /// A snapshot of the live (not deleted) records among `entries`, in id order.
    private static func snapshot(of entries: [String: Entry], sequence: UInt64) -> IndexSnapshot {
        var builder = IndexBuilder()
        let live = entries.compactMap { id, entry in entry.analysis.map { (id, $0) } }
        for (id, analysis) in live.sorted(by: { ByteOrder.compare($0.0, $1.0) < 0 }) {
            builder.add(id: id, analysis: analysis)
        }
        return builder.build(sequence: sequence)
    }
}

/// A merged segment built off the update path by `LiveIndex.folded()`.
public struct FoldedSegment: Sendable {
    let base: IndexSnapshot
    /// The sequence of the index it was folded from: changes up to here are in it.
    let through: UInt64
    let entries: [String: LiveIndex.Entry]
    let snapshot: IndexSnapshot
}
