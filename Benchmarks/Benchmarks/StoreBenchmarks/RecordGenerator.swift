import BenchmarkSupport
import HosoModel

/// Realistic person records, seeded: a Vietnamese full name, gender, birth date, a 12-digit
/// national id, a structured hometown (pre-2025 units with a district, 2025-map units without),
/// ethnicity, agency and its code, position, grade (`01.003`, …), status, version, timestamp and
/// 2–4 work-history entries, as ingest stores them.
struct RecordGenerator {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// `count` records with ids `HS-0000001`, `HS-0000002`, … (distinct, in id order).
    mutating func records(_ count: Int) -> [PersonRecord] {
        (0..<count).map { next(number: $0 + 1) }
    }

    /// One record with id `HS-` followed by `number` on seven digits.
    mutating func next(number: Int) -> PersonRecord {
        let male = random.chance(50)
        let name = random.pick(Self.surnames) + " " + (male ? random.pick(Self.maleMiddle) : random.pick(Self.femaleMiddle))
            + " " + (male ? random.pick(Self.maleGiven) : random.pick(Self.femaleGiven))
        var record = PersonRecord(id: "HS-" + Self.padded(number, width: 7), fullName: name)
        record.gender = male ? .male : .female
        let year = Int.random(in: 1962...2001, using: &random)
        record.birthDate = BirthDate(year: year, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))
        record.nationalID = "0" + Self.padded(Int.random(in: 0..<100_000_000_000, using: &random), width: 11)
        let (commune, district, province) = random.pick(Self.places)
        record.hometown = random.chance(50)
            ? .unit(commune: commune, district: district, province: province)
            : .unit(commune: commune, district: nil, province: province)
        record.ethnicity = random.chance(86) ? "Kinh" : random.pick(["Tày", "Thái", "Mường", "Khmer", "Nùng", "Ê Đê"])
        let (agency, code) = random.pick(Self.agencies)
        record.agency = agency
        record.agencyCode = code
        record.source = code
        record.position = random.pick(Self.positions)
        record.grade = random.pick(["01.003", "01.002", "01.001", "V.07.05.15", "V.08.05.12", "06.031"])
        record.status = random.chance(92) ? .active : .retired
        record.version = Int64(Int.random(in: 1...5, using: &random))
        record.updatedAt = "2025-0\(Int.random(in: 1...9, using: &random))-15T08:30:00+07:00"
        record.workHistory = workHistory(startYear: year + 22, current: agency, position: record.position ?? "Chuyên viên")
        return record
    }

    /// 2–4 posts, consecutive, the last one current.
    private mutating func workHistory(startYear: Int, current: String, position: String) -> [WorkEntry] {
        let count = Int.random(in: 2...4, using: &random)
        var entries: [WorkEntry] = []
        var from = YearMonth(year: startYear, month: Int.random(in: 1...12, using: &random))
        for index in 0..<count {
            let last = index == count - 1
            let to = last ? nil : YearMonth(year: from.year + Int.random(in: 2...6, using: &random), month: Int.random(in: 1...12, using: &random))
            entries.append(WorkEntry(from: from, to: to, agency: last ? current : random.pick(Self.agencies).0,
                                     position: last ? position : random.pick(Self.positions)))
            if let to { from = to }
        }
        return entries
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static let surnames = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    static let maleMiddle = ["Văn", "Văn", "Đức", "Minh", "Hữu", "Quốc", "Công", "Thanh", "Xuân", "Ngọc Minh"]
    static let femaleMiddle = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Thùy"]
    static let maleGiven = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt"]
    static let femaleGiven = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Phương", "Thảo", "Thủy", "Trang", "Vân", "Yến"]
    static let places: [(String, String, String)] = [
        ("Xã Tân Lập", "Huyện Đan Phượng", "Thành phố Hà Nội"), ("Xã Yên Sở", "Huyện Hoài Đức", "Thành phố Hà Nội"),
        ("Xã Hiệp Hòa", "Huyện Vũ Thư", "Tỉnh Thái Bình"), ("Phường Đông Vệ", "Thành phố Thanh Hóa", "Tỉnh Thanh Hóa"),
        ("Xã Quỳnh Lưu", "Huyện Nho Quan", "Tỉnh Ninh Bình"), ("Xã Ea Kar", "Huyện Ea Kar", "Tỉnh Đắk Lắk"),
        ("Phường 12", "Quận 10", "Thành phố Hồ Chí Minh"), ("Xã Cẩm Giàng", "Huyện Cẩm Giàng", "Tỉnh Hải Dương"),
        ("Xã Nghĩa Đàn", "Huyện Nghĩa Đàn", "Tỉnh Nghệ An"), ("Xã Long Hưng", "Huyện Châu Thành", "Tỉnh Tiền Giang"),
    ]
    static let agencies: [(String, String)] = [
        ("Sở Y tế tỉnh Thanh Hóa", "H38.12"), ("Sở Giáo dục và Đào tạo Thành phố Hà Nội", "H01.05"),
        ("Ủy ban nhân dân huyện Đan Phượng", "H01.30"), ("Sở Tài chính tỉnh Nghệ An", "H40.07"),
        ("Bệnh viện Đa khoa tỉnh Đắk Lắk", "H66.22"), ("Trường Trung học phổ thông Chu Văn An", "H01.51"),
        ("Sở Nội vụ Thành phố Hồ Chí Minh", "H79.03"), ("Ủy ban nhân dân xã Tân Lập", "H01.91"),
    ]
    static let positions = [
        "Chuyên viên", "Phó Giám đốc Sở Y tế", "Trưởng phòng Tổ chức cán bộ", "Giáo viên Trung học phổ thông hạng II",
        "Phó Chủ tịch Ủy ban nhân dân xã", "Bác sĩ Khoa Nội", "Kế toán viên", "Chuyên viên chính",
    ]
}
