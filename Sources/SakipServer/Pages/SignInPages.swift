import Foundation
import Hummingbird
import Logging
import SakipCore

/// Signing in and out, and the user's own account (password, language).
enum SignInPages {
    static func add(open router: Router<SakipRequestContext>, state: AppState) {
        router.get("signin") { request, _ in
            let language = Language(rawValue: request.uri.queryParameters["lang"].map(String.init) ?? "") ?? .id
            let next = PagePath.safeNext(request.uri.queryParameters["next"].map(String.init))
            var frame = PageFrame(identity: nil, language: language)
            if request.uri.queryParameters["changed"] != nil { frame.flash = frame.labels("Password changed; sign in with the new one.") }
            if request.uri.queryParameters["signed-out"] != nil { frame.flash = frame.labels("Signed out.") }
            return try page(language: language, next: next).response(frame)
        }
        router.post("signin") { request, context in
            guard PagePath.sameOrigin(request) else { return Page.redirect("/signin") }
            let fields = try await PageSessionMiddleware.readForm(request)
            return try await signIn(fields, state: state, logger: context.logger)
        }
    }

    static func add(signedIn pages: RouterGroup<SakipRequestContext>, state: AppState) {
        pages.post("signout") { request, _ in
            if let session = request.cookies[AuthMiddleware.cookie]?.value {
                try await state.store.deleteSession(digest: Credentials.digest(session))
            }
            var response = Page.redirect("/signin?signed-out=1")
            response.headers[.setCookie] = SessionRoutes.cookie("", maxAge: 0, secure: state.configuration.secureCookies)
            return response
        }
        pages.get("account") { _, context in
            let (identity, frame) = try PageContext.frame(context, state)
            return try account(identity, frame.labels).response(frame)
        }
        pages.post("account/password") { _, context in
            let (identity, frame) = try PageContext.frame(context, state)
            let form = context.form ?? FormFields()
            guard try await state.accounts.verify(identity.username, form["old"] ?? "") != nil else {
                var page = account(identity, frame.labels)
                page.view["error"] = frame.labels("Current password") + ": ✗"
                page.status = .forbidden
                return try page.response(frame)
            }
            try await UserRoutes.setPassword(identity.username, form["new"] ?? "", state: state)
            // A new password ends every session, this one too.
            return Page.redirect("/signin?changed=1")
        }
        pages.post("account/language") { _, context in
            let identity = try context.signedIn()
            let language = Language(rawValue: context.form?["language"] ?? "") ?? .id
            try await state.store.setLanguage(identity.username, language.rawValue)
            return Page.redirect("/account")
        }
    }

    static func account(_ identity: Identity, _ l: Labels) -> Page {
        let languages = [("id", l("Indonesian")), ("en", l("English"))].map { ["value": $0.0, "label": $0.1, "selected": $0.0 == identity.language] }
        return Page(template: "account", title: l("Account"), view: ["languages": languages])
    }

    /// The sign-in page, with a form being sent when the session ended (`draft`).
    static func page(language: Language, next: String, username: String = "", error: String? = nil,
                     draft: [String: Any]? = nil, status: HTTPResponse.Status = .ok) -> Page {
        let l = Labels(language)
        let other: Language = language == .id ? .en : .id
        var view: [String: Any] = [
            "next": next, "username": username, "otherLang": other.rawValue,
            "otherLanguageName": other == .en ? "English" : "Bahasa Indonesia",
            "otherLanguageURL": "/signin?lang=\(other.rawValue)&next=\(PagePath.query(next))",
        ]
        if let error { view["error"] = error }
        if let draft { view["draft"] = draft }
        return Page(template: "signin", title: l("Sign in"), view: view, status: status)
    }

    /// A form posted after its session ended: the sign-in page, carrying what was typed.
    static func expired(_ request: Request, _ fields: FormFields, frame: PageFrame) throws -> Response {
        let l = frame.labels
        let kept = fields.pairs.filter { $0.name != "csrf" }.map { ["name": $0.name, "value": $0.value] }
        let action = request.uri.path
        // An answer's form is kept (what was typed into the LKE); any other form is sent again by hand.
        let draft: [String: Any]? = PagePath.isAnswerForm(action) ? ["action": action, "fields": kept] : nil
        var page = page(language: frame.language, next: PagePath.isAnswerForm(action) ? action : "/", draft: draft, status: .unauthorized)
        if !fields.files.isEmpty { page.view["error"] = l("Send the file again after signing in.") }
        return try page.response(frame)
    }

    static func signIn(_ fields: FormFields, state: AppState, logger: Logger) async throws -> Response {
        let language = Language(rawValue: fields["lang"] ?? "") ?? .id
        let l = Labels(language)
        let next = PagePath.safeNext(fields["next"])
        let draftAction = fields["draft_action"].map { PagePath.safeNext($0) }.flatMap { PagePath.isAnswerForm($0) ? $0 : nil }
        let draftFields = fields.pairs.filter { $0.name.hasPrefix("draft:") }.map { (String($0.name.dropFirst(6)), $0.value) }
        let draft: [String: Any]? = draftAction.map { ["action": $0, "fields": draftFields.map { ["name": $0.0, "value": $0.1] }] }
        let username = fields["username"] ?? ""
        let identity: Identity, cookie: String
        do {
            (identity, cookie) = try await SessionRoutes.startSession(SessionRoutes.SignIn(username: username, password: fields["password"] ?? ""), state: state)
        } catch let problem as APIProblem where problem.status == .unauthorized || problem.status == .tooManyRequests {
            let message = problem.status == .tooManyRequests
                ? l("Too many failed sign-ins for this name; try again in {} s.", problem.headers[.retryAfter] ?? "60")
                : l("The user name or password is not right.")
            return try page(language: language, next: next, username: username, error: message, draft: draft, status: problem.status)
                .response(PageFrame(identity: nil, language: language))
        }
        var response: Response
        if let draftAction {
            // What was typed before the session ended, shown again to be sent with the new token.
            let frame = PageFrame(identity: identity, language: Language(rawValue: identity.language) ?? .id)
            let resume = Page(template: "resume", title: frame.labels("Send what you typed"), view: [
                "action": draftAction, "back": draftAction.split(separator: "/answers/").first.map(String.init) ?? "/",
                "fields": draftFields.map { ["name": $0.0, "value": $0.1] },
            ])
            response = try resume.response(frame)
        } else {
            response = Page.redirect(next)
        }
        response.headers[.setCookie] = cookie
        return response
    }
}

/// What most pages start with: the signed-in identity and the frame around the page.
enum PageContext {
    static func frame(_ context: SakipRequestContext, _ state: AppState, current: String = "") throws -> (Identity, PageFrame) {
        let identity = try context.signedIn()
        return (identity, PageFrame(identity: identity, language: Language(rawValue: identity.language) ?? .id, year: context.newestYear, current: current))
    }
}
