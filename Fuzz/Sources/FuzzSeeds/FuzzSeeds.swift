// Writes the seed inputs of the three fuzz targets from a generated dataset:
//
//     FuzzSeeds people.ndjson OUTDIR     (people.ndjson from `hoso generate --count 200 --seed 7`)
//
// OUTDIR/record: every line as it is, legacy-encoded copies (TCVN3, VNI, double UTF-8) of some,
//   and hand-written edge cases (escapes, unknown fields, originals, nulls).
// OUTDIR/analyzer: field values (names, hometowns, positions, agencies, grades, national ids), their
//   legacy and NFD spellings, and the abbreviations and aliases the analyser rewrites.
// OUTDIR/query: `/v1/search` query strings built from the records, percent-encoded.
// `Fuzz/run.sh` merges them into the committed corpus (`Fuzz/Corpus/<target>`).

import HosoModel
import HosoText

#if canImport(Glibc)
import Glibc
#endif

@main
enum FuzzSeeds {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            print("usage: FuzzSeeds people.ndjson OUTDIR")
            exit(2)
        }
        let lines = try readLines(arguments[1])
        let records = lines.compactMap { try? PersonRecord.parse(line: Array($0.utf8)) }
        let out = arguments[2]
        var writer = SeedWriter(directory: out)

        // Records.
        for line in lines { writer.write("record", line) }
        let encodings: [LegacyEncoding] = [.tcvn3, .vni, .doubleUTF8]
        for (index, record) in records.prefix(60).enumerated() {
            let encoding = encodings[index % encodings.count]
            var mangled = record
            mangled.fullName = LegacyEncoder.encode(record.fullName, as: encoding)
            mangled.position = record.position.map { LegacyEncoder.encode($0, as: encoding) }
            mangled.agency = record.agency.map { LegacyEncoder.encode($0, as: encoding) }
            if case .text(let text)? = record.hometown { mangled.hometown = .text(LegacyEncoder.encode(text, as: encoding)) }
            writer.write("record", mangled.jsonLine())
        }
        for line in handWrittenRecords { writer.write("record", line) }
        for line in lines.prefix(20) { writer.write("record", #"{"op":"upsert","record":"# + line + "}") }
        for line in handWrittenSyncLines { writer.write("record", line) }

        // Analyser inputs.
        var values: [String] = []
        for record in records {
            values.append(record.fullName)
            values += [record.position, record.agency, record.grade, record.nationalID, record.ethnicity].compactMap { $0 }
            switch record.hometown {
            case .text(let text)?: values.append(text)
            case .unit(let commune, let district, let province)?:
                values.append([commune, district, province].compactMap { $0 }.joined(separator: ", "))
            case nil: break
            }
        }
        values += rewrittenWords
        for (index, name) in records.prefix(45).map(\.fullName).enumerated() {
            values.append(LegacyEncoder.encode(name, as: encodings[index % encodings.count]))
            if index % 3 == 0 { values.append(ICU.nfd(name)) }
        }
        for value in unique(values) { writer.write("analyzer", value) }

        // Query strings.
        var queries = handWrittenQueries
        for (index, record) in records.prefix(120).enumerated() {
            var parts: [String] = []
            switch index % 6 {
            case 0: parts.append("name=" + percentEncoded(record.fullName))
            case 1: parts.append("q=" + percentEncoded(record.fullName.lowercased()).replacingSpaces(with: "+"))
            case 2: parts.append("position=" + percentEncoded(record.position ?? "Giáo viên"))
            case 3: parts.append("agency=" + percentEncoded(record.agency ?? "Sở Y tế"))
            case 4: parts.append("grade=" + percentEncoded(record.grade ?? "01.003"))
            default: parts.append("national_id=" + (record.nationalID ?? "001094000001"))
            }
            if index % 4 == 0, case .unit(_, _, let province)? = record.hometown {
                parts.append("hometown=" + percentEncoded(province))
            }
            if index % 5 == 0, let birth = record.birthDate { parts.append("born=\(birth.year)") }
            if index % 7 == 0 { parts.append("gender=" + percentEncoded(record.gender?.rawValue ?? "Nam")) }
            if index % 8 == 0 { parts.append("status=" + (record.status?.rawValue ?? "active")) }
            if index % 3 == 0 { parts.append("prefix=1") }
            if index % 9 == 0 { parts.append("fuzzy=1&limit=\(index % 100 + 1)") }
            queries.append(parts.joined(separator: "&"))
        }
        for query in unique(queries) { writer.write("query", query) }
        print("wrote \(writer.counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")) to \(out)")
    }

    static func readLines(_ path: String) throws -> [String] {
        guard let file = fopen(path, "r") else { throw SeedError(message: "cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                out += String(decoding: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<[UInt8]>()
        return values.filter { seen.insert(Array($0.utf8)).inserted }
    }

    static let handWrittenRecords = [
        #"{"id":"a","full_name":"An"}"#,
        #"{"id":"HS1","full_name":"Nguy\u1ec5n V\u0103n An","national_id":"001094000001","gender":"Nam","birth_date":"1985-07","status":"active","access_level":2,"version":3}"#,
        #"{"id":"HS2","full_name":"L\u00ea \"Th\u1ecb\" \\ /\/ \b\f\n\r\t","other_names":["A","B"],"hometown":{"commune":"X\u00e3 Y\u00ean S\u1edf","district":"Ho\u00e0i \u0110\u1ee9c","province":"H\u00e0 T\u00e2y"}}"#,
        #"{"id":"HS3","full_name":"Tr\u1ea7n","work_history":[{"from":"2001-01","to":null,"agency":"S\u1edf Y t\u1ebf","position":"PG\u0110"}],"training":[{"from":"1999-09","to":"2003-06","institution":"\u0110H Vinh","qualification":"C\u1eed nh\u00e2n"}]}"#,
        #"{"id":"HS4","full_name":"Ph\u1ea1m","x_unknown":{"a":[1,2.5e-3,true,false,null,"\ud83d\ude00"]},"originals":{"full_name":"Pham"},"updated_at":"2026-01-01T00:00:00+07:00","source":"H10","agency_code":"H10.1"}"#,
        "\u{FEFF}{\"id\":\"HS5\",\"full_name\":\"NguyÔn V¨n Hïng\",\"religion\":null,\"ethnicity\":\"Kinh\"}\r",
        #"  {"id" : "HS6" , "full_name" : "Nguyeãn Vaên Huøng" , "grade" : "01.003" }  "#,
        #"{"id":"HS7","full_name":"Nguyá»…n VÄƒn An","birth_date":"1990","access_level":3,"version":9007199254740993}"#,
        #"{"id":"HS8","full_name":"\u0000\u001f\u007f\u00ad\u200b"}"#,
        #"{"id":"HS9","full_name":"x","id":"y"}"#,
        #"[{"id":"HS10"}]"#, #"{"id":1,"full_name":"x"}"#, #"{"id":"HS11","full_name":"x","birth_date":"1985-02-30"}"#,
        #"{"id":"HS12","full_name":"x","national_id":"12345678901"}"#, #"{"id":"HS13","full_name":"x"} trailing"#, "",
        #"{"id":"HS14","full_name":"\ud800"}"#, #"{"id":"HS15","full_name":"x","gender":"Nu"}"#,
    ]

    static let handWrittenSyncLines = [
        #"{"op":"delete","id":"HS0000000001","version":7}"#, #"{"version":2,"id":"a.b-c_d","op":"delete"}"#,
        #"{"op":"upsert","record":{"id":"HS1","full_name":"An"}}"#, #"{"op":"delete","id":"HS1","version":0}"#,
        #"{"op":"upsert","id":"HS1","record":{}}"#, #"{"op":"move"}"#, #"{"op":"delete","id":"HS1","version":1,"record":null}"#,
    ]

    static let rewrittenWords = [
        "PGĐ Sở Y tế", "UBND tỉnh Nghệ An", "TP.HCM", "Tp. Hồ Chí Minh", "Sài Gòn", "Daklak", "Đắk Lắk", "Hà Tây",
        "Xã Hiệp Hòa, Tỉnh Bắc Ninh", "Bắc Giang", "Thừa Thiên Huế", "Bác sĩ", "bác sỹ", "Kỹ sư", "GD&ĐT",
        "H'Hen Niê", "Chuyên viên chính", "01.002", "V.07.04.30", "nguyen van an", "NGUYỄN VĂN THUỶ", "hoà", "qúy",
        "nguyeenx vawn an", "Nguyễn\u{00AD}Văn", "Lê\u{200B}Thị", "Tô – Lâm", "José Müller", "Nguyê", "001 094-000.001",
    ]

    static let handWrittenQueries = [
        "name=Nguy%E1%BB%85n%20V%C4%83n%20An&hometown=Ngh%E1%BB%87%20An&prefix=1",
        "q=b%C3%A1c+s%C4%A9&born=1980-1989&gender=Nam&status=active&limit=50&fuzzy=true",
        "national_id=0123-4567-8901&cursor=c2.1f.2a.HS0000000001",
        "name=nguyen+van+an", "hometown=B%E1%BA%AFc%20Giang&born=1985", "position=PG%C4%90&agency=UBND",
        "grade=01.003&limit=100", "gender=N%E1%BB%AF&status=transferred_out&prefix=0&fuzzy=false",
        "name=%", "name=%G1", "name=%C3", "name=An&name=An", "nam=An", "limit=0", "born=2000-1999", "=x", "&&&",
        "name=Nguy\u{1EC5}n", "name=An&\u{301}q=x",
    ]
}

struct SeedError: Error { var message: String }

/// Writes numbered seed files, one directory per target.
struct SeedWriter {
    let directory: String
    var counts: [String: Int] = [:]

    init(directory: String) { self.directory = directory }

    mutating func write(_ target: String, _ text: String) {
        let dir = directory + "/" + target
        mkdir(directory, 0o755)
        mkdir(dir, 0o755)
        let n = counts[target, default: 0]
        counts[target] = n + 1
        let path = dir + "/seed-" + String(n + 100000).dropFirst()
        guard let file = fopen(path, "w") else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }
}

extension String {
    fileprivate func replacingSpaces(with replacement: String) -> String {
        split(separator: "%20", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// `run.sh` builds every product with `-sanitize=fuzzer`, which links libFuzzer; libFuzzer needs
/// this symbol even in a program that never starts the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func unusedFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
