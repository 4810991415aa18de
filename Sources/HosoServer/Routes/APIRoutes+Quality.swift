import HosoEngine
import Hummingbird

extension APIRoutes {
    /// `GET /v1/quality[?examples=N]` (admin keys): the data-quality report.
    func quality(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let query = try QueryParameters(request.uri.query?[...], allowed: ["examples"])
        var examples = 5
        if let text = query["examples"] {
            guard let number = Int(text), (1...100).contains(number) else {
                throw APIError.invalid(parameter: "examples", reason: "must be a whole number from 1 to 100")
            }
            examples = number
        }
        return .json(try await service.quality(caller: caller, examples: examples))
    }
}
