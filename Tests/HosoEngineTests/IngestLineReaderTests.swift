import Foundation
import Testing
import TestSupport

@testable import HosoEngine

@Suite struct IngestLineReaderTests {
    func lines(of text: [UInt8], bufferSize: Int) throws -> [String] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/f"
        try Data(text).write(to: URL(fileURLWithPath: path))
        var reader = try LineReader(path: path, bufferSize: bufferSize)
        var out: [String] = []
        while let line = try reader.next() {
            switch line {
            case .text(let bytes): out.append(String(decoding: bytes, as: UTF8.self))
            case .tooLong(let prefix): out.append("TOO LONG:" + String(decoding: prefix.prefix(3), as: UTF8.self))
            }
        }
        #expect(reader.bytesConsumed == text.count)
        return out
    }

    /// Every buffer size from tiny to large gives the same lines as splitting in memory.
    @Test func agreesWithSplittingForAnyBufferSize() throws {
        var random = SeededRandom(seed: 8)
        let source = (0..<40).map { _ in String(repeating: "x", count: Int.random(in: 0...50, using: &random)) + "é" }
        let text = Array(source.joined(separator: "\n").utf8)
        for size in [64, 65, 70, 100, 127, 500, 4096] {
            #expect(try lines(of: text, bufferSize: size) == source, "buffer \(size)")
        }
    }

    @Test func reportsLinesLongerThanTheBuffer() throws {
        let long = String(repeating: "abc", count: 100)
        let text = Array("a\n\(long)\nb\n\(long)".utf8)
        #expect(try lines(of: text, bufferSize: 64) == ["a", "TOO LONG:abc", "b", "TOO LONG:abc"])
    }

    @Test func finalLineWithoutNewlineAndTrailingNewline() throws {
        #expect(try lines(of: Array("a\nb".utf8), bufferSize: 64) == ["a", "b"])
        #expect(try lines(of: Array("a\nb\n".utf8), bufferSize: 64) == ["a", "b"])
        #expect(try lines(of: [], bufferSize: 64) == [])
    }
}
