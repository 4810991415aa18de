import Testing
import HosoModel

@Suite struct RecordParserTests {
    static let full = #"""
        {"id":"HS-01.a_b","national_id":"001085012345","full_name":"Nguyễn Thị Hoà","other_names":["Hoà","Bé"],"gender":"Nữ","birth_date":"1985-02-28","hometown":{"commune":"Xã Yên Sở","district":"Huyện Hoài Đức","province":"Hà Tây"},"ethnicity":"Kinh","religion":"Không","agency":"Sở Y tế Hà Nội","agency_code":"G12.345","position":"Phó Giám đốc Sở Y tế","grade":"01.003","work_history":[{"from":"2008-09","to":"2015-03","agency":"Bệnh viện Bạch Mai","position":"Bác sĩ"},{"from":"2015-04","to":null,"agency":"Sở Y tế Hà Nội","position":"Phó Giám đốc"}],"training":[{"from":"2002-09","to":"2008-06","institution":"Đại học Y Hà Nội","qualification":"Bác sĩ đa khoa"}],"status":"active","access_level":1,"source":"G12","version":7,"updated_at":"2025-07-01T08:30:00+07:00","x_note":{"a":[1,2]}}
        """#

    @Test func parsesEveryField() throws {
        let record = try PersonRecord.parse(line: Array(Self.full.utf8))
        #expect(record.id == "HS-01.a_b")
        #expect(record.nationalID == "001085012345")
        #expect(record.fullName == "Nguyễn Thị Hoà")
        #expect(record.otherNames == ["Hoà", "Bé"])
        #expect(record.gender == .female)
        #expect(record.birthDate == BirthDate(year: 1985, month: 2, day: 28))
        #expect(record.hometown == .unit(commune: "Xã Yên Sở", district: "Huyện Hoài Đức", province: "Hà Tây"))
        #expect(record.ethnicity == "Kinh")
        #expect(record.religion == "Không")
        #expect(record.agency == "Sở Y tế Hà Nội")
        #expect(record.agencyCode == "G12.345")
        #expect(record.position == "Phó Giám đốc Sở Y tế")
        #expect(record.grade == "01.003")
        #expect(record.workHistory.count == 2)
        #expect(record.workHistory[0] == WorkEntry(from: YearMonth(year: 2008, month: 9), to: YearMonth(year: 2015, month: 3),
            agency: "Bệnh viện Bạch Mai", position: "Bác sĩ"))
        #expect(record.workHistory[1].to == nil)
        #expect(record.training.first?.qualification == "Bác sĩ đa khoa")
        #expect(record.status == .active)
        #expect(record.accessLevel == .internal)
        #expect(record.source == "G12")
        #expect(record.version == 7)
        #expect(record.updatedAt == "2025-07-01T08:30:00+07:00")
        #expect(record.extra == [ExtraField(name: "x_note", json: #"{"a":[1,2]}"#)])
    }

    @Test func minimalRecordTakesDefaults() throws {
        let record = try PersonRecord.parse(line: Array(#"{"id":"a","full_name":"Lê Lợi"}"#.utf8))
        #expect(record == PersonRecord(id: "a", fullName: "Lê Lợi"))
        #expect(record.accessLevel == .public)
        #expect(record.version == 0)
    }

    @Test func acceptsWhitespaceNullsBomAndCarriageReturn() throws {
        let line = "\u{FEFF} { \"id\" : \"a\" ,\t\"full_name\" : \"B\", \"religion\": null, \"work_history\": null, \"hometown\": \"Huế\" } \r"
        let record = try PersonRecord.parse(line: Array(line.utf8))
        #expect(record.id == "a")
        #expect(record.religion == nil)
        #expect(record.hometown == .text("Huế"))
    }

    @Test func resolvesEscapes() throws {
        let line = #"{"id":"a","full_name":"Tr\u1ea7n \"Văn\"\\ \/ \ud83d\ude42\n","full\u005fname2":1}"#
        let record = try PersonRecord.parse(line: Array(line.utf8))
        #expect(record.fullName == "Trần \"Văn\"\\ / 🙂\n")
        #expect(record.extra == [ExtraField(name: "full_name2", json: "1")])
    }

    @Test func escapedKnownKeyIsTheKnownField() throws {
        let record = try PersonRecord.parse(line: Array(#"{"id":"a","full\u005fname":"X"}"#.utf8))
        #expect(record.fullName == "X")
        #expect(record.extra.isEmpty)
    }

    @Test func gendersInCapitalsAndNFD() throws {
        let nfd = "Nu\u{031B}\u{0303}"
        for (text, gender) in [("Nam", Gender.male), ("NAM", .male), ("Nữ", .female), ("NỮ", .female), (nfd, .female)] {
            let record = try PersonRecord.parse(line: Array("{\"id\":\"a\",\"full_name\":\"b\",\"gender\":\"\(text)\"}".utf8))
            #expect(record.gender == gender, "gender text \(text)")
        }
    }

    @Test func keepsUnknownFieldsInOrder() throws {
        let line = #"{"id":"a","z":[ 1 , "x" ],"full_name":"b","a":{"k":null},"n":-1.5e3}"#
        let record = try PersonRecord.parse(line: Array(line.utf8))
        #expect(record.extra.map(\.name) == ["z", "a", "n"])
        #expect(record.extra.map(\.json) == [#"[ 1 , "x" ]"#, #"{"k":null}"#, "-1.5e3"])
    }

    @Test func parsesFromAnyByteCollection() throws {
        let text = #"{"id":"a","full_name":"Đỗ"}"#
        #expect(try PersonRecord.parse(line: text.utf8).fullName == "Đỗ")
        #expect(try PersonRecord.parse(line: Array(text.utf8)[...]).fullName == "Đỗ")
        #expect(try PersonRecord.parse(line: AnyCollection(Array(text.utf8))).fullName == "Đỗ")
    }
}
