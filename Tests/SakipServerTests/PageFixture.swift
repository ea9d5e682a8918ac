import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import SakipServer

/// Pages as a browser uses them: a session cookie from signing in, forms posted URL-encoded or
/// as multipart with the session's CSRF token.
extension Fixture.Client {
    struct Session: Sendable {
        var cookie: String
        var csrf: String
    }

    /// Signs `user` in (with the fixture's password) and returns its session.
    func signIn(_ user: String) async throws -> Session {
        let response = try await send(.post, "/api/v1/session", as: nil, json: #"{"username": "\#(user)", "password": "\#(Fixture.password)"}"#)
        let cookie = response.headers[.setCookie]?.split(separator: ";").first.map(String.init) ?? ""
        return Session(cookie: cookie, csrf: response.json["csrf_token"] as? String ?? "")
    }

    /// A page asked for, by a session or by nobody.
    @discardableResult
    func page(_ method: HTTPRequest.Method, _ uri: String, _ session: Session?, form: [(String, String)]? = nil,
              csrf: Bool = true, file: (name: String, bytes: [UInt8])? = nil, fileField: String = "file",
              headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let session { headers[.cookie] = session.cookie }
        var body: ByteBuffer?
        var fields = form ?? []
        if csrf, let session, method == .post { fields.append(("csrf", session.csrf)) }
        if let file {
            let boundary = "----sakip-test-boundary"
            var bytes: [UInt8] = []
            for (name, value) in fields {
                bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            }
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            bytes += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            body = ByteBuffer(bytes: bytes)
        } else if method == .post {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: fields.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&"))
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

extension TestResponse {
    /// Where a redirect points.
    var location: String { headers[.location] ?? "" }
}
