import Foundation
import Hummingbird
import SakipCore

/// An error response: `{"error": {"code", "message", "diagnostics"}}`, with sakip's diagnostic
/// codes and places when a file or an answer was refused.
public struct APIProblem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var diagnostics: [Diagnostic]
    /// Extra members beside `error`, already encoded (a 409 carries the current answer).
    var extra: [String: [UInt8]] = [:]
    var headers: HTTPFields = [:]
    /// A 409's current answer, for the pages to show beside what was typed.
    var current: StoredAnswer?

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, diagnostics: [Diagnostic] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    init(_ error: StoreError) {
        switch error {
        case .notFound: self.init(.notFound, code: "not-found", error.description)
        case .exists: self.init(.conflict, code: "exists", error.description)
        case .configuration: self.init(.unprocessableContent, code: "invalid", error.description)
        case .newerSchema: self.init(.internalServerError, code: "schema", error.description)
        }
    }

    /// A request SakipCore refused, with the diagnostics of the inputs it read.
    init(_ error: RequestError) {
        self.init(.unprocessableContent, code: error.code.rawValue, error.message, diagnostics: error.inputErrors)
    }

    static func notFound(_ what: String) -> APIProblem {
        APIProblem(.notFound, code: "not-found", "no \(what)")
    }

    static func forbidden(_ why: String) -> APIProblem {
        APIProblem(.forbidden, code: "forbidden", why)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var members = extra
        members["error"] = JSONBody.encoded(ProblemBody(code: code, message: message, diagnostics: diagnostics))
        var response = JSONBody.bytes(JSONBody.object(members), status: status)
        for field in headers { response.headers.append(field) }
        return response
    }
}

private struct ProblemBody: Encodable {
    var code: String
    var message: String
    var diagnostics: [Diagnostic]
}

extension HTTPResponse.Status {
    /// 423: the period does not take answers now.
    static let periodLocked = HTTPResponse.Status(code: 423, reasonPhrase: "Locked")
}

/// JSON responses, keys sorted so the same state gives the same bytes.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func encoded(_ value: some Encodable) -> [UInt8] {
        Array((try? encoder.encode(value)) ?? Data("null".utf8))
    }

    /// An object of members already encoded, in key order.
    static func object(_ members: [String: [UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (i, key) in members.keys.sorted().enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += encoded(key) + [UInt8(ascii: ":")] + members[key]!
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return bytes(Array(data), status: status)
    }

    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
