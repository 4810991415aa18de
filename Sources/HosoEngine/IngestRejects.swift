import HosoModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rejects file: one NDJSON line per rejected input line,
/// `{"file": …, "line": N, "reason": …, "text": …}`. Truncated when an ingest starts.
///
/// For a store encrypted at rest the line's text is left out (`"text_withheld": true`): a rejected
/// line may hold a national id or another restricted value, which must not lie in clear beside the
/// sealed store. File and line number find it in the input, which is the operator's own.
final class RejectsFile {
    private var file: UnsafeMutablePointer<FILE>?
    let path: String
    let withText: Bool

    /// Creates (or empties) the file.
    ///
    /// - Parameter withText: whether each reject carries the rejected line's text.
    /// - Throws: `IngestError` if it cannot be created.
    init(path: String, withText: Bool) throws(IngestError) {
        self.path = path
        self.withText = withText
        guard let file = fopen(path, "w") else {
            throw IngestError("cannot create rejects file \(path): \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    /// Appends `rejects` and flushes.
    ///
    /// - Parameter files: the run's inputs, to name each reject's file.
    /// - Throws: `IngestError` if writing fails.
    func write(_ rejects: [Reject], files: [IngestInput]) throws(IngestError) {
        guard !rejects.isEmpty, let file else { return }
        var out: [UInt8] = []
        for reject in rejects {
            var writer = JSONWriter(capacity: 256)
            writer.beginObject()
            writer.key("file"); writer.string(files[reject.file].path)
            writer.key("line"); writer.integer(Int64(reject.line))
            writer.key("reason"); writer.string(reject.reason)
            if withText {
                writer.key("text"); writer.string(reject.text)
            } else {
                writer.key("text_withheld"); writer.raw("true")
            }
            writer.endObject()
            out += writer.bytes
            out.append(0x0A)
        }
        let written = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == out.count, fflush(file) == 0 else {
            throw IngestError("cannot write rejects file \(path): \(String(cString: strerror(errno)))")
        }
    }

    func close() {
        if let file { fclose(file) }
        file = nil
    }

    deinit { close() }
}
