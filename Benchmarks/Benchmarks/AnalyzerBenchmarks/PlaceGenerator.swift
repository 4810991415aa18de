import BenchmarkSupport
import Foundation

/// Realistic hometown strings built from the project's committed place tables: about half on the
/// pre-2025 map ("Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội"), half on the 2025 map
/// ("Xã Hiệp Hòa, Tỉnh Bắc Ninh"), some with the unit-type words left out, lower-cased or
/// abbreviated ("TP. Hà Nội"), as officers write them.
struct PlaceGenerator {
    private var random: SeededRandom
    private let legacy: [[String]]
    private let current: [[String]]

    /// Loads `data/tables/places-legacy.tsv` and `places-2025.tsv` from this checkout.
    /// - Throws: `BenchmarkInputError.missingTable` when a table cannot be read.
    init(seed: UInt64) throws {
        random = SeededRandom(seed: seed)
        legacy = try PlaceGenerator.rows("places-legacy.tsv", columns: ["commune", "district", "province"])
        current = try PlaceGenerator.rows("places-2025.tsv", columns: ["commune", "province"])
    }

    /// One hometown string.
    mutating func next() -> String {
        var units = random.chance(50) ? random.pick(legacy) : random.pick(current)
        if random.chance(15) {
            units = units.map(PlaceGenerator.droppingUnitType)
        } else if random.chance(15) {
            units = units.map(PlaceGenerator.lowerCasingUnitType)
        } else if random.chance(10) {
            units = units.map { $0.replacingPrefix("Thành phố ", with: "TP. ") }
        }
        return units.joined(separator: ", ")
    }

    /// "Huyện Đan Phượng" → "Đan Phượng"; numbered units ("Phường 12") keep their type.
    static func droppingUnitType(_ unit: String) -> String {
        for type in unitTypes where unit.hasPrefix(type + " ") {
            let rest = unit.dropFirst(type.count + 1)
            return rest.allSatisfy(\.isNumber) ? unit : String(rest)
        }
        return unit
    }

    /// "Huyện Đan Phượng" → "huyện Đan Phượng".
    static func lowerCasingUnitType(_ unit: String) -> String {
        for type in unitTypes where unit.hasPrefix(type + " ") {
            return type.lowercased() + unit.dropFirst(type.count)
        }
        return unit
    }

    static let unitTypes = ["Thành phố", "Thị xã", "Thị trấn", "Tỉnh", "Huyện", "Quận", "Xã", "Phường"]

    /// The named columns of a committed table, one array per row, in the order asked.
    static func rows(_ file: String, columns: [String]) throws -> [[String]] {
        let path = tablesDirectory.appendingPathComponent(file).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw BenchmarkInputError.missingTable(path)
        }
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard !lines.isEmpty else { throw BenchmarkInputError.missingTable(path) }
        let header = lines.removeFirst().map(String.init)
        let indices = try columns.map { name in
            guard let index = header.firstIndex(of: name) else { throw BenchmarkInputError.missingColumn(name, path) }
            return index
        }
        return lines.compactMap { fields in
            let values = indices.compactMap { $0 < fields.count ? String(fields[$0]) : nil }
            return values.count == indices.count && !values.contains(where: \.isEmpty) ? values : nil
        }
    }

    /// `data/tables` of the checkout this file was compiled from.
    static var tablesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // AnalyzerBenchmarks
            .deletingLastPathComponent()  // Benchmarks/Benchmarks
            .deletingLastPathComponent()  // Benchmarks
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("data/tables")
    }
}

/// Why benchmark inputs could not be built.
enum BenchmarkInputError: Error, CustomStringConvertible {
    case missingTable(String)
    case missingColumn(String, String)
    case tooFewInputs(kind: String, tokens: Int, needed: Int)

    var description: String {
        switch self {
        case .missingTable(let path): "cannot read place table \(path)"
        case .missingColumn(let column, let path): "place table \(path) has no column \(column)"
        case .tooFewInputs(let kind, let tokens, let needed):
            "\(kind): inputs give \(tokens) tokens, fewer than one batch of \(needed)"
        }
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
