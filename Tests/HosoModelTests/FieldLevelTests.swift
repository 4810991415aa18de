import Testing
import HosoModel

@Suite struct FieldLevelTests {
    /// DESIGN §2, column "level".
    static let table: [(RecordField, AccessLevel)] = [
        (.id, .public), (.nationalID, .restricted), (.fullName, .public), (.otherNames, .internal),
        (.gender, .public), (.birthDate, .internal), (.hometown, .internal), (.ethnicity, .internal),
        (.religion, .restricted), (.agency, .public), (.agencyCode, .public), (.position, .public),
        (.grade, .public), (.workHistory, .internal), (.training, .internal), (.status, .public),
        (.source, .public), (.version, .public), (.updatedAt, .public),
    ]

    @Test(arguments: table)
    func levelMatchesDesign(field: RecordField, level: AccessLevel) {
        #expect(field.level == level)
    }

    @Test func pathsTakeTheirFieldsLevel() {
        #expect(FieldLevel.level(ofPath: "work_history[2].agency") == .internal)
        #expect(FieldLevel.level(ofPath: "hometown.province") == .internal)
        #expect(FieldLevel.level(ofPath: "full_name") == .public)
        #expect(FieldLevel.level(ofPath: "religion") == .restricted)
        #expect(FieldLevel.level(ofPath: "x_custom") == .restricted)
        #expect(FieldLevel.birthYear == .public)
    }

    @Test func levelsAreOrdered() {
        #expect(AccessLevel.public < .internal && AccessLevel.internal < .restricted && AccessLevel.restricted < .secret)
        #expect(AccessLevel(number: 3) == .secret)
        #expect(AccessLevel(number: 4) == nil)
        #expect(AccessLevel(number: -1) == nil)
    }

    @Test(arguments: [("a", true), ("A-z_0.9", true), (String(repeating: "x", count: 64), true),
        ("", false), (String(repeating: "x", count: 65), false), ("a b", false), ("é", false), ("a/b", false)])
    func recordIDs(id: String, valid: Bool) {
        #expect(RecordID.isValid(id.utf8) == valid)
        #expect(((try? RecordID.validate(id)) != nil) == valid, "validate agrees for \(id)")
    }
}
