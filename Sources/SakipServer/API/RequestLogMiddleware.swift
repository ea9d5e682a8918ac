import HTTPTypes
import Hummingbird
import Logging

/// One line per request, after it is answered: method, path, status, time taken and who asked.
/// Query strings are left out (they can carry search terms an auditor need not see); bodies and
/// credentials never appear.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = SakipRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        var user = "-"
        defer {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info("\(request.method) \(request.uri.path) \(status)", metadata: [
                "ms": "\((milliseconds * 10).rounded() / 10)", "user": "\(user)",
            ])
        }
        let response = try await next(request, context)
        status = response.status.code
        user = response.headers[RequestLogMiddleware.userHeader] ?? "-"
        var cleaned = response
        cleaned.headers[RequestLogMiddleware.userHeader] = nil
        return cleaned
    }

    /// Set by the authentication middleware on the response, for this log only (removed here).
    static let userHeader = HTTPField.Name("X-Sakip-Log-User")!
}
