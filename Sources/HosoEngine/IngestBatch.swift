import HosoModel
import HosoStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input lines copied out of the read buffer, for one parser worker.
struct RawChunk: Sendable {
    /// Where one line is in `bytes`.
    struct Line: Sendable {
        var start: Int
        var end: Int
        /// 1-based line number in its file.
        var number: Int
        /// Index into the run's input files.
        var file: Int
        /// The line was longer than the read buffer; `bytes` holds only its start.
        var tooLong: Bool
    }

    /// Position in the run; results are written in this order.
    var sequence = 0
    var bytes: [UInt8] = []
    var lines: [Line] = []
    /// Whether a write transaction ends after this chunk.
    var endsBatch = false
    /// Input bytes consumed through the end of this chunk, over all files.
    var bytesReadSoFar = 0

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: Int, tooLong: Bool = false) {
        let start = bytes.count
        bytes.append(contentsOf: line)
        lines.append(Line(start: start, end: bytes.count, number: number, file: file, tooLong: tooLong))
    }
}

/// A chunk parsed, validated, repaired and encoded by a worker, ready to write.
struct PreparedChunk: Sendable {
    /// One record to write: its encoding is `encoded[range]`.
    struct Entry: Sendable {
        var range: Range<Int>
        var id: String
        var version: Int64
        var nationalID: String?
        var source: String?
    }

    var sequence = 0
    /// The encoded records, back to back.
    var encoded: [UInt8] = []
    var entries: [Entry] = []
    var rejects: [Reject] = []
    /// Non-blank input lines in the chunk (records and rejects).
    var lines = 0
    var endsBatch = false
    var bytesReadSoFar = 0

    /// Encodes `record` (sealing its restricted fields with `sealer`, if any) and adds it.
    mutating func append(_ record: PersonRecord, sealer: FieldSealer?) {
        let from = encoded.count
        RecordCodec.encode(record, into: &encoded, sealer: sealer)
        entries.append(Entry(range: from..<encoded.count, id: record.id, version: record.version, nationalID: record.nationalID,
            source: record.source))
    }
}

/// A line that was not loaded.
struct Reject: Sendable {
    /// Index into the run's input files.
    var file: Int
    /// 1-based line number in that file.
    var line: Int
    var reason: String
    /// The line as read (invalid UTF-8 replaced; at most `maximumText` bytes).
    var text: String

    static let maximumText = 64 << 10

    init(file: Int, line: Int, reason: String, bytes: some Collection<UInt8>) {
        self.file = file
        self.line = line
        self.reason = reason
        text = String(decoding: bytes.prefix(Self.maximumText), as: UTF8.self)
    }
}

/// An input file and its size.
struct IngestInput: Sendable {
    var path: String
    var size: Int

    /// Checks that every file can be read and measures them.
    ///
    /// - Throws: `IngestError` naming the first file that cannot be read.
    static func inspect(_ paths: [String]) throws(IngestError) -> [IngestInput] {
        if paths.isEmpty { throw IngestError("no input files") }
        return try paths.map { path throws(IngestError) in
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw IngestError("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            guard info.st_mode & S_IFMT != S_IFDIR else { throw IngestError("\(path) is a directory") }
            return IngestInput(path: path, size: Int(info.st_size))
        }
    }
}
