import Foundation
import HosoEngine
import HosoModel
import TestSupport

/// A random world for the leak property test: records whose every field value at every level
/// carries a unique marker, so a leak can be found by searching response bytes for it.
struct LeakWorld {
    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"]
    static let middles = ["Văn", "Thị", "Hữu", "Ngọc"]
    static let givens = ["An", "Bình", "Hòa", "Minh", "Lan", "Hùng"]
    static let provinces = ["Tỉnh Nghệ An", "Thành phố Hà Nội", "Tỉnh Bắc Ninh", "Tỉnh Thanh Hóa"]
    static let communes = ["Xã Diễn Châu", "Xã Hiệp Hòa", "Xã An Hòa", "Phường Ba Đình"]
    static let positions = ["Chuyên viên", "Giám đốc Sở Y tế", "Phó Giám đốc Sở Y tế", "Giáo viên"]
    static let agencies = ["Sở Y tế tỉnh Nghệ An", "Bộ Nội vụ", "UBND xã Diễn Châu", "Sở Nội vụ Hà Nội"]

    /// A value a caller may see only at `level` or above (`nil`: never, e.g. `originals`); always
    /// one word of letters, digits and `_` (see `words(in:)`).
    struct Secret {
        var text: String
        var level: AccessLevel?
    }

    var records: [PersonRecord] = []
    /// Per record id: every marked value with the level it needs (the record id itself at 0).
    var secrets: [String: [Secret]] = [:]
    var random: SeededRandom

    init(seed: UInt64, count: Int) {
        random = SeededRandom(seed: seed)
        var ids = Set<String>()
        while records.count < count {
            let id = "R" + token(8, alphabet: "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
            guard ids.insert(id).inserted else { continue }
            records.append(makeRecord(id))
        }
    }

    mutating func token(_ n: Int, alphabet: String = "bcdfghjklmnpqrstvwxz") -> String {
        let letters = Array(alphabet)
        return String((0..<n).map { _ in letters[Int.random(in: 0..<letters.count, using: &random)] })
    }

    mutating func marker() -> String { "zq" + token(10) }

    mutating func makeRecord(_ id: String) -> PersonRecord {
        var name = random.pick(Self.families) + " " + random.pick(Self.middles) + " " + random.pick(Self.givens)
        if random.chance(0.2) { name = random.pick(Self.families) + " " + random.pick(Self.givens) }
        var r = PersonRecord(id: id, fullName: name)
        var s: [Secret] = [Secret(text: id, level: .public)]
        let source = "SRC" + token(8)
        r.source = source
        s.append(Secret(text: source, level: .public))
        r.version = 1
        if random.chance(0.9) {
            r.nationalID = (0..<12).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            s.append(Secret(text: r.nationalID ?? "", level: .restricted))
        }
        if random.chance(0.5) {
            let m = marker()
            r.otherNames = [random.pick(Self.families) + " " + m]
            s.append(Secret(text: m, level: .internal))
        }
        r.gender = random.chance(0.5) ? .male : .female
        if random.chance(0.9) {
            r.birthDate = random.chance(0.8)
                ? BirthDate(year: Int.random(in: 1960...2000, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))
                : BirthDate(year: Int.random(in: 1960...2000, using: &random))
        }
        if random.chance(0.85) {
            let m = marker()
            let province = random.pick(Self.provinces)
            r.hometown = random.chance(0.5)
                ? .unit(commune: random.pick(Self.communes), district: "Huyện " + m, province: province)
                : .text(random.pick(Self.communes) + ", " + m + ", " + province)
            s.append(Secret(text: m, level: .internal))
        }
        if random.chance(0.7) {
            let m = marker()
            r.ethnicity = "Dân tộc " + m
            s.append(Secret(text: m, level: .internal))
        }
        if random.chance(0.5) {
            let m = marker()
            r.religion = "Đạo " + m
            s.append(Secret(text: m, level: .restricted))
        }
        if random.chance(0.8) { r.agency = random.pick(Self.agencies) }
        if random.chance(0.8) { r.position = random.pick(Self.positions) }
        if random.chance(0.5) { r.grade = random.pick(["01.003", "01.002", "V.07.04.32"]) }
        r.status = random.pick(Status.allCases)
        if random.chance(0.7) {
            let m = marker()
            r.workHistory = [
                WorkEntry(from: YearMonth(year: 2001, month: 1), to: YearMonth(year: 2009, month: 12), agency: "Sở " + m, position: "Chuyên viên"),
                WorkEntry(from: YearMonth(year: 2010, month: 1), to: nil, agency: r.agency ?? "Bộ Nội vụ", position: r.position ?? "Chuyên viên"),
            ]
            s.append(Secret(text: m, level: .internal))
        }
        if random.chance(0.5) {
            let m = marker()
            r.training = [TrainingEntry(from: YearMonth(year: 1995, month: 9), to: YearMonth(year: 1999, month: 6), institution: "Trường " + m, qualification: "Cử nhân")]
            s.append(Secret(text: m, level: .internal))
        }
        if random.chance(0.4) {
            let name = "x_" + marker()
            let value = marker()
            r.extra = [ExtraField(name: name, json: "{\"note\":\"" + value + "\"}")]
            s.append(Secret(text: name, level: .restricted))
            s.append(Secret(text: value, level: .restricted))
        }
        if random.chance(0.4) {
            let m = marker()
            r.originals = [OriginalText(path: "full_name", text: m)]
            s.append(Secret(text: m, level: nil))
        }
        let roll = Int.random(in: 0..<10, using: &random)
        r.accessLevel = roll < 5 ? .public : roll < 7 ? .internal : roll < 9 ? .restricted : .secret
        secrets[id] = s
        return r
    }

    /// Every word that must not appear in a response to a caller of `level`, owning record
    /// `own` (a `self` key), with the reason.
    func hidden(level: AccessLevel, own: String?) -> [String: String] {
        var out: [String: String] = [:]
        for r in records {
            let isOwn = r.id == own
            let recordHidden = !isOwn && r.accessLevel > level
            for secret in secrets[r.id] ?? [] {
                let needed = secret.level
                let shown: Bool
                if let needed { shown = !recordHidden && (isOwn || needed <= level) } else { shown = false }
                if !shown {
                    out[secret.text] = recordHidden ? "record \(r.id) (level \(r.accessLevel.number))" : "a level-\(needed?.number ?? 9) field of \(r.id)"
                }
            }
        }
        return out
    }

    /// The words of a response: maximal runs of ASCII letters, digits and `_`, plus every
    /// 12-letter `zq…` marker inside a longer run (a marker glued to other text).
    static func words(in bytes: [UInt8]) -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        var out: [Substring] = []
        for run in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) {
            out.append(run)
            guard run.count > 12, run.contains("zq") else { continue }
            var i = run.startIndex
            while let range = run[i...].range(of: "zq") {
                if let end = run.index(range.lowerBound, offsetBy: 12, limitedBy: run.endIndex) { out.append(run[range.lowerBound..<end]) }
                i = range.upperBound
            }
        }
        return out
    }

    /// A random URL query string for `/v1/search` (percent-encoded), drawing on the world's values.
    mutating func query() -> String {
        var parts: [(String, String)] = []
        let kind = Int.random(in: 0..<8, using: &random)
        func nameWords() -> String {
            var words = [random.pick(Self.families)]
            if random.chance(0.5) { words.append(random.pick(Self.middles)) }
            words.append(random.pick(Self.givens))
            var text = words.joined(separator: " ")
            if random.chance(0.3) { text = text.folding(options: [.diacriticInsensitive], locale: nil).replacingOccurrences(of: "Đ", with: "D") }
            return text
        }
        switch kind {
        case 0, 1: parts.append(("name", nameWords()))
        case 2: parts.append(("q", random.pick(Self.givens) + " " + random.pick(["Nghệ An", "Hà Nội", "Bắc Ninh", "Giám đốc", "Nội vụ"])))
        case 3: parts.append(("hometown", random.pick(Self.provinces + Self.communes)))
        case 4: parts.append(("national_id", random.pick(records).nationalID ?? "012345678901"))
        case 5: parts.append(("position", random.pick(Self.positions)))
        case 6: parts.append(("agency", random.pick(Self.agencies)))
        default:
            parts.append(("name", random.pick(Self.givens)))
            parts.append(("hometown", random.pick(["Nghệ An", "Hà Nội"])))
        }
        if random.chance(0.2) { parts.append(("born", random.chance(0.5) ? "1960-1985" : String(Int.random(in: 1960...2000, using: &random)))) }
        if random.chance(0.2) { parts.append(("gender", random.chance(0.5) ? "Nam" : "Nữ")) }
        if random.chance(0.1) { parts.append(("status", "active")) }
        if random.chance(0.2) { parts.append(("prefix", "1")) }
        parts.append(("limit", String(random.chance(0.2) ? Int.random(in: 1...3, using: &random) : Int.random(in: 10...40, using: &random))))
        return parts.map { $0.0 + "=" + Self.encode($0.1) }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
