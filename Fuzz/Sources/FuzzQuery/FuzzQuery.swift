// Fuzz target (b): the query string of `GET /v1/search`.
//
// The service splits off a sealed `cursor` (`HosoService.parseSearch`, with `QueryText.decode`)
// and hands the rest to `SearchRequest.parse(queryString:)` (with `PercentDecoding.decode`).
// Checked for every input:
// - the two percent decoders and an independent one written here agree on every name and value
//   (same text, or all three refuse);
// - an accepted request names only known parameters, each once, and every error is
//   `SearchError.invalid` (never `.forbidden`, which is the engine's to raise);
// - an accepted request is in range: text values trimmed, non-empty, at most 256 bytes;
//   `national_id` 12 ASCII digits; `born` within 1900–2100 and ordered; `limit` 1–100;
//   a cursor that re-encodes to itself;
// - written back as a query string (percent-encoding everything) it parses to the same request;
// - `parseSearch` (with a cursor sealed for another key, or none) accepts what `parse` accepts
//   and rejects what it rejects;
// - the other routes' decoder (`HosoServer.QueryParameters`, e.g. for `/v1/audit`) accepts exactly
//   the well-formed strings whose names are allowed and unique, with the oracle's values, and
//   throws only a 400 naming the parameter.

import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import HosoEngine
import HosoModel
@testable import HosoQuery
@testable import HosoServer

/// One service over an empty store in a temporary directory, for `parseSearch` (it opens cursors
/// with the store's sealing key). Nothing is written to it.
let service: HosoService = {
    var template = Array("/tmp/hoso-fuzz-query-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { buffer in String(cString: mkdtemp(buffer.baseAddress!)!) }
    do { return try HosoService(directory: path) } catch { fatalError("cannot open a service in \(path): \(error)") }
}()
let caller = Caller(keyID: "k_fuzz", role: .officer, level: .restricted)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // Hummingbird hands the service the query as a String: invalid UTF-8 arrives repaired.
    let query = String(decoding: bytes, as: UTF8.self)

    checkDecoders(query)

    let parsed = Result { () throws(SearchError) -> SearchRequest in try SearchRequest.parse(queryString: query) }
    let expected = Oracle.pairs(query)
    switch parsed {
    case .failure(let error):
        guard case .invalid = error else { check(false, "parse threw \(error)"); return 0 }
        if let pairs = expected {
            // The oracle found well-formed pairs; refusing them needs a bad name, a repeat or a bad value.
            let names = pairs.map(\.0)
            let knownAndUnique =
                names.allSatisfy(SearchRequest.parameters.contains) && Set(names).count == names.count
            if knownAndUnique {
                check(
                    Oracle.hasBadValue(pairs),
                    "refused well-formed known parameters: \(query.debugEscaped) → \(error)")
            }
        }
    case .success(let request):
        guard let pairs = expected else {
            check(false, "accepted what is not a well-formed query string: \(query.debugEscaped)")
            return 0
        }
        let names = pairs.map(\.0)
        for name in names {
            check(SearchRequest.parameters.contains(name), "accepted unknown parameter \(name.debugEscaped)")
        }
        check(Set(names).count == names.count, "accepted a repeated parameter: \(query.debugEscaped)")
        checkRanges(request, query)
        let again = Result { () throws(SearchError) -> SearchRequest in
            try SearchRequest.parse(queryString: Oracle.encode(request))
        }
        check(
            (try? again.get()) == request,
            "re-encoded request does not parse back: \(query.debugEscaped) → \(Oracle.encode(request).debugEscaped) → \(again)")
    }

    checkService(query, parsed)
    checkQueryParameters(query, expected)
    return 0
}

/// `QueryParameters` (the routes other than `/v1/search`) against the oracle, with the audit
/// route's names and with none allowed.
func checkQueryParameters(_ query: String, _ expected: [(String, String)]?) {
    for allowed in [Set(["subject", "caller", "limit"]), Set<String>(), SearchRequest.parameters] {
        let result = Result { () throws(APIError) -> QueryParameters in try QueryParameters(query[...], allowed: allowed) }
        switch result {
        case .success(let parameters):
            guard let pairs = expected else {
                check(false, "QueryParameters accepted what is not well-formed: \(query.debugEscaped)")
                return
            }
            check(pairs.allSatisfy { allowed.contains($0.0) }, "QueryParameters accepted an unknown name: \(query.debugEscaped)")
            check(Set(pairs.map(\.0)).count == pairs.count, "QueryParameters accepted a repeat: \(query.debugEscaped)")
            check(
                parameters.pairs.count == pairs.count
                    && zip(parameters.pairs, pairs).allSatisfy { sameBytes($0.name, $1.0) && sameBytes($0.value, $1.1) },
                "QueryParameters decoded \(parameters.pairs) for \(query.debugEscaped), expected \(pairs)")
        case .failure(let error):
            check(error.status.code == 400 && error.parameter != nil, "QueryParameters threw \(error)")
            if let pairs = expected {
                let names = pairs.map(\.0)
                check(
                    !names.allSatisfy(allowed.contains) || Set(names).count != names.count,
                    "QueryParameters refused well-formed allowed parameters: \(query.debugEscaped) → \(error)")
            }
        }
    }
}

/// `QueryText.decode`, `PercentDecoding.decode` and `Oracle.decode` agree on every part.
func checkDecoders(_ query: String) {
    for part in query.utf8.split(separator: UInt8(ascii: "&")) {
        for bytes in part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false) {
            let piece = Substring(bytes)
            let engine = QueryText.decode(piece)
            let request = try? PercentDecoding.decode(String(piece), parameter: "p")
            let oracle = Oracle.decode(piece.utf8)
            check(
                engine.map { Array($0.utf8) } == oracle.map { Array($0.utf8) },
                "QueryText.decode(\(piece.debugEscaped)) = \(String(describing: engine)), expected \(String(describing: oracle))")
            check(
                request.map { Array($0.utf8) } == oracle.map { Array($0.utf8) },
                "PercentDecoding.decode(\(piece.debugEscaped)) = \(String(describing: request)), expected \(String(describing: oracle))")
        }
    }
}

/// The values of an accepted request are within the documented ranges.
func checkRanges(_ r: SearchRequest, _ query: String) {
    for (name, value) in [
        ("q", r.q), ("name", r.name), ("hometown", r.hometown), ("position", r.position), ("agency", r.agency),
        ("grade", r.grade),
    ] {
        guard let value else { continue }
        check(!value.isEmpty, "\(name) accepted empty: \(query.debugEscaped)")
        check(value.first != " " && value.last != " ", "\(name) not trimmed: \(value.debugEscaped)")
        check(value.utf8.count <= SearchRequest.maxValueBytes, "\(name) longer than the limit: \(query.debugEscaped)")
    }
    if let id = r.nationalID {
        check(id.utf8.count == 12 && id.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "national_id \(id.debugEscaped)")
    }
    if let born = r.born {
        check(born.lowerBound >= 1900 && born.upperBound <= 2100, "born \(born) out of range")
    }
    check((1...SearchRequest.maxLimit).contains(r.limit), "limit \(r.limit)")
    if let gender = r.gender { check(gender == 1 || gender == 2, "gender \(gender)") }
    if let status = r.status { check((1...4).contains(status), "status \(status)") }
    if let cursor = r.cursor {
        check(SearchCursor(encoded: cursor.encoded) == cursor, "cursor does not re-encode: \(cursor)")
    }
}

/// The service's parser agrees with `SearchRequest.parse` on everything but the cursor, which it
/// opens with its sealing key: a cursor made by anyone else is refused.
func checkService(_ query: String, _ parsed: Result<SearchRequest, SearchError>) {
    let viaService = Result { () throws(ServiceError) -> SearchRequest in try service.parseSearch(query, caller: caller) }
    let hasCursor = query.utf8.split(separator: UInt8(ascii: "&")).contains { part in
        Oracle.decode(part.prefix { $0 != UInt8(ascii: "=") }) == "cursor"
    }
    switch (parsed, viaService) {
    case (.success(let a), .success(let b)):
        check(!hasCursor, "parseSearch opened a cursor it never sealed: \(query.debugEscaped)")
        check(a == b, "parseSearch and parse disagree: \(query.debugEscaped)")
    case (.success, .failure(let error)):
        check(hasCursor, "parseSearch refused (\(error)) what parse accepts: \(query.debugEscaped)")
    case (.failure, .success):
        check(false, "parseSearch accepted what parse refuses: \(query.debugEscaped)")
    case (.failure, .failure(let error)):
        guard case .invalid = error else { check(false, "parseSearch threw \(error)"); return }
    }
}

@main
enum FuzzQueryMain {
    static func main() { runFuzzer(fuzzQuery) }
}
