import HosoIndex

/// The record-level conditions a candidate must meet before it is counted or ranked: current in
/// its segment (not superseded by a newer change or deleted), visible at the caller's level, and
/// within the request's birth years, gender and status. Every search path asks this one filter,
/// so no path can count a record the caller may not see.
struct RecordFilter {
    let columns: RecordColumns
    let superseded: Bitmap?
    let level: UInt8
    let born: ClosedRange<Int>?
    let gender: UInt8?
    let status: UInt8?
    /// A caller level below 0 sees no record (levels are 0–3).
    private let seesNothing: Bool
    /// Whether any of `born`, `gender` and `status` is set, or `seesNothing`.
    private let narrowed: Bool

    init(columns: RecordColumns, superseded: Bitmap?, request: SearchRequest, callerLevel: Int) {
        self.columns = columns
        self.superseded = superseded
        level = UInt8(clamping: callerLevel)
        seesNothing = callerLevel < 0
        born = request.born
        gender = request.gender
        status = request.status
        narrowed = seesNothing || born != nil || gender != nil || status != nil
    }

    /// Whether record `o` passes, reading the access levels through `access` (the buffer of
    /// `columns.accessLevel`, taken once by a scan).
    @inline(__always)
    func admits(_ o: UInt32, access: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = Int(o)
        if access[i] > level { return false }
        if let superseded, superseded.contains(o) { return false }
        guard narrowed else { return true }
        if seesNothing { return false }
        if let born {
            let y = Int(columns.birthYear[i])
            guard y != 0, born.contains(y) else { return false }
        }
        if let gender, columns.gender[i] != gender { return false }
        if let status, columns.status[i] != status { return false }
        return true
    }

    /// Whether record `o` passes.
    @inline(__always)
    func admits(_ o: UInt32) -> Bool {
        columns.accessLevel.withUnsafeBufferPointer { admits(o, access: $0) }
    }
}
