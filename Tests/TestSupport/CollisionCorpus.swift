import HosoModel
import HosoQuery
import HosoText

/// Seeded corpora built to collide: a small vocabulary written many ways (marks, tone placement,
/// NFD, capitals, abbreviations, lineage places), so that every tier and tie-break is exercised.
public struct CollisionCorpus: Sendable {
    public let records: [PersonRecord]
    let seed: UInt64

    static let families = ["Nguyễn", "Nguyên", "Nguyen", "NGUYỄN", "Lê", "Le", "Lý", "Trần", "Tran", "Phạm", "Phan",
                           "Huỳnh", "Hoàng", "Đỗ", "Đồ", "Do", "Dương", "Đương", "Võ", "Vũ", "Tôn Nữ"]
    static let middles = ["Văn", "Vân", "Thị", "Thi", "Đức", "Ngọc", "Hữu", "", ""]
    static let givens = ["An", "Ân", "Anh", "Ánh", "Hòa", "Hoà", "Hoa", "Thủy", "Thuỷ", "Thuy", "Khỏe", "Khoẻ", "Quý",
                         "Qúy", "Vy", "Vi", "Bình", "Trường", "Thu", "Thư"]
    static let places: [Hometown] = [
        .unit(commune: "Xã Diễn Châu", district: nil, province: "Tỉnh Nghệ An"),
        .unit(commune: "Xã Diễn Châu", district: nil, province: "Tỉnh Nghe An"),
        .unit(commune: "Xã Hiệp Hòa", district: nil, province: "Tỉnh Bắc Ninh"),
        .unit(commune: "Phường Từ Sơn", district: nil, province: "Tỉnh Bắc Ninh"),
        .unit(commune: "Xã Hoằng Quang", district: "Huyện Hoằng Hóa", province: "Tỉnh Thanh Hóa"),
        .text("Xã Thạch Thất, Thành phố Hà Nội"),
        .text("Phường Ba Đình, Hà Nội"),
        .unit(commune: "Phường 5", district: "Quận 3", province: "Thành phố Hồ Chí Minh"),
        .unit(commune: "Xã An Hòa", district: nil, province: "Tỉnh Nghệ An"),
    ]
    static let positions = ["Giám đốc Sở Y tế", "Phó Giám đốc Sở Y tế", "PGĐ Sở Y tế", "Giám đốc", "Bác sỹ", "Bác sĩ",
                            "Giáo viên trung học cơ sở hạng III", "Chuyên viên", "Chuyên viên chính",
                            "Phó Chủ tịch UBND xã", "Chủ tịch Ủy ban nhân dân xã"]
    static let agencies = ["Sở Y tế tỉnh Nghệ An", "Sở Y tế TP.HCM", "Sở Giáo dục và Đào tạo Hà Nội", "Sở GD&ĐT Hà Nội",
                           "UBND xã Diễn Châu", "Trường THCS Lê Lợi", "Bộ Nội vụ"]
    static let grades = ["01.003", "Chuyên viên", "01.002", "V.07.04.32", "Giáo viên THCS hạng 3", "Bác sĩ"]

    public init(seed: UInt64, count: Int) {
        self.seed = seed
        var random = SeededRandom(seed: seed)
        var records: [PersonRecord] = []
        for i in 0..<count {
            let family = random.pick(Self.families)
            let middle = random.pick(Self.middles)
            let given = random.pick(Self.givens)
            var name = [family, middle, given].filter { !$0.isEmpty }.joined(separator: " ")
            if random.chance(0.1) { name = ICU.nfd(name) }
            if random.chance(0.1) { name = name.uppercased() }
            var r = PersonRecord(id: String(format: "p%05d", i), fullName: name)
            if random.chance(0.9) { r.hometown = random.pick(Self.places) }
            if random.chance(0.8) { r.position = random.pick(Self.positions) }
            if random.chance(0.8) { r.agency = random.pick(Self.agencies) }
            if random.chance(0.5) { r.grade = random.pick(Self.grades) }
            r.nationalID = String(format: "%03d%09d", Int.random(in: 1...96, using: &random), i)
            r.gender = random.chance(0.5) ? .male : .female
            if random.chance(0.9) { r.birthDate = BirthDate(year: Int.random(in: 1960...2000, using: &random)) }
            r.status = random.pick(Status.allCases)
            let level = random.next() % 20
            r.accessLevel = level < 14 ? .public : level < 17 ? .internal : level < 19 ? .restricted : .secret
            records.append(r)
        }
        self.records = records
    }

    /// A random request over the same vocabulary, typed the ways users type.
    public func request(_ n: Int) -> SearchRequest {
        var random = SeededRandom(seed: seed &+ UInt64(n) &* 7919)
        var r = SearchRequest()
        func typed(_ text: String) -> String {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return text.lowercased()
            case 1: return String(String.UnicodeScalarView(WordKeys.folded(text)))
            case 2: return ICU.nfd(text)
            default: return text
            }
        }
        let kind = Int.random(in: 0..<10, using: &random)
        switch kind {
        case 0...3:
            var words = [random.pick(Self.families), random.pick(Self.middles), random.pick(Self.givens)]
                .filter { !$0.isEmpty }
            if random.chance(0.3) { words.remove(at: Int.random(in: 0..<words.count, using: &random)) }
            if random.chance(0.2) { words.shuffle(using: &random) }
            r.name = typed(words.joined(separator: " "))
        case 4:
            r.position = typed(random.pick(["Giám đốc", "Phó Giám đốc", "PGĐ", "Bác sĩ", "Bác sỹ", "Chuyên viên",
                                            "Giáo viên THCS hạng 3", "Chủ tịch UBND", "Phó Chủ tịch"]))
        case 5:
            r.agency = typed(random.pick(["Sở Y tế", "Sở GD&ĐT", "UBND", "Hồ Chí Minh", "Trường THCS", "Nghệ An"]))
        case 6:
            r.hometown = typed(random.pick(["Nghệ An", "Bắc Ninh", "Bắc Giang", "Hà Tây", "Hà Nội", "Quận 3",
                                            "Diễn Châu, Nghệ An", "Thanh Hóa", "Phường 5"]))
        case 7:
            r.q = typed(random.pick(["Nguyễn An", "nguyen nghe an", "Lê Giám đốc", "Trần Sở Y tế", "Thủy Hà Nội"]))
        case 8:
            r.grade = typed(random.pick(Self.grades))
        default:
            r.name = typed(random.pick(["nguyeenx", "traanf", "hoaf", "thuyr", "Nguy", "Tr", "Lê"]))
        }
        if random.chance(0.25) { r.prefix = true }
        if random.chance(0.1) { r.fuzzy = true }
        if random.chance(0.2) { r.hometown = r.hometown ?? random.pick(["Nghệ An", "Hà Nội", "Bắc Giang"]) }
        if random.chance(0.2) { r.born = 1970...1990 }
        if random.chance(0.1) { r.gender = 2 }
        if random.chance(0.1) { r.status = 1 }
        r.limit = random.pick([1, 5, 20])
        return r
    }
}

extension WordKeys {
    /// Text with every mark removed and đ → d, keeping spaces (what someone without a keyboard types).
    public static func folded(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !out.isEmpty { out.append(" ") }
            out += WordKeys(String(word)).folded.unicodeScalars
        }
        return out
    }
}
