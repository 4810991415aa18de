#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line through one fixed buffer, never holding more than the buffer.
///
/// Lines end at `\n`; a final line without one is still a line. A line longer than the buffer is
/// reported as too long (with its first bytes) and skipped.
struct LineReader: ~Copyable {
    private let descriptor: Int32
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    /// Valid bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEndOfFile = false
    /// Bytes consumed from the file so far (through the last line handed out).
    private(set) var bytesConsumed = 0
    /// The 1-based number of the last line handed out.
    private(set) var lineNumber = 0

    /// What `next` found.
    enum Line {
        /// A line's bytes (without `\n`), valid until the next call.
        case text(UnsafeBufferPointer<UInt8>)
        /// A line longer than the buffer; its first bytes.
        case tooLong(prefix: [UInt8])
    }

    /// Opens `path` for reading with a buffer of `bufferSize` bytes.
    ///
    /// - Throws: `IngestError` if the file cannot be opened.
    init(path: String, bufferSize: Int = 4 << 20) throws(IngestError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw IngestError("cannot open \(path): \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
        buffer = .allocate(capacity: max(64, bufferSize))
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The next line, or `nil` at the end of the file.
    ///
    /// - Throws: `IngestError` if reading fails.
    mutating func next() throws(IngestError) -> Line? {
        while true {
            if let newline = findNewline() {
                let line = UnsafeBufferPointer(rebasing: buffer[start..<newline])
                bytesConsumed += newline + 1 - start
                start = newline + 1
                lineNumber += 1
                return .text(line)
            }
            if atEndOfFile {
                guard start < end else { return nil }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                bytesConsumed += end - start
                start = end
                lineNumber += 1
                return .text(line)
            }
            if start == 0 && end == buffer.count { return try skipLongLine() }
            try fill()
        }
    }

    private func findNewline() -> Int? {
        guard start < end, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + start, 0x0A, end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Moves the partial line to the front and reads more after it.
    private mutating func fill() throws(IngestError) {
        guard let base = buffer.baseAddress else { return }
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { memmove(base, base + start, remaining) }
            start = 0
            end = remaining
        }
        while end < buffer.count {
            let count = read(descriptor, base + end, buffer.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError("read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                atEndOfFile = true
                return
            }
            end += count
            if memchr(base + end - count, 0x0A, count) != nil { return }
        }
    }

    /// The buffer is full without a newline: reports the line as too long and discards it.
    private mutating func skipLongLine() throws(IngestError) -> Line {
        let prefix = Array(buffer[0..<min(256, end)])
        lineNumber += 1
        bytesConsumed += end
        start = 0
        end = 0
        while true {
            try fill()
            if let newline = findNewline() {
                bytesConsumed += newline + 1
                start = newline + 1
                return .tooLong(prefix: prefix)
            }
            bytesConsumed += end
            start = 0
            end = 0
            if atEndOfFile { return .tooLong(prefix: prefix) }
        }
    }
}
