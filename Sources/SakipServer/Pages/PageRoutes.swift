import Foundation
import Hummingbird
import SakipCore

/// The service's pages: server-rendered HTML over the same operations as the API, for agencies,
/// evaluators, the office and viewers. They work without JavaScript (forms post and redirect);
/// `sakip.js` only saves a criterion without a reload.
enum PageRoutes {
    static func add(to router: Router<SakipRequestContext>, state: AppState) {
        StaticFiles.add(to: router)
        SignInPages.add(open: router, state: state)
        let pages = router.group().add(middleware: PageSessionMiddleware(state: state))
        pages.get("/") { _, context in try await home(context, state) }
        SignInPages.add(signedIn: pages, state: state)
        LKEPages.add(to: pages, state: state)
        ProgressPages.add(to: pages, state: state)
        OfficePages.add(to: pages, state: state)
    }

    /// Where each role starts: an agency at its LKE, an evaluator at its agencies, the office at
    /// its desk, a viewer at the newest published results.
    static func home(_ context: SakipRequestContext, _ state: AppState) async throws -> Response {
        let identity = try context.signedIn()
        let periods = try await state.store.periods()
        if identity.role == .office { return Page.redirect("/office") }
        let open = periods.filter { $0.state == .open }.map(\.year).max()
        let newest = periods.map(\.year).max()
        let published = periods.filter { $0.state == .published }.map(\.year).max()
        let l = Labels(Language(rawValue: identity.language) ?? .id)
        switch identity.role {
        case .agency:
            if let year = open ?? newest, let agency = identity.agency { return Page.redirect("/periods/\(year)/agencies/\(PagePath.escape(agency))") }
        case .evaluator:
            if let year = open ?? newest { return Page.redirect("/periods/\(year)/agencies") }
        case .viewer:
            if let year = published { return Page.redirect("/periods/\(year)/results") }
            throw PageProblem.notice(l("No published results yet"), l("Results appear here once the office publishes a period."))
        case .office: break
        }
        throw PageProblem.notice(l("No period yet"), l("The office has not opened an evaluation period yet."))
    }
}

extension PageProblem {
    /// A page that says there is nothing here yet (or not for this caller, with `status`).
    static func notice(_ heading: String, _ text: String, status: HTTPResponse.Status = .ok) -> PageProblem {
        var problem = PageProblem(status, text)
        problem.heading = heading
        return problem
    }
}

/// The style sheet and the script, from the target's resources, read once.
enum StaticFiles {
    static let files: [String: (type: String, bytes: [UInt8])] = {
        var files: [String: (String, [UInt8])] = [:]
        guard let folder = try? PageRenderer.resource("Static") else { return [:] }
        for (name, type) in [("sakip.css", "text/css; charset=utf-8"), ("sakip.js", "text/javascript; charset=utf-8")] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { files[name] = (type, Array(data)) }
        }
        return files
    }()

    static func add(to router: Router<SakipRequestContext>) {
        router.get("static/:file") { _, context in
            guard let file = files[try context.parameters.require("file")] else { throw APIProblem.notFound("file") }
            var response = JSONBody.bytes(file.bytes, contentType: file.type)
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
    }
}
