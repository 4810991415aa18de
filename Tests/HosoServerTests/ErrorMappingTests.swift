import HosoEngine
import HosoQuery
import Hummingbird
import Testing

@testable import HosoServer

/// The one error-mapping place: every service error to its status, code and parameter, and
/// anything unexpected to a 500 that names nothing internal.
@Suite struct ErrorMappingTests {
    static let cases: [(ServiceError, Int, String, String?)] = [
        (.unauthorized, 401, "unauthorized", nil),
        (.forbidden(parameter: "hometown", message: "hometown: level 1 needed"), 403, "forbidden", "hometown"),
        (.forbidden(parameter: nil, message: "admin keys only"), 403, "forbidden", nil),
        (.notFound, 404, "not_found", nil),
        (.invalid(parameter: "limit", reason: "must be 1 to 100"), 400, "invalid_parameter", "limit"),
        (.tooLarge, 413, "too_large", nil),
        (.rateLimited(retryAfterSeconds: 30), 429, "rate_limited", nil),
        (.unavailable, 503, "unavailable", nil),
    ]

    @Test(arguments: cases)
    func serviceErrorsKeepTheirStatusCodeAndParameter(error: ServiceError, status: Int, code: String, parameter: String?) throws {
        let mapped = APIError(mapping: error)
        #expect(mapped.status.code == status)
        #expect(mapped.code == code)
        #expect(mapped.parameter == parameter)
        #expect(mapped.retryAfterSeconds == (status == 429 ? 30 : nil))
        let body = try JSONValue.parse(mapped.body)
        #expect(body["error"]?["code"]?.stringValue == code)
        #expect(body["error"]?["parameter"]?.stringValue == parameter)
    }

    @Test func storageFailuresAndUnknownErrorsAreBare500s() throws {
        struct Surprise: Error { let detail = "/var/lib/hoso/data.mdb: MDB_CORRUPTED" }
        for error: any Error in [ServiceError.failure(message: "the record store could not be read: MDB_CORRUPTED"), Surprise()] {
            let mapped = APIError(mapping: error)
            #expect(mapped.status == .internalServerError)
            let text = String(decoding: mapped.body, as: UTF8.self)
            #expect(text == #"{"error":{"code":"internal_error","message":"internal error"}}"#)
        }
    }

    @Test func aRetryAfterIsNeverBelowOneSecond() {
        #expect(APIError(mapping: ServiceError.rateLimited(retryAfterSeconds: 0)).retryAfterSeconds == 1)
    }

    @Test func searchAndHummingbirdErrorsKeepTheJSONShape() {
        #expect(APIError(mapping: SearchError.invalid(parameter: "born", reason: "bad")).parameter == "born")
        #expect(APIError(mapping: SearchError.forbidden(parameter: "national_id")).status == .forbidden)
        #expect(APIError(mapping: HTTPError(.notFound)) == .noRoute)
        #expect(APIError(mapping: HTTPError(.contentTooLarge)).code == "too_large")
        #expect(APIError(mapping: HTTPError(.badGateway)).status == .internalServerError)
    }
}
