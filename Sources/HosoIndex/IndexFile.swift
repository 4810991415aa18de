#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a persisted index could not be used. The caller rebuilds from the store.
public enum IndexFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    case io(path: String, errno: Int32)
    /// Wrong magic, version, truncated section or checksum mismatch.
    case corrupt(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path): "index file \(path) does not exist"
        case let .io(path, code): "index file \(path): \(String(cString: strerror(code)))"
        case let .corrupt(path, reason): "index file \(path) is corrupt: \(reason)"
        }
    }
}

/// The on-disk form of an `IndexSnapshot`: a header, length-prefixed raw arrays, and a
/// checksum over everything before it. Written to a temporary file, synced, then renamed,
/// so a crash leaves either the old file or the new one, never half of one.
public enum IndexFile {
    static let magic: UInt64 = 0x3158_4449_4F53_4F48  // "HOSOIDX1" little-endian
    static let version: UInt32 = 2

    /// Writes `snapshot` atomically to `path`.
    /// - Throws: `IndexFileError.io` on any write failure.
    public static func write(_ snapshot: IndexSnapshot, to path: String) throws(IndexFileError) {
        let temporary = path + ".tmp"
        var out = BinaryWriter()
        out.put(magic)
        out.put(UInt64(version))
        out.put(snapshot.sequence)
        out.put(UInt64(snapshot.recordCount))
        out.put(snapshot.ids)
        out.put(snapshot.idOrder)
        out.put(snapshot.columns.birthYear)
        out.put(snapshot.columns.gender)
        out.put(snapshot.columns.status)
        out.put(snapshot.columns.accessLevel)
        for f in IndexField.allCases {
            let index = snapshot.field(f)
            out.put(index.keys)
            out.put(index.groupTermStart)
            out.put(index.variants)
            out.put(index.termGroup)
            out.put(UInt64(index.postings.count))
            for list in index.postings {
                switch list {
                case let .array(a):
                    out.put(UInt64(0))
                    out.put(a)
                case let .bitmap(b):
                    out.put(UInt64(1))
                    out.put(b.words)
                }
            }
            out.put(index.forwardOffsets)
            out.put(index.forwardTerms)
            out.put(index.recordValues)
        }
        out.put(out.checksum)
        try out.flush(to: temporary)
        guard rename(temporary, path) == 0 else { throw .io(path: path, errno: errno) }
    }

    /// Reads the snapshot persisted at `path`.
    /// - Throws: `.missing` when there is no file, `.corrupt` when it does not verify.
    public static func read(from path: String) throws(IndexFileError) -> IndexSnapshot {
        var input = try BinaryReader(path: path)
        func check(_ ok: Bool, _ reason: String) throws(IndexFileError) {
            if !ok { throw .corrupt(path: path, reason: reason) }
        }
        try check(try input.get(UInt64.self) == magic, "not a hoso index file")
        try check(try input.get(UInt64.self) == UInt64(version), "unsupported version")
        let sequence = try input.get(UInt64.self)
        let recordCount = Int(try input.get(UInt64.self))
        let ids = try input.arena()
        let idOrder: [UInt32] = try input.array()
        var columns = RecordColumns()
        columns.birthYear = try input.array()
        columns.gender = try input.array()
        columns.status = try input.array()
        columns.accessLevel = try input.array()
        try check(ids.count == recordCount && idOrder.count == recordCount && columns.gender.count == recordCount,
                  "record counts disagree")
        var fields: [IndexField: FieldIndex] = [:]
        for f in IndexField.allCases {
            let keys = try input.arena()
            let groupTermStart: [UInt32] = try input.array()
            let variants = try input.arena()
            let termGroup: [UInt32] = try input.array()
            let listCount = Int(try input.get(UInt64.self))
            try check(listCount == keys.count && groupTermStart.count == keys.count + 1, "\(f): group counts disagree")
            var postings: [PostingList] = []
            postings.reserveCapacity(listCount)
            for _ in 0..<listCount {
                let kind = try input.get(UInt64.self)
                if kind == 0 {
                    postings.append(.array(try input.array()))
                } else {
                    postings.append(.bitmap(Bitmap(words: try input.array())))
                }
            }
            let forwardOffsets: [UInt32] = try input.array()
            let forwardTerms: [UInt32] = try input.array()
            let recordValues: [UInt32] = try input.array()
            let lists = forwardOffsets.count - 1
            try check(recordValues.isEmpty ? lists == recordCount : recordValues.count == recordCount,
                      "\(f): forward index size")
            try check(recordValues.allSatisfy { Int($0) < lists }, "\(f): value id out of range")
            try check(Int(forwardOffsets.last ?? 0) == forwardTerms.count, "\(f): forward index length")
            try check(termGroup.count == variants.count, "\(f): term counts disagree")
            try check(forwardTerms.allSatisfy { Int($0) < termGroup.count }, "\(f): term id out of range")
            fields[f] = FieldIndex(
                keys: keys, groupTermStart: groupTermStart, variants: variants, termGroup: termGroup,
                postings: postings, forwardOffsets: forwardOffsets, forwardTerms: forwardTerms,
                recordValues: recordValues)
        }
        let computed = input.checksum
        try check(try input.get(UInt64.self) == computed, "checksum mismatch")
        try check(input.atEnd, "trailing bytes")
        return IndexSnapshot(ids: ids, idOrder: idOrder, columns: columns, fields: fields, sequence: sequence)
    }

    /// The sequence number recorded in the file's header, without reading the rest.
    public static func sequence(at path: String) throws(IndexFileError) -> UInt64 {
        var input = try BinaryReader(path: path, headerOnly: 32)
        guard try input.get(UInt64.self) == magic, try input.get(UInt64.self) == UInt64(version) else {
            throw .corrupt(path: path, reason: "not a hoso index file")
        }
        return try input.get(UInt64.self)
    }
}
