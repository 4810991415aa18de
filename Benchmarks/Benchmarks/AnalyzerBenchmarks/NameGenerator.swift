import BenchmarkSupport

/// Realistic Vietnamese full names, family – middle – given, drawn with real surname shares.
///
/// Shares are per mille of the population (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, …), with a
/// tail of rarer and compound surnames (Tôn Nữ, Hoàng Phủ), some two-word middle names, old-style
/// tone placement (Hoà, Thuỷ) in a quarter of the names that have it, a share in capitals, and a
/// few Ê Đê names (H'Hen Niê) with their apostrophe.
struct NameGenerator {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// One full name in NFC (as the literals below are written).
    mutating func next() -> String {
        if random.chance(1) { return minorityName() }
        let male = random.chance(50)
        var parts = [random.pick(weighted: NameGenerator.surnames)]
        if male {
            if random.chance(92) { parts.append(random.pick(weighted: NameGenerator.maleMiddle)) }
            if random.chance(12) { parts.append(random.pick(NameGenerator.secondMiddle)) }
            parts.append(random.pick(NameGenerator.maleGiven))
        } else {
            parts.append(random.pick(weighted: NameGenerator.femaleMiddle))
            if random.chance(15) { parts.append(random.pick(NameGenerator.secondMiddle)) }
            parts.append(random.pick(NameGenerator.femaleGiven))
        }
        if random.chance(25) { parts = parts.map { NameGenerator.oldTonePlacement[$0] ?? $0 } }
        let name = parts.joined(separator: " ")
        return random.chance(8) ? name.uppercased() : name
    }

    private mutating func minorityName() -> String {
        let given = random.pick(["H'Hen", "H'Yan", "H'Linh", "Y Bih", "Y Moan", "Y Khoa", "H'Nga"])
        return given + " " + random.pick(["Niê", "Êban", "Mlô", "Ayun", "Byă", "Ksor", "Rơ Châm"])
    }

    static let surnames: [(String, Int)] = [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 34), ("Huỳnh", 17), ("Phan", 45),
        ("Vũ", 25), ("Võ", 14), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 5), ("Trương", 5), ("Lâm", 4), ("Mai", 4), ("Đào", 4), ("Hà", 4), ("Cao", 3),
        ("Lương", 3), ("Tạ", 2), ("Tô", 2), ("Châu", 2), ("Thái", 2), ("Nông", 2), ("Lò", 1), ("Quách", 1),
        ("Kiều", 1), ("Lục", 1), ("Tôn Nữ", 1), ("Tôn Thất", 1), ("Hoàng Phủ", 1),
    ]
    static let maleMiddle: [(String, Int)] = [
        ("Văn", 40), ("Đức", 8), ("Minh", 8), ("Hữu", 6), ("Quốc", 5), ("Công", 4), ("Thanh", 5), ("Xuân", 3),
        ("Ngọc", 3), ("Hoàng", 3), ("Anh", 3), ("Trung", 2), ("Duy", 3), ("Quang", 3), ("Mạnh", 2), ("Tiến", 2),
    ]
    static let femaleMiddle: [(String, Int)] = [
        ("Thị", 55), ("Ngọc", 8), ("Thu", 5), ("Thanh", 5), ("Minh", 4), ("Kim", 4), ("Hồng", 4), ("Thùy", 3),
        ("Phương", 3), ("Mai", 3), ("Bảo", 2), ("Khánh", 2), ("Hải", 2), ("Diệu", 1),
    ]
    static let secondMiddle = ["Minh", "Hoàng", "Ngọc", "Thanh", "Bảo", "Gia", "Khánh", "Thiên", "Đình", "Quỳnh"]
    static let maleGiven = [
        "An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Dương", "Đạt", "Đức", "Hải", "Hiếu", "Hòa", "Hoàng",
        "Hùng", "Huy", "Hưng", "Khánh", "Khoa", "Khôi", "Kiên", "Lâm", "Lộc", "Long", "Minh", "Nam", "Nghĩa",
        "Phát", "Phong", "Phúc", "Quân", "Quang", "Quý", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thiện",
        "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Thụy", "Khuê", "Nguyễn",
    ]
    static let femaleGiven = [
        "An", "Anh", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hòa", "Hồng",
        "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh",
        "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Thúy", "Trang", "Trinh", "Tuyết", "Uyên",
        "Vân", "Vy", "Xuân", "Yến", "Khuê", "Thoa", "Loan",
    ]
    /// Given and middle names with a tone on "oa", "oe" or "uy", in the old placement.
    static let oldTonePlacement: [String: String] = [
        "Hòa": "Hoà", "Thủy": "Thuỷ", "Thúy": "Thuý", "Thùy": "Thuỳ", "Thụy": "Thuỵ", "Khóa": "Khoá",
    ]
}
