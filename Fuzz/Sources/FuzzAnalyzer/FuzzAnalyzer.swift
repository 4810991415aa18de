// Fuzz target (c): the analyser (`Analyzer.document` / `query`) for every field kind, and
// `LegacyRepair.repair`, on arbitrary bytes.
//
// Checked for every input:
// - `document(utf8:)` refuses bytes that are not UTF-8 with `.invalidUTF8` at an offset inside
//   the input, and otherwise gives exactly what `document(String)` gives;
// - errors are the documented ones and say the truth: `.tooLong` only beyond 16 KiB,
//   `.controlCharacter` names a control character at that character offset;
// - no token (nor its surface keys, nor an alternative) has an empty exact, toneless or folded
//   key; exact keys are NFC; positions are not negative;
// - the same input gives the same tokens twice (no state leaks between calls);
// - NFC and NFD spellings of the input give the same tokens byte for byte (DESIGN §4: NFD input
//   finds the person), on both sides and for every field;
// - `LegacyRepair.repair` keeps the original, says truly whether it changed anything, returns NFC
//   and is idempotent (repairing its output changes nothing), also for non-UTF-8 bytes.

import FuzzSupport
import HosoText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    checkRepair(bytes)
    guard let text = String(validating: bytes, as: UTF8.self) else {
        for field in Field.allCases {
            do throws(AnalysisError) {
                _ = try Analyzer.shared.document(utf8: bytes, field: field)
                check(false, "document(utf8:) accepted bytes that are not UTF-8")
            } catch {
                switch error {
                case .invalidUTF8(let offset):
                    check(offset >= 0 && offset < size, "invalidUTF8 offset \(offset) outside \(size) bytes")
                case .tooLong:
                    check(size > 16 * 1024, "tooLong for \(size) bytes")
                case .controlCharacter:
                    check(false, "controlCharacter for bytes that are not UTF-8")
                }
            }
        }
        return 0
    }
    let nfc = ICU.nfc(text)
    let nfd = ICU.nfd(text)
    for field in Field.allCases {
        let document = analyse(text, field, query: false)
        _ = analyse(text, field, query: true)
        check(Dump(document) == Dump(analyse(text, field, query: false)), "document(\(field)) differs on a second call")
        let viaBytes = Result { () throws(AnalysisError) -> [Token] in try Analyzer.shared.document(utf8: bytes, field: field) }
        check(Dump(viaBytes) == Dump(document), "document(utf8:) and document(String) differ for \(field): \(text.debugEscaped)")
        for queryside in [false, true] {
            let composed = analyse(nfc, field, query: queryside)
            let decomposed = analyse(nfd, field, query: queryside)
            switch (composed, decomposed) {
            case (.success, .success):
                check(
                    Dump(composed) == Dump(decomposed),
                    "\(queryside ? "query" : "document")(\(field)): NFC and NFD differ for \(text.debugEscaped)\n NFC: \(Dump(composed).text)\n NFD: \(Dump(decomposed).text)")
            case (.failure(.tooLong), _), (_, .failure(.tooLong)):
                break  // NFD is longer: only one may be over the limit.
            case (.failure, .failure):
                break
            default:
                check(false, "\(field): only one of NFC / NFD was refused: \(text.debugEscaped) → \(composed) / \(decomposed)")
            }
        }
    }
    return 0
}

/// Runs one side of the analyser and checks the tokens or the error.
func analyse(_ text: String, _ field: Field, query: Bool) -> Result<[Token], AnalysisError> {
    let result = Result { () throws(AnalysisError) -> [Token] in
        query ? try Analyzer.shared.query(text, field: field) : try Analyzer.shared.document(text, field: field)
    }
    switch result {
    case .success(let tokens):
        for token in tokens { checkToken(token, text: text, field: field) }
    case .failure(let error):
        checkError(error, text: text)
    }
    return result
}

func checkToken(_ token: Token, text: String, field: Field) {
    for keys in [token.keys] + (token.surface.map { [$0] } ?? []) {
        check(
            !keys.exact.isEmpty && !keys.toneless.isEmpty && !keys.folded.isEmpty,
            "\(field): empty key \(keys) in \(token) for \(text.debugEscaped)")
        check(ICU.isNFC(keys.exact), "\(field): exact key not NFC: \(keys.exact.debugEscaped) for \(text.debugEscaped)")
    }
    check(token.position >= 0, "\(field): negative position \(token.position)")
    for alternative in token.alternatives { checkToken(alternative, text: text, field: field) }
}

func checkError(_ error: AnalysisError, text: String) {
    switch error {
    case .tooLong(let bytes, let limit):
        check(bytes == text.utf8.count && bytes > limit, "tooLong(\(bytes), \(limit)) for \(text.utf8.count) bytes")
    case .controlCharacter(let scalar, let offset):
        let scalars = Array(text.unicodeScalars)
        check(offset >= 0 && offset < scalars.count, "controlCharacter offset \(offset) of \(scalars.count)")
        check(scalars[offset].value == scalar, "controlCharacter U+\(String(scalar, radix: 16)) is not at \(offset)")
        check(scalar < 0x20 || (0x7F..<0xA0).contains(scalar), "U+\(String(scalar, radix: 16)) called a control character")
    case .invalidUTF8:
        check(false, "invalidUTF8 for a String")
    }
}

/// `LegacyRepair.repair` on the bytes (and on the text, when they are UTF-8).
func checkRepair(_ bytes: UnsafeBufferPointer<UInt8>) {
    let repaired = LegacyRepair.repair(bytes: bytes)
    if let text = String(validating: bytes, as: UTF8.self) {
        check(sameBytes(repaired.original, text), "repair lost the original")
        check(repaired == LegacyRepair.repair(text), "repair(bytes:) and repair(String) differ")
    }
    check(
        repaired.changed == !sameBytes(repaired.text, repaired.original),
        "changed=\(repaired.changed) for \(repaired.original.debugEscaped) → \(repaired.text.debugEscaped)")
    check(ICU.isNFC(repaired.text), "repair returned non-NFC \(repaired.text.debugEscaped)")
    let again = LegacyRepair.repair(repaired.text)
    check(
        sameBytes(again.text, repaired.text),
        "repair is not idempotent: \(repaired.original.debugEscaped) → \(repaired.text.debugEscaped) → \(again.text.debugEscaped)")
}

/// Every field of a token list (or the error) as text, for byte-exact comparison.
struct Dump: Equatable {
    var text: String

    init(_ result: Result<[Token], AnalysisError>) {
        switch result {
        case .success(let tokens): text = tokens.map(Dump.describe).joined(separator: " ")
        case .failure(let error): text = "error: \(error)"
        }
    }

    static func describe(_ t: Token) -> String {
        var s = "[\(t.position) \(t.origin.rawValue) \(keys(t.keys))"
        if let surface = t.surface { s += " <- " + keys(surface) }
        if !t.alternatives.isEmpty { s += " alt(" + t.alternatives.map(describe).joined(separator: ", ") + ")" }
        return s + "]"
    }

    static func keys(_ k: WordKeys) -> String {
        "\(k.exact.debugEscaped)|\(k.toneless.debugEscaped)|\(k.folded.debugEscaped)|\(k.hasTone)"
    }

    static func == (a: Dump, b: Dump) -> Bool { sameBytes(a.text, b.text) }
}

@main
enum FuzzAnalyzerMain {
    static func main() { runFuzzer(fuzzAnalyzer) }
}
