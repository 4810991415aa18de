/// Small word lists for `RecordFactory`'s realistic style.
enum FactoryTables {
    static let surnames: [(String, Int)] = [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 20), ("Phan", 45),
        ("Vũ", 39), ("Võ", 20), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Tôn Nữ", 2), ("Hoàng Phủ", 1),
    ]
    static let maleMiddle = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thành", "Xuân"]
    static let femaleMiddle = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Diệu"]
    static let given = [
        "An", "Anh", "Bình", "Chi", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hoà", "Hùng",
        "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngọc", "Phong", "Phương", "Quân", "Quý",
        "Sơn", "Tâm", "Thảo", "Thủy", "Thuỷ", "Trang", "Trung", "Tuấn", "Vy", "Yến",
    ]
    static let provinceCodes = ["001", "031", "036", "038", "040", "046", "048", "079", "092", "096"]
    static let provinces = [
        "Hà Nội", "Hải Phòng", "Nam Định", "Thanh Hóa", "Nghệ An", "Thừa Thiên Huế", "Đà Nẵng",
        "Thành phố Hồ Chí Minh", "Cần Thơ", "Cà Mau", "Đắk Lắk", "Lâm Đồng", "Quảng Ninh", "Bắc Ninh",
    ]
    static let communes = [
        "Yên Sở", "Tân Phú", "Hòa Bình", "Xuân Lâm", "Đông Hòa", "Phú Mỹ", "An Khánh", "Long Hưng", "Thạch Thất",
        "Cẩm Giàng", "Vĩnh Tường", "Nghĩa Đàn",
    ]
    static let ethnicities = ["Tày", "Thái", "Mường", "Khmer", "Hmông", "Nùng", "Ê Đê", "Gia Rai"]
    static let religions = ["Không", "Phật giáo", "Công giáo", "Tin lành", "Cao Đài", "Hòa Hảo"]
    static let agencies = [
        "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Nội vụ", "Bệnh viện Đa khoa tỉnh",
        "Trường Trung học phổ thông Chuyên", "Ủy ban nhân dân xã", "Sở Kế hoạch và Đầu tư", "Sở Tư pháp",
        "Kho bạc Nhà nước", "Cục Thuế",
    ]
    static let positions = [
        "Chuyên viên", "Chuyên viên chính", "Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng",
        "Giáo viên", "Bác sĩ", "Điều dưỡng", "Kế toán viên", "Thanh tra viên",
    ]
    static let grades = ["01.003", "01.002", "01.001", "V.07.04.32", "V.07.05.15", "V.08.01.03", "06.031", "04.025"]
    static let institutions = [
        "Đại học Quốc gia Hà Nội", "Học viện Hành chính Quốc gia", "Đại học Y Hà Nội", "Đại học Sư phạm Huế",
        "Đại học Kinh tế Thành phố Hồ Chí Minh", "Học viện Chính trị quốc gia Hồ Chí Minh",
    ]
    static let qualifications = ["Cử nhân Luật", "Cử nhân Kinh tế", "Bác sĩ đa khoa", "Thạc sĩ Quản lý công", "Kỹ sư Xây dựng"]
}
