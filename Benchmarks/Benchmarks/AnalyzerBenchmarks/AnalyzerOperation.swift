import Benchmark
import HosoText

/// What one benchmark measures: a whole field value through the analyser (document or query
/// side), or the keys of one word (`WordKeys`), the per-token core of both.
enum AnalyzerOperation: String, CaseIterable {
    case document
    case query
    case wordKeys = "WordKeys"

    /// Tokens per measured iteration; the benchmarks use the matching `scalingFactor` (`.kilo`),
    /// so throughput in thousands of iterations per second reads as thousands of tokens per second.
    static let batchTokens = 1_000

    /// The units this operation is timed on: whole inputs, or the words in them for `WordKeys`.
    func units(of inputs: [String]) -> [String] {
        guard self == .wordKeys else { return inputs }
        return inputs.flatMap { text in
            text.split(whereSeparator: { $0 == " " || $0 == "," })
                .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
                .map(String.init)
        }
    }

    /// Tokens one unit yields: the analyser's tokens for a field value, one for a word.
    /// - Throws: the analyser's `AnalysisError` (none is expected on generated inputs).
    func tokenCount(_ unit: String, field: Field) throws -> Int {
        switch self {
        case .document: try Analyzer.shared.document(unit, field: field).count
        case .query: try Analyzer.shared.query(unit, field: field).count
        case .wordKeys: 1
        }
    }

    /// Runs the operation over one batch, every result into `blackHole` so none is optimised away.
    /// - Throws: the analyser's `AnalysisError` (none is expected on generated inputs).
    @inline(__always)
    func run(_ batch: [String], field: Field) throws {
        switch self {
        case .document:
            for text in batch { blackHole(try Analyzer.shared.document(text, field: field)) }
        case .query:
            for text in batch { blackHole(try Analyzer.shared.query(text, field: field)) }
        case .wordKeys:
            for word in batch { blackHole(WordKeys(word)) }
        }
    }

    /// Batches of exactly `batchTokens` tokens built from `count` inputs of `kind`.
    /// - Throws: `BenchmarkInputError` when the inputs cannot be built or give less than one batch.
    func batches(_ kind: InputKind, count: Int = 4_000, seed: UInt64 = 2025) throws -> [[String]] {
        let units = units(of: try kind.inputs(count: count, seed: seed))
        let counted = try units.map { (text: $0, tokens: try tokenCount($0, field: kind.field)) }
        let batches = TokenBatches.make(counted, size: AnalyzerOperation.batchTokens)
        guard !batches.isEmpty else {
            throw BenchmarkInputError.tooFewInputs(
                kind: kind.rawValue, tokens: counted.reduce(0) { $0 + $1.tokens }, needed: AnalyzerOperation.batchTokens)
        }
        return batches
    }
}
