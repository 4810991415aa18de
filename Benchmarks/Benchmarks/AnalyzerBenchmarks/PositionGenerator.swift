import BenchmarkSupport

/// Realistic position titles (chức vụ) as agencies send them: about half of the roles, sectors and
/// school levels abbreviated ("PGĐ Sở GD&ĐT", "PCT UBND xã Tân Lập", "GV THCS hạng 3"), the rest
/// written out ("Phó Giám đốc Sở Giáo dục và Đào tạo", "Giáo viên Trung học cơ sở hạng III").
struct PositionGenerator {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// One position title.
    mutating func next() -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return written(["Giám đốc": "GĐ", "Phó Giám đốc": "PGĐ"]) + " Sở " + written(PositionGenerator.sectors)
        case 1:
            return written(["Chủ tịch": "CT", "Phó Chủ tịch": "PCT"]) + " " + written(["Ủy ban nhân dân": "UBND"])
                + " " + random.pick(["xã", "phường", "huyện", "tỉnh"]) + " " + random.pick(PositionGenerator.places)
        case 2:
            return written(["Giáo viên": "GV"]) + " " + written(PositionGenerator.schools) + " hạng "
                + random.pick(["1", "2", "3", "I", "II", "III"])
        case 3:
            return written(["Trưởng phòng": "TP", "Phó Trưởng phòng": "PTP", "Chuyên viên": "CV"])
                + " phòng " + written(PositionGenerator.sectors) + " " + random.pick(["huyện", "thị xã", "quận"])
                + " " + random.pick(PositionGenerator.places)
        case 4:
            return written(["Hiệu trưởng": "HT", "Phó Hiệu trưởng": "PHT"]) + " Trường "
                + written(PositionGenerator.schools) + " " + random.pick(PositionGenerator.places)
        default:
            return written(["Bác sĩ": "BS", "Bác sỹ": "BS", "Điều dưỡng": "ĐD", "Trưởng khoa": "TK"])
                + " Khoa " + random.pick(["Nội", "Ngoại", "Nhi", "Sản", "Hồi sức cấp cứu", "Truyền nhiễm"])
        }
    }

    /// One entry of `table`, written out or as its abbreviation, half and half.
    private mutating func written(_ table: [String: String]) -> String {
        let (full, short) = random.pick(table.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return random.chance(50) ? short : full
    }

    static let sectors = [
        "Giáo dục và Đào tạo": "GD&ĐT", "Tài nguyên và Môi trường": "TN&MT", "Kế hoạch và Đầu tư": "KH&ĐT",
        "Lao động - Thương binh và Xã hội": "LĐTB&XH", "Nông nghiệp và Phát triển nông thôn": "NN&PTNT",
        "Y tế": "Y tế", "Tài chính": "Tài chính", "Nội vụ": "Nội vụ", "Tư pháp": "Tư pháp",
    ]
    static let schools = [
        "Trung học cơ sở": "THCS", "Trung học phổ thông": "THPT", "Tiểu học": "TH", "Mầm non": "MN",
    ]
    static let places = [
        "Tân Lập", "Hiệp Hòa", "Đan Phượng", "Thạch Thất", "Yên Sở", "Phú Mỹ", "An Khánh", "Long Hưng",
        "Cẩm Giàng", "Vĩnh Tường", "Nghĩa Đàn", "Xuân Lâm", "Đông Hòa", "Bình Minh", "Hòa Bình", "Quỳnh Lưu",
        "Krông Pắc", "Ea Kar", "Mường Tè", "Bắc Ninh", "Nghệ An", "Thanh Hóa", "Đắk Lắk", "Cà Mau",
    ]
}
