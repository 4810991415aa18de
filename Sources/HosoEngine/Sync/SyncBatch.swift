import HosoModel

/// The limits of one `POST /v1/sync` request (DESIGN §5).
public enum SyncLimits {
    /// The most non-blank lines a request may carry.
    public static let maxLines = 10_000
    /// The largest body accepted, in bytes (16 MiB).
    public static let maxBytes = 16 << 20
}

/// Counts the non-blank lines of a body fed in pieces, so a server can refuse one beyond
/// `SyncLimits.maxLines` while it streams, before holding all of it.
public struct SyncLineCounter: Sendable {
    /// Non-blank lines begun so far.
    public private(set) var lines = 0
    private var lineHasText = false

    public init() {}

    /// Counts the lines begun in the next piece of the body.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"): lineHasText = false
            case 0x20, 0x09, 0x0D: break
            default:
                if !lineHasText {
                    lineHasText = true
                    lines += 1
                }
            }
        }
    }
}

/// A sync body cut into lines and parsed: each non-blank line is an operation to apply or a
/// rejection with its reason. Nothing here touches the store.
struct SyncBatch: Sendable {
    /// What one line asks for.
    enum Operation: Sendable {
        case upsert(PersonRecord)
        case delete(id: String, version: Int64)
        /// The line cannot be applied; `id` when it could be read.
        case rejected(id: String?, reason: String)
    }

    /// A non-blank line: its 1-based number in the body and what it asks for.
    struct Line: Sendable {
        var number: Int
        var operation: Operation
    }

    var lines: [Line] = []

    /// Cuts `body` at `\n` and parses every non-blank line; bad lines become `.rejected`.
    ///
    /// - Parameters:
    ///   - body: the NDJSON body.
    ///   - maxLines: the most non-blank lines accepted.
    /// - Throws: `ServiceError.tooLarge` beyond `maxLines` lines or `SyncLimits.maxBytes` bytes.
    static func parse(_ body: [UInt8], maxLines: Int = SyncLimits.maxLines) throws(ServiceError) -> SyncBatch {
        guard body.count <= SyncLimits.maxBytes else { throw .tooLarge }
        var batch = SyncBatch()
        let tooMany: Bool = body.withUnsafeBufferPointer { all in
            var start = 0
            var number = 0
            while start < all.count {
                number += 1
                var end = start
                while end < all.count, all[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                guard !isBlank(line) else { continue }
                if batch.lines.count == maxLines { return true }
                batch.lines.append(Line(number: number, operation: operation(line)))
            }
            return false
        }
        if tooMany { throw .tooLarge }
        return batch
    }

    /// Parses one non-blank line (upserts through the same parse and repair as `hoso ingest`).
    static func operation(_ line: UnsafeBufferPointer<UInt8>) -> Operation {
        let envelope: SyncEnvelope
        do {
            envelope = try SyncEnvelope.parse(buffer: line)
        } catch {
            return .rejected(id: nil, reason: error.description)
        }
        switch envelope {
        case .delete(let id, let version):
            return .delete(id: id, version: version)
        case .upsert(let range):
            let record: PersonRecord
            do {
                record = try IngestParser.record(from: UnsafeBufferPointer(rebasing: line[range]))
            } catch {
                let field = error.field.map { "record." + $0 } ?? "record"
                return .rejected(id: nil, reason: "\(field): \(error.reason)")
            }
            guard record.version >= 1 else {
                return .rejected(id: record.id, reason: "record.version: is required for sync (a whole number of at least 1)")
            }
            return .upsert(record)
        }
    }

    /// Whether a line holds only whitespace (a trailing `\r` included).
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
