import Foundation
import Hummingbird
import Mustache
import SakipCore

/// The pages' templates (Mustache, from the target's resources), loaded once, and the one
/// place a page becomes a response.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// The bundled templates; failing to load them is a broken build, which the tests catch.
    static let bundled: Result<PageRenderer, any Error> = Result { try PageRenderer(directory: resource("Templates")) }

    init(directory: URL) throws {
        var templates: [String: MustacheTemplate] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
    }

    static func resource(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
            throw APIProblem(.internalServerError, code: "resources", "the service's \(name) are missing: keep sakip_SakipServer.resources beside the binary")
        }
        return url
    }

    /// The page `name` filled from `view`, as HTML.
    func render(_ name: String, _ view: [String: Any]) throws -> String {
        guard let text = library.render(view, withTemplate: name) else {
            throw APIProblem(.internalServerError, code: "template", "no page template '\(name)'")
        }
        return text
    }
}

/// A page to answer with: a template and what fills it, rendered with the frame every page shares.
struct Page {
    var template: String
    var title: String
    var view: [String: Any]
    var status: HTTPResponse.Status = .ok

    /// The HTML response for `frame`'s user and language.
    func response(_ frame: PageFrame) throws -> Response {
        let renderer = try PageRenderer.bundled.get()
        var all = frame.values(title: title)
        for (key, value) in view { all[key] = value }
        let html = try renderer.render(template, all)
        return JSONBody.bytes(Array(html.utf8), status: status, contentType: "text/html; charset=utf-8")
    }

    /// A redirect after a form (303: the browser asks for the page with GET).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// What every page shows around its content: the language, the signed-in user and the
/// navigation for its role, the form token, and a message carried over a redirect.
struct PageFrame: Sendable {
    var identity: Identity?
    var language: Language
    /// The year the navigation points at: the newest period.
    var year: Int?
    var current: String = ""
    var flash: String?
    var flashIsError = false
    /// Where the message points (the item it is about).
    var flashLink: String?

    var labels: Labels { Labels(language) }

    func values(title: String) -> [String: Any] {
        var values: [String: Any] = [
            "lang": language.rawValue, "title": title, "l": PageLabels(labels: labels), "csrf": identity?.csrfToken ?? "",
        ]
        if let flash {
            var message: [String: Any] = ["text": flash, "kind": flashIsError ? "error" : "ok"]
            if let flashLink { message["link"] = ["href": flashLink, "label": labels("See it below")] }
            values["flash"] = message
        }
        if let identity {
            values["user"] = ["username": identity.username, "roleLabel": Self.roleLabel(identity.role, labels), "nav": navigation(identity)]
        }
        return values
    }

    static func roleLabel(_ role: Role, _ l: Labels) -> String {
        switch role {
        case .office: l("Office")
        case .evaluator: l("Evaluator")
        case .agency: l("Agency")
        case .viewer: l("Viewer")
        }
    }

    /// The links of the top bar, by role.
    func navigation(_ identity: Identity) -> [[String: Any]] {
        let l = labels
        var links: [(String, String)] = []
        if identity.role == .office { links.append((l("Office"), "/office")) }
        if let year {
            switch identity.role {
            case .office, .evaluator: links.append((l("Agencies"), "/periods/\(year)/agencies"))
            case .agency: if let agency = identity.agency { links.append((l("LKE"), "/periods/\(year)/agencies/\(PagePath.escape(agency))")) }
            case .viewer: break
            }
            links.append((l("Results"), "/periods/\(year)/results"))
        }
        return links.map { ["label": $0.0, "href": $0.1, "current": $0.1 == current] }
    }
}

/// Building page addresses: ids as path segments, escaped where they need it.
enum PagePath {
    static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? segment
    }

    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? value
    }

    /// A `next` address to go back to after signing in: only a path on this site.
    static func safeNext(_ next: String?) -> String {
        // Browsers drop tabs and line breaks from addresses ("/\t/host" becomes "//host"), so
        // any control character or space refuses the address, as do "//" and "\".
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.count < 2000,
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" })
        else { return "/" }
        return next
    }

    /// Whether a path is an answer's form, the one kind of form kept through a sign-in.
    static func isAnswerForm(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 7 && parts[0].isEmpty && parts[1] == "periods" && parts[3] == "agencies" && parts[5] == "answers"
    }

    /// Whether a request that changes something comes from one of this site's own pages: a
    /// browser names the page's origin, which must be the host asked. (Sessions are also bound
    /// by SameSite cookies and form tokens; this also covers the sign-in form, which has no token.)
    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
