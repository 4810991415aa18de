// Committed test data for the LegacyRepair suites: real Vietnamese names, places, titles and
// syllables (correct Unicode), and text that must never be "repaired".

enum LegacyCorpus {
    /// Common surnames, including the rarer ones whose letters exercise the tables.
    static let surnames = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
        "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Trịnh", "Cao", "Lương", "Tạ", "Hà",
        "Quách", "Đào", "Chu", "Thái", "Lưu", "Tô", "La", "Triệu", "Phùng", "Kiều", "Khúc", "Hứa", "Âu",
        "Ông", "Mạc", "Lại", "Từ", "Tăng", "Thân", "Nghiêm", "Diệp", "Giang", "Khổng", "Ưng", "Ứng", "Vương",
        "Đàm", "Mẫn", "Lã", "Đồng", "Ninh", "Hầu", "Giáp", "Lò", "Sùng", "Vàng", "Thào", "Giàng", "Mùa",
    ]

    static let middleNames = [
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Xuân", "Thu", "Kim", "Hoài", "Gia",
        "Công", "Đình", "Bá", "Trọng", "Tuấn", "Như", "Khánh", "Phương", "Bảo", "Thùy", "Diệu", "Mỹ", "Quốc",
        "Hải", "Hồng", "Mạnh", "Việt", "Tiến", "Thế", "Duy", "Cẩm", "Tường", "Nhật", "Ánh", "Đăng",
    ]

    static let givenNames = [
        "Hùng", "An", "Anh", "Bình", "Cường", "Dũng", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hằng", "Hiền",
        "Hiếu", "Hòa", "Hoà", "Hoa", "Huệ", "Hương", "Hường", "Huy", "Khoa", "Lan", "Liên", "Linh", "Loan",
        "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Nghĩa", "Ngọc", "Nhung", "Oanh", "Phong", "Phúc",
        "Phượng", "Quân", "Quý", "Quí", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Thanh", "Thành", "Thủy",
        "Thuỷ", "Thúy", "Thư", "Tiến", "Toàn", "Trang", "Trinh", "Trung", "Tú", "Tuấn", "Tuyết", "Vân",
        "Việt", "Vinh", "Xuân", "Yến", "Ánh", "Ân", "Ấn", "Ý", "Khỏe", "Khoẻ", "Vỹ", "Kỳ", "Mỹ", "Lộc",
        "Lợi", "Lực", "Khương", "Trường", "Đạt", "Đông", "Điệp", "Định", "Độ", "Đức", "Ước", "Ửng", "Ẩn",
        "Ổn", "Ỷ", "Ỳ", "Ễnh", "Ỏn", "Ợi", "Ừng", "Ữu", "Ặc", "Ậu", "Ệ", "Ộ", "Ị", "Ụ", "Ỵ", "Ạ", "Ọ", "Ẹ",
        "Ỹ", "Ĩnh", "Ũi", "Ẽo", "Ẻo", "Ảnh", "Ỉ", "Ủ", "Ờ", "Ở", "Ỡ", "Ớ", "Ử", "Ừ", "Ứ", "Ự", "Ữ", "Ẳng",
        "Ẵng", "Ằng", "Ắt", "Ầu", "Ẫm", "Ấp", "Ẩm", "Ề", "Ể", "Ễ", "Ế", "Ồ", "Ổ", "Ỗ", "Ố", "Ìn", "Ín", "Òn",
        "Ón", "Ùn", "Ún", "Èn", "Én", "Àn", "Án", "Ãn", "Õn", "Ẽn",
    ]

    /// Provinces (both maps), districts, communes and lineage names.
    static let places = [
        "Hà Nội", "Hải Phòng", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh", "Đà Nẵng",
        "Cần Thơ", "Quảng Ninh", "Lạng Sơn", "Cao Bằng", "Hà Giang", "Lào Cai", "Yên Bái", "Tuyên Quang",
        "Thái Nguyên", "Bắc Kạn", "Phú Thọ", "Vĩnh Phúc", "Bắc Giang", "Bắc Ninh", "Hải Dương", "Hưng Yên",
        "Thái Bình", "Nam Định", "Ninh Bình", "Hà Nam", "Hòa Bình", "Sơn La", "Điện Biên", "Lai Châu",
        "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định",
        "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông",
        "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre",
        "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu",
        "Cà Mau", "Hà Tây", "Hà Bắc", "Hải Hưng", "Nghệ Tĩnh", "Hà Sơn Bình", "Vĩnh Phú", "Xã Hiệp Hòa",
        "Phường Từ Sơn", "Huyện Thạch Thất", "Quận Ba Đình", "Thị xã Sơn Tây", "Thị trấn Phùng",
        "Xã Mường Tè", "Huyện Sìn Hồ", "Huyện Mèo Vạc", "Xã Xín Mần", "Huyện Hoàng Su Phì",
        "Phường Bến Nghé", "Xã Đông Hưng", "Phường Quy Nhơn", "Xã Buôn Đôn", "Huyện Krông Bông",
        "Tỉnh Bắc Ninh", "Tỉnh Thừa Thiên Huế", "Thủ Dầu Một", "Biên Hòa", "Long Xuyên", "Rạch Giá",
        "Phan Rang - Tháp Chàm", "Buôn Ma Thuột", "Pleiku", "Đồng Hới", "Đông Hà", "Tam Kỳ", "Vị Thanh",
    ]

    /// Positions and agencies as they appear in records.
    static let titles = [
        "Giám đốc Sở Giáo dục và Đào tạo", "Phó Giám đốc Sở Y tế", "Chủ tịch Ủy ban nhân dân tỉnh",
        "Phó Chủ tịch Hội đồng nhân dân huyện", "Trưởng phòng Tổ chức cán bộ", "Chuyên viên chính",
        "Giáo viên trung học cơ sở hạng III", "Bí thư Đảng ủy xã", "Thanh tra viên", "Kế toán viên",
        "Bộ Nội vụ", "Văn phòng Chính phủ", "Ngân hàng Nhà nước Việt Nam", "Trường Đại học Sư phạm Hà Nội",
        "Bệnh viện Bạch Mai", "Công an tỉnh Nghệ An", "Sở Tài nguyên và Môi trường", "Cục Thuế tỉnh",
        "Kiểm lâm viên", "Bác sĩ chính", "Điều dưỡng hạng IV", "Phó Trưởng ban Dân vận",
        "Ủy ban Kiểm tra Tỉnh ủy", "Trung tâm Y tế huyện", "Viện Kiểm sát nhân dân", "Tòa án nhân dân tối cao",
        "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Kho bạc Nhà nước", "Phòng Nội vụ",
        "Nhân viên thư viện", "Cán bộ địa chính - xây dựng", "Dân tộc Kinh", "Tôn giáo: Phật giáo",
        "Giới tính: Nữ", "Trình độ: Thạc sĩ Quản lý công", "Cử nhân Luật", "Kỹ sư xây dựng", "Kĩ thuật viên",
    ]

    /// Single syllables that exercise unusual rhymes and spellings.
    static let syllables = [
        "người", "nước", "trường", "khuya", "khuỷu", "nghiêng", "quyết", "huỳnh", "thuở", "khoắng", "xoong",
        "boong", "oẳn", "ngoằn", "ngoèo", "giường", "giữ", "gìn", "quốc", "ươm", "yêu", "uyên", "khuếch",
        "huỵch", "hoạch", "quýt", "đoạt", "nghỉ", "ghế", "kìa", "mía", "rượu", "buồm", "cướp", "xoay",
        "khuây", "ngoẹo", "oái", "ủy", "uể", "oải", "quẹo", "giặc", "gặp", "hiếm", "yểng", "tuần", "luật",
        "chuyện", "thuyền", "suýt", "quạ", "quẻ", "quên", "quơ", "ích", "ếch", "ạch", "ọc", "ực", "ướt",
    ]

    /// Full names: surname, middle name and given name combined deterministically.
    static let fullNames: [String] = (0..<320).map { index in
        let surname = surnames[index % surnames.count]
        let middle = middleNames[(index * 7 + index / surnames.count) % middleNames.count]
        let given = givenNames[(index * 13 + 5) % givenNames.count]
        return "\(surname) \(middle) \(given)"
    }

    /// The 134 non-ASCII Vietnamese letters (67 in each case), each as the shortest real-looking
    /// syllable containing it: the vowel alone, ă/â with a final n, đ with a.
    static let letterSyllables: [String] = {
        let rows = [
            "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
            "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
        ]
        var result: [String] = []
        for row in rows {
            for letter in row where !letter.isASCII {
                let syllable = "ăâ".contains(row.first!) ? "\(letter)n" : String(letter)
                result.append(syllable)
                result.append(syllable.prefix(1).uppercased() + syllable.dropFirst())
            }
        }
        result.append("đa")
        result.append("Đa")
        return result
    }()

    /// Everything used for round trips.
    static var phrases: [String] { fullNames + places + titles + surnames + middleNames + givenNames + syllables }

    /// Correct text that is not Vietnamese or not accented: must come back as it was.
    static let foreign = [
        "José", "François", "Müller", "Øster", "Ñuñez", "Zoë", "Loïc", "Anaïs", "Noël", "Raphaël", "Gaël",
        "Thaïs", "Citroën", "Naïm", "Chloé", "Renée", "João", "Raúl", "Saúl", "María José", "Inês",
        "Björk", "Søren", "Åse", "Jürgen Schröder", "Héloïse", "Gaétan", "Hôtel", "Côte d", "Besançon",
        "Ångström", "Straße", "Dvořák", "Łukasz", "Ærø", "Mañana", "Peña", "Niño", "Œuvre", "Škoda",
        "Nguyen Van An", "NGUYEN THI HOA", "Tran Hung Dao", "UBND", "TP.HCM", "Sở GD&ĐT", "V.07.04.32",
        "01.003", "001085012345", "H'Hen Niê", "Y Moan Êban", "Ksor H'Bia", "Krông Pắc", "Đắk R'Lấp",
        "Ê Đê", "Brâu", "Xtiêng", "Hrê", "Mnông", "Chơ Ro", "Pà Thẻn", "Lò Văn Pó", "Sùng A Páo",
        "Giàng Seo Phử", "Mùa A Dế", "Hầu A Lềnh", "Vàng Thị Mỷ", "Thào Mí Sính", "Café au lait",
        "Señor Núñez", "Zürich", "Tromsø", "São Paulo", "Saône", "Moïse", "Joël", "Maëlle",
    ]
}
