import Foundation
import MultipartKit
import NIOCore

/// A posted form's fields, in the order sent (a checkbox group sends one field per box), and
/// the files of a multipart form.
struct FormFields: Sendable {
    var pairs: [(name: String, value: String)] = []
    var files: [UploadedFile] = []

    struct UploadedFile: Sendable {
        var field: String
        var filename: String
        var contentType: String
        var bytes: [UInt8]
    }

    /// The first value of a field, or nil when it was not sent.
    subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of a field.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// `application/x-www-form-urlencoded`: `+` is a space, `%XX` a byte; a malformed escape is
    /// kept as it came rather than failing the whole form.
    static func urlEncoded(_ bytes: [UInt8]) -> FormFields {
        var fields = FormFields()
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(pieces[0]), value = pieces.count > 1 ? decode(pieces[1]) : ""
            fields.pairs.append((name, value))
        }
        return fields
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                      let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `multipart/form-data` with the boundary of its content type: text fields, and files with
    /// their names (without any folder the browser sent).
    static func multipart(_ buffer: ByteBuffer, boundary: String) throws -> FormFields {
        let parser = MultipartParser(boundary: boundary)
        var fields = FormFields()
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in body += chunk.readBytes(length: chunk.readableBytes) ?? [] }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            let type = headers.first { $0.0.lowercased() == "content-type" }?.1 ?? ""
            let name = parameter("name", of: disposition) ?? ""
            if let filename = parameter("filename", of: disposition) {
                let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                fields.files.append(UploadedFile(field: name, filename: base, contentType: type, bytes: body))
            } else {
                fields.pairs.append((name, String(decoding: body, as: UTF8.self)))
            }
            headers = []
            body = []
        }
        try parser.execute(buffer)
        return fields
    }

    /// A parameter of a header value: `name="file"` in `form-data; name="file"`.
    static func parameter(_ key: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", of: contentType).flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 }
    }
}
