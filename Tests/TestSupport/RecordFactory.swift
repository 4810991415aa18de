import HosoModel

/// Seeded, deterministic person records for tests and benchmarks.
///
/// Two styles: `.realistic` draws Vietnamese names, places, agencies and careers of plausible size
/// (a stand-in until `hoso generate` exists); `.adversarial` fills every field with awkward text —
/// quotes, backslashes, control characters, combining marks, emoji, empty strings — and random
/// unknown fields, for round-trip and parser property tests. The same seed always gives the same
/// records; record `i` does not depend on which records were drawn before it.
public struct RecordFactory: Sendable {
    public enum Style: Sendable { case realistic, adversarial }

    public let seed: UInt64
    public let style: Style

    public init(seed: UInt64, style: Style = .realistic) {
        self.seed = seed
        self.style = style
    }

    /// The id of record `index`: `HS` and ten digits, so ids sort in index order.
    public static func id(_ index: Int) -> String {
        let digits = String(index)
        return "HS" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// Record number `index`.
    public func record(_ index: Int) -> PersonRecord {
        var mixer = SeededRandom(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        var random = SeededRandom(seed: mixer.next())
        switch style {
        case .realistic: return realistic(index, &random)
        case .adversarial: return adversarial(index, &random)
        }
    }

    /// Record `index` as one NDJSON line (no newline).
    public func line(_ index: Int) -> String { record(index).jsonLine() }

    /// Writes records `0..<count` as NDJSON to `path`, streaming in chunks.
    ///
    /// - Throws: `RecordFactory.WriteError` if the file cannot be created or written.
    public func writeNDJSON(count: Int, to path: String) throws {
        guard let file = fopen(path, "wb") else { throw WriteError(path: path) }
        defer { fclose(file) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for index in 0..<count {
            buffer.append(contentsOf: line(index).utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 || index == count - 1 {
                let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
                guard written == buffer.count else { throw WriteError(path: path) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot write \(path)" }
    }
}

/// SplitMix64: small, fast, seedable; good enough for test data.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
