import Hummingbird
import NIOCore
import SakipCore

/// The pages' sign-in and form checks: who is asking, from the session cookie; someone not
/// signed in is sent to the sign-in page (a form they were sending comes along, so nothing
/// typed is lost); every posted form is read here once, and must carry the session's CSRF
/// token. Refusals become pages in the user's language, not JSON.
struct PageSessionMiddleware: RouterMiddleware {
    typealias Context = SakipRequestContext
    let state: AppState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var frame = PageFrame(identity: nil, language: .id)
        do {
            let identity = try await signedIn(request)
            frame.identity = identity
            frame.language = identity.flatMap { Language(rawValue: $0.language) } ?? .id
            frame.year = try await state.store.periods().map(\.year).max()
            if request.method == .post {
                guard PagePath.sameOrigin(request) else {
                    throw PageProblem(.forbidden, frame.labels("The form had expired; it was not sent. Try again."))
                }
                let fields = try await Self.readForm(request)
                guard let identity else { return try SignInPages.expired(request, fields, frame: frame) }
                guard let sent = fields["csrf"], let csrf = identity.csrfToken, Credentials.same(sent, csrf) else {
                    throw PageProblem(.forbidden, frame.labels("The form had expired; it was not sent. Try again."))
                }
                context.form = fields
            } else if identity == nil {
                return Page.redirect("/signin?next=" + PagePath.query(request.uri.description))
            }
            context.identity = identity
            context.newestYear = frame.year
            var response = try await next(request, context)
            response.headers[RequestLogMiddleware.userHeader] = identity?.username
            return response
        } catch {
            if !(error is PageProblem || error is APIProblem || error is StoreError || error is any HTTPResponseError) {
                context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try PageProblem(error, labels: frame.labels).page.response(frame)
        }
    }

    /// The session's user, or nil when there is no session or it has ended.
    func signedIn(_ request: Request) async throws -> Identity? {
        guard let session = request.cookies[AuthMiddleware.cookie]?.value, !session.isEmpty,
              let (user, csrf) = try await state.store.session(digest: Credentials.digest(session), now: Store.now())
        else { return nil }
        return user.identity(csrf: csrf)
    }

    /// A posted form: URL-encoded (1 MiB at most) or multipart with a file (an upload's bound).
    static func readForm(_ request: Request) async throws -> FormFields {
        let type = request.headers[.contentType] ?? ""
        if let boundary = FormFields.boundary(of: type) {
            let body = try await request.body.collect(upTo: Limits.upload + 64 * 1024)
            do {
                return try FormFields.multipart(body, boundary: boundary)
            } catch {
                throw PageProblem(.badRequest, "the form could not be read: \(error)")
            }
        }
        let body = try await request.body.collect(upTo: 1 << 20)
        return FormFields.urlEncoded(Array(buffer: body))
    }
}

/// A refusal shown as a page: its status, a heading and what to do.
struct PageProblem: Error {
    var status: HTTPResponse.Status
    var message: String
    var diagnostics: [Diagnostic] = []

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }


    /// Any error a page's work threw, as the page that says it.
    init(_ error: any Error, labels: Labels) {
        switch error {
        case let problem as PageProblem:
            self = problem
        case let problem as APIProblem:
            self.init(problem.status, problem.message)
            diagnostics = problem.diagnostics
        case let error as StoreError:
            let problem = APIProblem(error)
            self.init(problem.status, problem.message)
        case let error as any HTTPResponseError:
            self.init(error.status, (error as? HTTPError)?.body ?? error.status.reasonPhrase)
        default:
            self.init(.internalServerError, labels("Something went wrong"))
        }
        self.labels = labels
    }

    private var labels = Labels(.id)
    var heading: String?

    var page: Page {
        let l = labels
        let fallback = switch status {
        case .notFound: l("Not found")
        case .forbidden: l("Not allowed")
        case .internalServerError: l("Something went wrong")
        default: l("Refused")
        }
        let heading = heading ?? fallback
        return Page(template: "message", title: heading, view: [
            "heading": heading, "paragraphs": [message], "hasDiagnostics": !diagnostics.isEmpty,
            "diagnostics": diagnostics.map { PageDiagnostics.row($0, l) },
            "link": ["href": "/", "label": l("Go to the start page")],
        ], status: status)
    }
}

/// Diagnostics as the pages list them: the place (`file.xlsx:LKE!E12`), the message.
enum PageDiagnostics {
    static func row(_ diagnostic: Diagnostic, _ l: Labels) -> [String: Any] {
        ["place": l.place(diagnostic.location), "text": l(diagnostic.text), "severity": diagnostic.severity.rawValue]
    }
}
