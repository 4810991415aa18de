import Foundation
import HosoEngine
import HosoIndex
import HosoModel
import HosoQuery
import Synchronization

/// The seven query kinds of the search comparison (DESIGN §7).
enum QueryKind: String, CaseIterable, Sendable {
    case exact, unaccented, surnameGiven = "surname_given", prefix, nameProvince = "name_province"
    case positionProvince = "position_province", commune
}

/// Generated people, their index, and queries of every kind drawn from them; built once.
final class SearchWorld: Sendable {
    let hoso: Searcher
    let baseline: Searcher
    let queries: [QueryKind: [SearchRequest]]
    /// The first 50,000 records' analyses in id order, for delta-segment builds.
    let analyses: [(String, RecordAnalysis)]

    private static let cache = Mutex<SearchWorld?>(nil)

    static func shared() throws -> SearchWorld {
        try cache.withLock { cached in
            if let cached { return cached }
            let world = try SearchWorld(count: Int(ProcessInfo.processInfo.environment["HOSO_BENCH_RECORDS"] ?? "") ?? 250_000)
            cached = world
            return world
        }
    }

    private init(count: Int) throws {
        let generator = try PeopleGenerator(seed: 7)
        var records: [PersonRecord] = []
        records.reserveCapacity(count)
        for i in 0..<count {
            var record = try PersonRecord.parse(line: Array(generator.line(i).utf8))
            record.repairLegacyText()
            records.append(record)
        }
        let snapshot = IndexBuilder.snapshot(of: records)
        analyses = records.prefix(50_000).map { ($0.id, RecordAnalysis($0)) }.sorted { ByteOrder.compare($0.0, $1.0) < 0 }
        hoso = Searcher(snapshot: snapshot)
        baseline = Searcher(snapshot: snapshot, valueDriven: false)
        queries = Self.queries(from: records)
        // The two plans must agree, or the comparison means nothing.
        for (kind, requests) in queries {
            for request in requests.prefix(50) {
                let a = try hoso.search(request, callerLevel: 3)
                let b = try baseline.search(request, callerLevel: 3)
                guard a.total == b.total, a.hits.map(\.id) == b.hits.map(\.id) else {
                    throw SearchWorldError(message: "\(kind): plans disagree on \(request)")
                }
            }
        }
    }

    /// 300 queries per kind from records picked evenly, the way `make_queries.py` builds them.
    static func queries(from records: [PersonRecord]) -> [QueryKind: [SearchRequest]] {
        var out: [QueryKind: [SearchRequest]] = [:]
        let step = max(1, records.count / 300)
        for n in 0..<300 {
            let r = records[(n * step + 7) % records.count]
            let words = r.fullName.split(separator: " ").map(String.init)
            let province: String? = switch r.hometown {
            case let .unit(_, _, province): province
            case let .text(text): text.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
            case nil: nil
            }
            func request(_ fill: (inout SearchRequest) -> Void) -> SearchRequest {
                var q = SearchRequest()
                fill(&q)
                return q
            }
            out[.exact, default: []].append(request { $0.name = r.fullName })
            out[.unaccented, default: []].append(request { $0.name = Self.unaccented(r.fullName) })
            if let surname = words.first, let given = words.last, words.count > 1 {
                out[.surnameGiven, default: []].append(request { $0.name = surname + " " + given })
            }
            let typed = r.fullName.prefix(max(3, r.fullName.count - 2))
            out[.prefix, default: []].append(request { $0.name = String(typed); $0.prefix = true })
            if let province {
                out[.nameProvince, default: []].append(request { $0.name = r.fullName; $0.hometown = province })
                if let position = r.position {
                    let phrase = position.split(separator: " ").prefix(2).joined(separator: " ")
                    out[.positionProvince, default: []].append(request { $0.position = phrase; $0.hometown = province })
                }
            }
            if case let .unit(commune, _, province) = r.hometown {
                out[.commune, default: []].append(request { $0.hometown = commune + ", " + province })
            }
        }
        return out
    }

    /// Marks and đ removed, as people type without an input method.
    static func unaccented(_ text: String) -> String {
        text.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x0300...0x036F).contains($0.value) }
            .map { $0 == "đ" ? "d" : $0 == "Đ" ? "D" : String($0) }
            .joined()
    }
}

struct SearchWorldError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
