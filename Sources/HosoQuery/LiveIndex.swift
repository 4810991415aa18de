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
/// Changes land in a small *recent* segment, rebuilt from remembered analyses on every batch;
/// when it outgrows `recentLimit` it is folded into a *merged* segment (rebuilt less often). Older
/// copies of a changed record, and deleted records, are marked superseded in the segments below,
/// so every record id is current in exactly one segment. Immutable: `applying` returns a new
/// index, and a search reads one `LiveIndex` from start to end, so it never sees half a batch.
/// The owner folds everything back into a new base (a full rebuild) when `deltaCount` grows.
public final class LiveIndex: Sendable {
    /// The snapshot loaded from the index file or rebuilt from the store.
    public let base: IndexSnapshot
    /// The change-log sequence this index reflects.
    public let sequence: UInt64
    /// Base, then merged, then recent: each id is current in at most one of them.
    public let segments: [IndexSegment]

    /// Changed records per id (nil: deleted), in the merged and in the recent segment.
    private let merged: [String: RecordAnalysis?]
    private let recent: [String: RecordAnalysis?]
    private let recentLimit: Int

    /// A live index with no changes on top of `base`.
    public convenience init(base: IndexSnapshot, recentLimit: Int = 1_024) {
        self.init(base: base, sequence: base.sequence, merged: [:], recent: [:], segments: [IndexSegment(snapshot: base)],
                  recentLimit: recentLimit)
    }

    private init(
        base: IndexSnapshot, sequence: UInt64, merged: [String: RecordAnalysis?], recent: [String: RecordAnalysis?],
        segments: [IndexSegment], recentLimit: Int
    ) {
        self.base = base
        self.sequence = sequence
        self.merged = merged
        self.recent = recent
        self.segments = segments
        self.recentLimit = recentLimit
    }

    /// Records changed (or deleted) since the base was built.
    public var deltaCount: Int { merged.count + recent.count }

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
        for (id, analysis) in changes { recent[id] = .some(analysis) }
        var merged = self.merged
        var mergedSnapshot = segments.count == 3 ? segments[1].snapshot : nil
        if recent.count > recentLimit {
            for (id, analysis) in recent { merged[id] = .some(analysis) }
            recent = [:]
            mergedSnapshot = Self.snapshot(of: merged, sequence: sequence)
        }
        let recentSnapshot = Self.snapshot(of: recent, sequence: sequence)

        // The base loses every changed id; the merged segment loses those changed again since.
        var baseSuperseded = segments[0].superseded ?? Bitmap(universe: base.recordCount)
        for (id, _) in changes {
            if let o = base.ordinal(of: id) { baseSuperseded.insert(o) }
        }
        var out = [IndexSegment(snapshot: base, superseded: baseSuperseded.count == 0 ? nil : baseSuperseded)]
        if let mergedSnapshot {
            var hidden = Bitmap(universe: mergedSnapshot.recordCount)
            for id in recent.keys {
                if let o = mergedSnapshot.ordinal(of: id) { hidden.insert(o) }
            }
            out.append(IndexSegment(snapshot: mergedSnapshot, superseded: hidden.count == 0 ? nil : hidden))
        } else {
            out.append(IndexSegment(snapshot: Self.snapshot(of: [:], sequence: sequence)))
        }
        out.append(IndexSegment(snapshot: recentSnapshot))
        return LiveIndex(base: base, sequence: sequence, merged: merged, recent: recent, segments: out,
                         recentLimit: recentLimit)
    }

    /// A snapshot of the live (not deleted) records among `entries`, in id order.
    private static func snapshot(of entries: [String: RecordAnalysis?], sequence: UInt64) -> IndexSnapshot {
        var builder = IndexBuilder()
        let live = entries.compactMap { id, analysis in analysis.map { (id, $0) } }
        for (id, analysis) in live.sorted(by: { ByteOrder.compare($0.0, $1.0) < 0 }) {
            builder.add(id: id, analysis: analysis)
        }
        return builder.build(sequence: sequence)
    }
}
