import ArgumentParser
import Foundation
import HosoEngine
import HosoIndex
import HosoModel
import HosoQuery
import HosoStore

/// `hoso search --db DIR …`: one search printed as a table (or JSON), or `--batch FILE`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search a hoso database from the command line.",
        discussion: """
            Fielded options are ANDed; --q searches name, hometown, position and agency together.
            With --batch FILE, each line is a URL query string (name=Nguyen Van An&hometown=Nghệ An),
            optionally preceded by a label and a tab; one JSON line per query is written with its
            total, hits (ids, tiers) and microseconds.
            """
    )

    @Option(help: "The database directory.") var db: String
    @OptionGroup var dataKey: DataKeyOption
    @Option(help: "Free text over name, hometown, position and agency.") var q: String?
    @Option(help: "Full name, any order, parts may be left out.") var name: String?
    @Option(help: "Hometown: commune, district or province, old or new names.") var hometown: String?
    @Option(help: "Position, from the start of the title.") var position: String?
    @Option(help: "Employing agency.") var agency: String?
    @Option(help: "Grade code or name.") var grade: String?
    @Option(name: .customLong("national-id"), help: "12-digit national id.") var nationalID: String?
    @Option(help: "Birth year or range, e.g. 1985 or 1980-1989.") var born: String?
    @Option(help: "Nam or Nữ.") var gender: String?
    @Option(help: "active, retired, transferred_out or deceased.") var status: String?
    @Flag(help: "Treat the last name word as a prefix being typed.") var prefix = false
    @Flag(help: "Allow one edit on longer words.") var fuzzy = false
    @Option(help: "Hits to show (1–100).") var limit = 20
    @Option(help: "Caller access level 0–3 (the command line runs as a local operator: 3).") var level = 3
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(help: "Run every query of FILE (one URL query string per line).") var batch: String?
    @Option(help: "With --batch: threads running the batch concurrently.") var threads = 1
    @Option(name: .customLong("repeat"), help: "With --batch: how many times each thread runs it (results are printed once).") var rounds = 1

    @Flag(name: .customLong("record-level"), help: ArgumentHelp("Start every search from record-level posting lists (for comparisons).", visibility: .hidden))
    var recordLevel = false

    func run() throws {
        MemoryTuning.applyForSearch()
        let store = try RecordStore(directory: db, dataKey: try dataKey.key(database: db, create: false))
        let clock = ContinuousClock()
        let start = clock.now
        let (index, origin) = try IndexLifecycle.loadLive(store: store, directory: db) { line in
            FileHandle.standardError.write(Data("hoso: \(line)\n".utf8))
        }
        if case .rebuilt = origin {} else {
            FileHandle.standardError.write(Data("hoso: index loaded in \(clock.now - start)\n".utf8))
        }
        let searcher = Searcher(index: index, valueDriven: !recordLevel)
        if let batch {
            try BatchSearch(searcher: searcher, level: level, threads: threads, rounds: rounds, nationalIDTerm: { try store.nationalIDTerm($0) }).run(file: batch)
            return
        }
        var pairs: [(String, String)] = []
        for (k, v) in [("q", q), ("name", name), ("hometown", hometown), ("position", position), ("agency", agency),
                       ("grade", grade), ("national_id", nationalID), ("born", born), ("gender", gender),
                       ("status", status)] {
            if let v { pairs.append((k, v)) }
        }
        pairs.append(("limit", String(limit)))
        if prefix { pairs.append(("prefix", "1")) }
        if fuzzy { pairs.append(("fuzzy", "1")) }
        var request: SearchRequest
        let result: SearchResult
        let t0 = clock.now
        do {
            request = try SearchRequest.parse(pairs: pairs)
            // The index holds national ids by blind term in an encrypted store.
            if let id = request.nationalID { request.nationalID = try store.nationalIDTerm(id) }
            result = try searcher.search(request, callerLevel: level)
        } catch {
            throw ValidationError("\(error)")
        }
        let took = clock.now - t0
        if json {
            print(SearchOutput.json(result, took: took))
            return
        }
        print("\(result.total) found in \(took)")
        for (rank, hit) in result.hits.enumerated() {
            let record = try store.record(id: hit.id)
            print(SearchOutput.row(rank: rank + 1, hit: hit, record: record))
        }
    }
}

enum SearchOutput {
    static func json(_ result: SearchResult, took: Duration) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("total")
        w.integer(Int64(result.total))
        w.key("hits")
        w.beginArray()
        for hit in result.hits {
            w.beginObject()
            w.key("id")
            w.string(hit.id)
            w.key("tier")
            w.string(hit.tier.description)
            w.key("score")
            w.raw(String(hit.score))
            w.endObject()
        }
        w.endArray()
        w.key("next_cursor")
        if let c = result.nextCursor { w.string(c.encoded) } else { w.null() }
        w.key("us")
        w.integer(micros(took))
        w.endObject()
        return w.text
    }

    static func row(rank: Int, hit: SearchHit, record: PersonRecord?) -> String {
        let name = record?.fullName ?? "?"
        let home = record?.hometown.map(RecordAnalysis.hometownText) ?? ""
        let position = record?.position ?? ""
        return "\(String(rank).leftPad(3))  \(hit.tier.description.padding(7))  \(hit.id.padding(14))  \(name.padding(28))  \(home.padding(44))  \(position)"
    }

    static func micros(_ d: Duration) -> Int64 {
        let (s, a) = d.components
        return s * 1_000_000 + a / 1_000_000_000_000
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
