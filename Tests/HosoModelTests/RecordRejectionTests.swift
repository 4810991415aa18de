import Testing
import HosoModel

/// Each malformed line and the exact message it must be rejected with.
@Suite struct RecordRejectionTests {
    static let base = #""id":"a","full_name":"B""#

    static let cases: [(line: String, message: String)] = [
        ("", "empty line"),
        ("   ", "empty line"),
        ("[1,2]", "not a JSON object (the line starts with an array)"),
        ("{\"id\":\"a\",\"full_name\":\"B\"", "invalid JSON at byte 26: expected '}', found end of line"),
        ("{\"id\":\"a\" \"full_name\":\"B\"}", "invalid JSON at byte 11: expected '}', found '\"'"),
        ("{\(base)} x", "invalid JSON at byte 28: unexpected text after the object, found 'x'"),
        ("{\(base),}", "invalid JSON at byte 27: expected a string, found '}'"),
        ("{\"full_name\":\"B\"}", "id: is required"),
        ("{\"id\":\"a\"}", "full_name: is required"),
        ("{\"id\":\"a\",\"full_name\":\"  \"}", "full_name: must not be empty"),
        ("{\"id\":\"a\",\"full_name\":null}", "full_name: expected a string, got null"),
        ("{\"id\":\"a b\",\"full_name\":\"B\"}", "id: may only contain A-Z a-z 0-9 . _ -, found \" \""),
        ("{\"id\":\"\",\"full_name\":\"B\"}", "id: must not be empty"),
        ("{\"id\":\"\(String(repeating: "x", count: 65))\",\"full_name\":\"B\"}", "id: must be at most 64 characters, got 65"),
        ("{\(base),\"national_id\":\"0010850123456\"}", "national_id: must be 12 digits, got 13"),
        ("{\(base),\"national_id\":\"00108501234x\"}", "national_id: must be 12 digits, found \"00108501234x\""),
        ("{\(base),\"national_id\":1085012345}", "national_id: expected a string, got a number"),
        ("{\(base),\"gender\":\"M\"}", "gender: must be \"Nam\" or \"Nữ\", got \"M\""),
        ("{\(base),\"birth_date\":\"1985-02-30\"}", "birth_date: expected \"YYYY-MM-DD\" or \"YYYY\", got \"1985-02-30\""),
        ("{\(base),\"birth_date\":\"85\"}", "birth_date: expected \"YYYY-MM-DD\" or \"YYYY\", got \"85\""),
        ("{\(base),\"hometown\":{\"commune\":\"X\"}}", "hometown.province: is required"),
        ("{\(base),\"hometown\":{\"commune\":\"X\",\"province\":\"Y\",\"ward\":\"Z\"}}",
            "hometown.ward: unknown field (expected commune, district, province)"),
        ("{\(base),\"hometown\":7}", "hometown: expected an object or a string, got a number"),
        ("{\(base),\"work_history\":[{\"from\":\"2001-01\",\"agency\":\"A\",\"position\":\"P\"},{\"from\":\"2020-13\",\"agency\":\"A\",\"position\":\"P\"}]}",
            "work_history[1].from: expected \"YYYY-MM\", got \"2020-13\""),
        ("{\(base),\"work_history\":[{\"from\":\"2020-05\",\"to\":\"2019-01\",\"agency\":\"A\",\"position\":\"P\"}]}",
            "work_history[0].to: 2019-01 is before from 2020-05"),
        ("{\(base),\"work_history\":[{\"from\":\"2020-05\",\"position\":\"P\"}]}", "work_history[0].agency: is required"),
        ("{\(base),\"work_history\":{}}", "work_history: expected an array, got an object"),
        ("{\(base),\"training\":[{\"from\":\"2020-05\",\"institution\":\"I\",\"qualification\":7}]}",
            "training[0].qualification: expected a string, got a number"),
        ("{\(base),\"other_names\":[\"x\",null]}", "other_names[1]: expected a string, got null"),
        ("{\(base),\"status\":\"fired\"}", "status: must be one of active, retired, transferred_out, deceased, got \"fired\""),
        ("{\(base),\"access_level\":4}", "access_level: must be 0, 1, 2 or 3, got 4"),
        ("{\(base),\"access_level\":1.0}", "access_level: expected an integer, got a fractional number"),
        ("{\(base),\"version\":-3}", "version: must be a non-negative integer, got -3"),
        ("{\(base),\"version\":99999999999999999999}", "version: number out of range"),
        ("{\(base),\"version\":\"3\"}", "version: expected an integer, got a string"),
        ("{\(base),\"updated_at\":\"2025-07-01 08:30\"}",
            "updated_at: expected an RFC 3339 timestamp, got \"2025-07-01 08:30\""),
        ("{\(base),\"full_name\":\"C\"}", "full_name: appears twice"),
        ("{\(base),\"x\":[1,}", "x: invalid JSON at byte 34: expected a value, found '}'"),
        ("{\(base),\"x\":01}", "invalid JSON at byte 32: expected '}', found '1'"),
        ("{\"id\":\"a\",\"full_name\":\"a\\qb\"}", "full_name: invalid escape '\\q' in a string"),
        ("{\"id\":\"a\",\"full_name\":\"\\ud800\"}", "full_name: lone surrogate \\ud800 in a string"),
        ("{\"id\":\"a\",\"full_name\":\"a\tb\"}", "full_name: invalid JSON at byte 25: control character in a string, found byte 0x9"),
    ]

    @Test(arguments: cases)
    func rejects(line: String, message: String) {
        #expect(throws: RecordError.self) { try PersonRecord.parse(line: Array(line.utf8)) }
        do {
            _ = try PersonRecord.parse(line: Array(line.utf8))
        } catch {
            #expect(error.description == message, "line: \(line)")
        }
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array(#"{"id":"a","full_name":"x"}"#.utf8)
        bytes[23] = 0xC3  // a lead byte with no continuation
        #expect(throws: RecordError(field: "full_name", reason: "invalid UTF-8 in a string")) {
            try PersonRecord.parse(line: bytes)
        }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: RecordError.self) { try PersonRecord.parse(line: Array("{\(Self.base),\"x\":\(deep)}".utf8)) }
    }
}
