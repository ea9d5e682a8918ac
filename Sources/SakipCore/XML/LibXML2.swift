internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The only file that touches libxml2 pointers. Everything leaving it is a Swift value;
// no pointer outlives the call or closure that produced it.

/// The element and attribute names a handler knows, matched as bytes by the parser so that no
/// `String` is built for a name, nor for the value of an attribute the handler ignores.
struct XMLVocabulary {
    let names: [String]
    fileprivate let ignored: [Bool]
    /// Candidates by name length, then first byte: usually one memcmp decides.
    private let buckets: [[(first: UInt8, code: Int, bytes: [UInt8])]]

    /// - Parameter ignored: attribute names whose values are never needed.
    init(_ names: [String], ignored: Set<String> = []) {
        self.names = names
        self.ignored = names.map { ignored.contains($0) }
        var buckets = [[(first: UInt8, code: Int, bytes: [UInt8])]](repeating: [], count: (names.map(\.utf8.count).max() ?? 0) + 1)
        for (code, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            buckets[bytes.count].append((bytes[0], code, bytes))
        }
        self.buckets = buckets
    }

    /// The code of a NUL-terminated name, or nil.
    fileprivate func code(of name: UnsafePointer<xmlChar>) -> Int? {
        let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        guard length < buckets.count else { return nil }
        for candidate in buckets[length] where candidate.first == name[0] {
            let same = candidate.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, name, length) == 0 }
            if same { return candidate.code }
        }
        return nil
    }
}

/// The attributes of one start tag: values by vocabulary code, reused from tag to tag.
struct XMLAttributes {
    /// Value of each known attribute present on this tag (nil when absent or ignored).
    private(set) var values: [String?]
    /// Codes set on this tag, in document order.
    private(set) var present: [Int] = []
    /// Attributes outside the vocabulary, by name (rare: a typo or a foreign attribute).
    private(set) var unknown: [String] = []

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    subscript(code: Int) -> String? { values[code] }

    fileprivate mutating func reset() {
        for code in present { values[code] = nil }
        present.removeAll(keepingCapacity: true)
        if !unknown.isEmpty { unknown.removeAll(keepingCapacity: true) }
    }

    fileprivate mutating func set(_ code: Int, _ value: String) {
        values[code] = value
        present.append(code)
    }

    fileprivate mutating func addUnknown(_ name: String) { unknown.append(name) }
}

/// Receives SAX events. `offset` is a byte offset inside the start tag (at or after its `<`),
/// used only on the error path to compute line and column.
protocol XMLEventHandler: AnyObject {
    var vocabulary: XMLVocabulary { get }
    /// - Parameters:
    ///   - element: the vocabulary code of the element's name, or nil with `name` set for an unknown element.
    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int)
    func endElement(_ element: Int?)
    /// Whether character data is gathered and handed to `endElement(_:text:)`. Reports carry
    /// everything in attributes and leave it false, so their parse copies no text.
    var wantsText: Bool { get }
    /// The end of an element with the text gathered since the last start or end tag (a leaf's
    /// content); called instead of `endElement(_:)` when `wantsText`.
    func endElement(_ element: Int?, text: String)
}

extension XMLEventHandler {
    var wantsText: Bool { false }
    func endElement(_ element: Int?, text: String) { endElement(element) }
}

enum LibXML2 {
    /// libxml2 must be initialised once, before any thread parses.
    private static let initialized: Void = { xmlInitParser() }()

    /// Options for every parse: refuse network access; no entity substitution, no recovery,
    /// no DTD loading (none of NOENT, RECOVER, DTDLOAD is set).
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Parses a whole document with the SAX2 interface. Throws the first fatal error with its location.
    static func parse(_ bytes: [UInt8], file: String, handler: any XMLEventHandler) throws(Diagnostic) {
        _ = initialized
        let session = SAXSession(handler: handler)
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            let session = Unmanaged<SAXSession>.fromOpaque(context).takeUnretainedValue()
            let vocabulary = session.vocabulary
            session.attributes.reset()
            if attributeCount > 0, let attributes {
                for i in 0..<Int(attributeCount) {
                    // Five pointers per attribute: local name, prefix, URI, value start, value end.
                    guard let name = attributes[5 * i], let start = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
                    guard let code = vocabulary.code(of: name) else {
                        session.attributes.addUnknown(String(cString: name))
                        continue
                    }
                    if vocabulary.ignored[code] { continue }
                    session.attributes.set(code, String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
                }
            }
            let offset = session.context.map { Int(xmlByteConsumed($0)) } ?? 0
            if session.wantsText { session.text.removeAll(keepingCapacity: true) }
            let element = vocabulary.code(of: localName)
            session.handler.startElement(element, name: element == nil ? String(cString: localName) : nil,
                                         attributes: session.attributes, offset: max(offset, 0))
        }
        sax.endElementNs = { context, localName, _, _ in
            guard let context, let localName else { return }
            let session = Unmanaged<SAXSession>.fromOpaque(context).takeUnretainedValue()
            let element = session.vocabulary.code(of: localName)
            guard session.wantsText else { return session.handler.endElement(element) }
            session.handler.endElement(element, text: String(decoding: session.text, as: UTF8.self))
            session.text.removeAll(keepingCapacity: true)
        }
        if session.wantsText {
            sax.characters = { context, characters, length in
                guard let context, let characters, length > 0 else { return }
                let session = Unmanaged<SAXSession>.fromOpaque(context).takeUnretainedValue()
                session.text.append(contentsOf: UnsafeBufferPointer(start: characters, count: Int(length)))
            }
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            let session = Unmanaged<SAXSession>.fromOpaque(context).takeUnretainedValue()
            session.record(error.pointee)
        }

        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        let created = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlCreateMemoryParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let context = created else {
            throw Diagnostic(.internalError, at: .wholeFile(file), "cannot create an XML parser")
        }
        defer { xmlFreeParserCtxt(context) }
        // The context owns a copy of the input; install our SAX2 callbacks in its handler.
        context.pointee.sax.pointee = sax
        context.pointee.userData = unmanaged.toOpaque()
        xmlCtxtUseOptions(context, options)
        session.context = context
        _ = xmlParseDocument(context)
        // A DOCTYPE declaring entities makes libxml2 keep them in a document of its own, which
        // the caller owns even though no tree was asked for.
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        session.context = nil
        if let failure = session.firstError {
            throw Diagnostic(.malformedXML, at: failure.location(file: file, bytes: bytes), "malformed XML: \(failure.message)")
        }
    }

    /// Validates a document against an XML Schema; returns every violation found.
    static func validate(_ bytes: [UInt8], file: String, against schema: XMLSchema) -> [Diagnostic] {
        _ = initialized
        let session = ErrorSession()
        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        let collect: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            Unmanaged<ErrorSession>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
        }
        // Structured errors are per thread in libxml2; route this thread's to the session.
        xmlSetStructuredErrorFunc(unmanaged.toOpaque(), collect)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), file, nil, options)
            }
        }
        if let document {
            defer { xmlFreeDoc(document) }
            guard let validation = xmlSchemaNewValidCtxt(schema.handle) else {
                return [Diagnostic(.internalError, at: .wholeFile(file), "cannot create a schema validator")]
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, collect, unmanaged.toOpaque())
            _ = xmlSchemaValidateDoc(validation, document)
        }
        return session.errors.map { Diagnostic(.schema, at: $0.location(file: file, bytes: bytes), "schema: " + $0.message) }
    }
}

/// A compiled XML Schema. Holds a libxml2 handle, so it is not Sendable: compile one per task.
final class XMLSchema {
    fileprivate let handle: xmlSchemaPtr

    init(path: String) throws(Diagnostic) {
        let session = ErrorSession()
        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw Diagnostic(.internalError, at: .wholeFile(path), "cannot read the XML Schema")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, { context, error in
            guard let context, let error else { return }
            Unmanaged<ErrorSession>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
        }, unmanaged.toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            let first = session.errors.first
            throw Diagnostic(.internalError, at: SourceLocation(file: path, line: max(first?.line ?? 1, 1), column: 1),
                             "invalid XML Schema: \(first?.message ?? "unknown error")")
        }
        handle = schema
    }

    deinit { xmlSchemaFree(handle) }
}

/// An error reported by libxml2, copied out of its struct while the struct is alive.
private struct LibXMLError {
    var message: String
    var line: Int
    var column: Int

    init(_ error: xmlError) {
        let text = error.message.map { String(cString: $0) } ?? "unknown error"
        // Some messages continue on further lines ("Bytes: 0x.."): one diagnostic, one line.
        message = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        line = Int(error.line)
        column = Int(error.int2)
    }

    /// libxml2 gives the line, and the column only for parser errors; otherwise point at
    /// the first tag on that line.
    func location(file: String, bytes: [UInt8]) -> SourceLocation {
        guard self.line > 0 else { return .wholeFile(file) }
        let line = self.line
        if column > 0 { return SourceLocation(file: file, line: line, column: column) }
        return SourceLocation(file: file, line: line, column: XMLSourceText.firstTagColumn(onLine: line, in: bytes))
    }
}

private final class ErrorSession {
    var errors: [LibXMLError] = []
    func record(_ error: xmlError) {
        if error.level.rawValue >= XML_ERR_ERROR.rawValue { errors.append(LibXMLError(error)) }
    }
}

private final class SAXSession {
    let handler: any XMLEventHandler
    let vocabulary: XMLVocabulary
    var attributes: XMLAttributes
    let wantsText: Bool
    /// Character data since the last tag, when the handler wants it.
    var text: [UInt8] = []
    var context: xmlParserCtxtPtr?
    var firstError: LibXMLError?

    init(handler: any XMLEventHandler) {
        self.handler = handler
        vocabulary = handler.vocabulary
        wantsText = handler.wantsText
        attributes = XMLAttributes(count: vocabulary.names.count)
    }

    func record(_ error: xmlError) {
        if firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue { firstError = LibXMLError(error) }
    }
}
