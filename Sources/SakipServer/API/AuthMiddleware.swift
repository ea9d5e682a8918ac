import HTTPTypes
import Hummingbird

/// Says who is asking, from `Authorization: Bearer TOKEN` or the session cookie, and refuses
/// anyone else (401). A cookie-signed request that changes something must echo the session's
/// CSRF token in `X-CSRF-Token` (403 otherwise): a cookie alone proves nothing about intent.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = SakipRequestContext
    let state: AppState

    static let cookie = "sakip_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "),
                  let user = try await state.store.user(tokenDigest: Credentials.digest(String(authorization.dropFirst(7))))
            else { throw APIProblem(.unauthorized, code: "unauthenticated", "the token is unknown, revoked, or its user disabled") }
            context.identity = user.identity()
        } else if let session = request.cookies[Self.cookie]?.value {
            guard let (user, csrf) = try await state.store.session(digest: Credentials.digest(session), now: Store.now()) else {
                throw APIProblem(.unauthorized, code: "session-expired", "the session has ended; sign in again")
            }
            if ![.get, .head, .options].contains(request.method) {
                guard let sent = request.headers[Self.csrfHeader], Credentials.same(sent, csrf) else {
                    throw APIProblem(.forbidden, code: "csrf", "a request signed by a session cookie must carry the session's X-CSRF-Token")
                }
            }
            context.identity = user.identity(csrf: csrf)
        } else {
            throw APIProblem(.unauthorized, code: "unauthenticated", "sign in, or send Authorization: Bearer TOKEN")
        }
        var response = try await next(request, context)
        response.headers[RequestLogMiddleware.userHeader] = context.identity?.username
        return response
    }
}

/// Headers every response carries: nothing from another host, no framing, no type sniffing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as APIProblem {
            response = try problem.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own refusals (a body that does not decode, one too large) in the
            // service's error shape, with their headers.
            let status = error.status
            let code = status == .contentTooLarge ? "too-large" : status == .badRequest ? "bad-request" : "http-\(status.code)"
            let message = (error as? HTTPError)?.body ?? (status == .contentTooLarge ? "the request body is larger than this route takes" : status.reasonPhrase)
            let own = try error.response(from: request, context: context)
            response = try APIProblem(status, code: code, message).response(from: request, context: context)
            for field in own.headers where field.name != .contentLength && field.name != .contentType { response.headers.append(field) }
        } catch let error as StoreError {
            response = try APIProblem(error).response(from: request, context: context)
        } catch {
            // Whatever else went wrong is logged whole and answered without detail.
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            response = try APIProblem(.internalServerError, code: "internal", "the service failed to answer; the failure is logged")
                .response(from: request, context: context)
        }
        // A route with a stricter policy of its own (the HTML report) keeps it.
        response.headers[.contentSecurityPolicy] = response.headers[.contentSecurityPolicy]
            ?? "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        return response
    }
}
