#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends little-endian integers and length-prefixed arrays to a byte buffer, hashing as it goes.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    private var hash = FastHash()

    var checksum: UInt64 { hash.value(of: bytes) }

    mutating func put<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put<T: FixedWidthInteger>(_ array: [T]) {
        put(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
        let pad = (8 - bytes.count % 8) % 8
        bytes.append(contentsOf: repeatElement(0, count: pad))
    }

    mutating func put(_ arena: StringArena) {
        put(arena.bytes)
        put(arena.offsets)
    }

    /// Writes the buffer to `path` and syncs it.
    func flush(to path: String) throws(IndexFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io(path: path, errno: errno) }
        defer { close(fd) }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, min(raw.count - written, 1 << 30))
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        guard ok, fsync(fd) == 0 else { throw .io(path: path, errno: errno) }
    }
}

/// Reads what `BinaryWriter` wrote, checking every length against the bytes left.
struct BinaryReader {
    private let path: String
    private var bytes: [UInt8]
    private var position = 0

    init(path: String, headerOnly: Int? = nil) throws(IndexFileError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw errno == ENOENT ? .missing(path: path) : .io(path: path, errno: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, errno: errno) }
        let size = min(Int(info.st_size), headerOnly ?? Int.max)
        var failed: Int32 = 0
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 {
                    failed = n < 0 ? errno : EIO
                    break
                }
                done += n
            }
            count = done
        }
        if failed != 0 { throw .io(path: path, errno: failed) }
    }

    var atEnd: Bool { position == bytes.count }

    /// Checksum of everything read so far.
    var checksum: UInt64 { FastHash().value(of: bytes[0..<position]) }

    mutating func get<T: FixedWidthInteger>(_: T.Type) throws(IndexFileError) -> T {
        let size = MemoryLayout<T>.size
        guard position + size <= bytes.count else { throw .corrupt(path: path, reason: "truncated at byte \(position)") }
        var v = T.zero
        withUnsafeMutableBytes(of: &v) { dst in
            bytes.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[position..<(position + size)])) }
        }
        position += size
        return T(littleEndian: v)
    }

    mutating func array<T: FixedWidthInteger>() throws(IndexFileError) -> [T] {
        let count = Int(try get(UInt64.self))
        let size = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !size.overflow, count >= 0, position + size.partialValue <= bytes.count else {
            throw .corrupt(path: path, reason: "array of \(count) overruns the file at byte \(position)")
        }
        let start = position
        let result = [T](unsafeUninitializedCapacity: count) { buffer, n in
            bytes.withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: src[start..<(start + size.partialValue)]))
            }
            n = count
        }
        position += size.partialValue
        position += (8 - position % 8) % 8
        return result
    }

    mutating func arena() throws(IndexFileError) -> StringArena {
        let bytes: [UInt8] = try array()
        let offsets: [UInt32] = try array()
        guard offsets.first == 0, Int(offsets.last ?? 1) == bytes.count,
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { throw .corrupt(path: path, reason: "string table offsets") }
        return StringArena(bytes: bytes, offsets: offsets)
    }
}

/// A fast 64-bit hash over 8-byte words (multiply–xor), for detecting corruption, not attacks.
struct FastHash {
    func value(of bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        var array = Array(bytes)
        array.withUnsafeMutableBytes { raw in
            guard let p = raw.baseAddress else { return }
            let words = raw.count / 8
            for i in 0..<words {
                let w = p.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ w) &* 0x100_0000_01B3 &+ (h >> 29)
            }
            for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01B3 }
        }
        return h
    }
}
