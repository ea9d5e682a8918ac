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
///
/// A class, so that handing it to the handler for each tag copies no arrays. Only the parse's
/// callbacks mutate it, one tag at a time on one thread. (Its state once opted out of dynamic
/// exclusivity checks; with the session's, that saved 1.9% of a ranking's instructions, under
/// the 2% an unsafe shortcut must pay, so both are checked again.) A value's `String` is built
/// when the handler first asks for it: a handler that
/// matches values as bytes (`withBytes`) builds none. It is valid during the handler's
/// `startElement` only: the tag is closed when that returns, and nothing of it may be kept.
final class XMLAttributes {
    /// One known attribute's value on the current tag: where its bytes are in libxml2's buffer
    /// (during the tag only), whether white space surrounds them, and the tag it was set on.
    private struct Slot {
        var start: UnsafePointer<UInt8>?
        var length = 0
        var padded = false
        /// The tag this slot was set on, and the tag its `String` was built for.
        var stamp: UInt32 = 0
        var built: UInt32 = 0
    }

    /// One slot per vocabulary code. Owned storage rather than an array: a value is set for
    /// every attribute of every tag, and an array would check its buffer's uniqueness each time.
    /// Allocated in `init`, freed in `deinit`, never handed out.
    private let slots: UnsafeMutableBufferPointer<Slot>
    /// Values already built as strings (valid when the slot's `built` is the current tag).
    private var values: [String]
    /// A new tag only advances `tag`, so starting one costs nothing however many attributes
    /// the last one had.
    private var tag: UInt32 = 1
    /// Codes set on this tag, in document order: the first `presentCount` of `presentCodes`.
    private let presentCodes: UnsafeMutableBufferPointer<Int>
    private var presentCount = 0
    /// Bit `code` set for each code under 64 present on this tag; `highCodes` for any other.
    private var presentMask: UInt64 = 0
    private var highCodes = false
    /// Attributes outside the vocabulary, by name (rare: a typo or a foreign attribute).
    private(set) var unknown: [String] = []

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: Slot())
        values = Array(repeating: "", count: count)
        presentCodes = .allocate(capacity: count)
        presentCodes.initialize(repeating: 0)
    }

    deinit {
        slots.deallocate()
        presentCodes.deallocate()
    }

    /// Whether every attribute on this tag is one of `mask`'s codes (all under 64).
    func onlyPresent(in mask: UInt64) -> Bool { !highCodes && presentMask & ~mask == 0 }

    /// Whether any of `mask`'s codes (all under 64) is on this tag.
    func hasAny(_ mask: UInt64) -> Bool { presentMask & mask != 0 }

    /// Whether a value on this tag begins or ends with white space.
    func isPadded(_ code: Int) -> Bool { slots[code].stamp == tag && slots[code].padded }

    /// The value of a known attribute on this tag without white space around it; nil when absent.
    /// Values are checked for surrounding spaces as they are read, so most are returned as they are.
    func trimmed(_ code: Int) -> String? {
        guard let value = self[code] else { return nil }
        return slots[code].padded ? value.trimmingSpaces() : value
    }

    /// Codes set on this tag, in document order.
    var present: [Int] { Array(presentCodes[..<presentCount]) }

    /// The value of a known attribute on this tag, nil when absent or ignored.
    subscript(code: Int) -> String? {
        let slot = slots[code]
        guard slot.stamp == tag, let start = slot.start else { return nil }
        if slot.built != tag {
            values[code] = XMLAttributes.string(UnsafeBufferPointer(start: start, count: slot.length))
            slots[code].built = tag
        }
        return values[code]
    }

    /// A value as a `String`. Without entity substitution (never asked for: see `parse`),
    /// libxml2 hands an attribute's `&amp;` over as the character reference `&#38;`; references
    /// are resolved here, where a value is kept, and a value without `&` is taken as it is.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return ValueStrings.make(bytes) }
        return XMLReferences.resolve(bytes)
    }

    /// Calls `body` with a present value's bytes (nil when absent). The bytes are libxml2's and
    /// exist only during the call.
    func withBytes<R>(_ code: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        let slot = slots[code]
        guard slot.stamp == tag, let start = slot.start else { return body(nil) }
        return body(UnsafeBufferPointer(start: start, count: slot.length))
    }

    @inline(__always)
    fileprivate func reset() {
        advance()
        presentCount = 0
        presentMask = 0
        highCodes = false
        if !unknown.isEmpty { unknown.removeAll(keepingCapacity: true) }
    }

    /// Ends the tag: its values, which point into libxml2's buffer, are no longer reachable.
    fileprivate func close() { advance() }

    private func advance() {
        tag &+= 1
        if tag == 0 {
            // After 2^32 - 1 tags the stamps could collide: start them afresh.
            for i in slots.indices { slots[i].stamp = 0; slots[i].built = 0 }
            tag = 1
        }
    }

    @inline(__always)
    fileprivate func set(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        // A repeated attribute is a well-formedness error libxml2 stops at; the guard keeps a
        // code from being listed twice all the same.
        if slots[code].stamp != tag {
            presentCodes[presentCount] = code
            presentCount += 1
            if code < 64 { presentMask |= 1 << UInt64(code) } else { highCodes = true }
        }
        let padded = bytes.count > 0 && (bytes[0] >= 0x80 || isSpace(bytes[0]) || bytes[bytes.count - 1] >= 0x80 || isSpace(bytes[bytes.count - 1]))
        slots[code] = Slot(start: bytes.baseAddress, length: bytes.count, padded: padded, stamp: tag, built: 0)
    }

    fileprivate func addUnknown(_ name: String) { unknown.append(name) }
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
    func endElement(_ element: Int?, text: XMLText)
    /// The most characters of text between two tags the handler takes. Text past it stops the
    /// parse with an error: a cell's text cannot fill memory before anyone looks at it.
    var textLimit: Int { get }
    /// Called once before the parse starts: where the parser is, for messages about a tag.
    func attach(_ locator: XMLLocator)
}

extension XMLEventHandler {
    var wantsText: Bool { false }
    func endElement(_ element: Int?, text: XMLText) { endElement(element) }
    var textLimit: Int { Int.max }
    func attach(_ locator: XMLLocator) {}
}

/// Text between two tags, lent to `endElement(_:text:)` for the call only: a handler builds a
/// `String` (`string`) only for the text it keeps.
struct XMLText {
    let bytes: UnsafeBufferPointer<UInt8>
    var string: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }
}

/// Where the parser is: the line and column libxml2 has reached (just past the tag being
/// reported, during a start-tag event). Valid during the parse; 0 before and after.
final class XMLLocator {
    fileprivate var context: xmlParserCtxtPtr?
    let file: String

    init(file: String) { self.file = file }

    /// The parser's place in the part, as a location in `file`.
    var location: SourceLocation {
        guard let input = context?.pointee.input else { return .wholeFile(file) }
        return SourceLocation(file: file, line: max(Int(input.pointee.line), 1), column: max(Int(input.pointee.col), 1))
    }
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
        let sax = callbacks(wantsText: session.wantsText)

        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        let created = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlCreateMemoryParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let context = created else {
            // libxml2 makes no parser for no bytes.
            throw Diagnostic(.malformedXML, at: .wholeFile(file), bytes.isEmpty ? "the file is empty; expected an XML document" : "cannot create an XML parser")
        }
        defer { xmlFreeParserCtxt(context) }
        // The context owns a copy of the input; install our SAX2 callbacks in its handler.
        context.pointee.sax.pointee = sax
        context.pointee.userData = unmanaged.toOpaque()
        let locator = begin(session, context, file: file)
        defer { locator.context = nil }
        _ = xmlParseDocument(context)
        try end(session, context, file: file, bytes: bytes)
    }

    /// What both parses do before the first byte: options set, the session and the handler's
    /// locator told the context. The caller clears the locator's context when the parse ends.
    private static func begin(_ session: SAXSession, _ context: xmlParserCtxtPtr, file: String) -> XMLLocator {
        xmlCtxtUseOptions(context, options)
        session.context = context
        let locator = XMLLocator(file: file)
        locator.context = context
        session.handler.attach(locator)
        return locator
    }

    /// What both parses do after the last byte: libxml2's stray document freed, then the text
    /// past the handler's limit or the first fatal error thrown.
    private static func end(_ session: SAXSession, _ context: xmlParserCtxtPtr, file: String, bytes: [UInt8]) throws(Diagnostic) {
        // A DOCTYPE declaring entities makes libxml2 keep them in a document of its own, which
        // the caller owns even though no tree was asked for.
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        session.context = nil
        if let overflow = session.overflow {
            throw Diagnostic(.workbookTooLarge, at: SourceLocation(file: file, line: overflow.line, column: overflow.column),
                             "refused: text of more than \(InputLimits.grouped(session.handler.textLimit)) characters in one place, the most a spreadsheet cell holds")
        }
        if let failure = session.firstError {
            throw Diagnostic(.malformedXML, at: failure.location(file: file, bytes: bytes), "malformed XML: \(failure.message)")
        }
    }

    /// Parses a document handed over in chunks (a workbook part as it is expanded), so that no
    /// whole copy of it is held: `feed` calls `push` with each chunk in order and stops when
    /// `push` returns false (the parse has ended early). Throws the first fatal error, a text
    /// longer than the handler's limit, or what `feed` throws.
    static func parse(file: String, handler: any XMLEventHandler,
                      feed: (_ push: (UnsafeBufferPointer<UInt8>) -> Bool) throws(Diagnostic) -> Void) throws(Diagnostic) {
        _ = initialized
        let session = SAXSession(handler: handler)
        var sax = callbacks(wantsText: session.wantsText)
        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        guard let context = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, file) else {
            throw Diagnostic(.internalError, at: .wholeFile(file), "cannot create an XML parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let locator = begin(session, context, file: file)
        defer { locator.context = nil }
        var stopped = false, fed = 0
        try feed { chunk in
            guard !stopped else { return false }
            fed += chunk.count
            let status = chunk.withMemoryRebound(to: CChar.self) { xmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
            stopped = status != 0 || session.firstError != nil || session.overflow != nil || context.pointee.disableSAX != 0
            return !stopped
        }
        // libxml2 calls a document of no bytes "extra content"; say what it is.
        guard fed > 0 else { throw Diagnostic(.malformedXML, at: .wholeFile(file), "the part is empty; expected an XML document") }
        if !stopped { _ = xmlParseChunk(context, nil, 0, 1) }
        try end(session, context, file: file, bytes: [])
    }

    /// The SAX2 callbacks every parse installs; `characters` only for a handler that wants text.
    private static func callbacks(wantsText: Bool) -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            Unmanaged<SAXSession>.fromOpaque(context)._withUnsafeGuaranteedRef { session in
                session.start(localName, attributeCount: Int(attributeCount), attributes: attributes)
            }
        }
        sax.endElementNs = { context, localName, _, _ in
            guard let context, let localName else { return }
            Unmanaged<SAXSession>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.end(localName) }
        }
        if wantsText {
            sax.characters = { context, characters, length in
                guard let context, let characters, length > 0 else { return }
                Unmanaged<SAXSession>.fromOpaque(context).takeUnretainedValue().characters(UnsafeBufferPointer(start: characters, count: Int(length)))
            }
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            let session = Unmanaged<SAXSession>.fromOpaque(context).takeUnretainedValue()
            session.record(error.pointee)
        }
        return sax
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
        // A document libxml2 could not parse broke XML's own rules, not the schema's.
        guard document != nil else {
            return session.errors.map { Diagnostic(.malformedXML, at: $0.location(file: file, bytes: bytes), "malformed XML: \($0.message)") }
        }
        return session.errors.map { Diagnostic(.schema, at: $0.location(file: file, bytes: bytes), "schema: \($0.message)") }
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
                             "invalid XML Schema: \(first.map { Message(verbatim: $0.message) } ?? "unknown error")")
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

/// One parse's state. Only the parse's own callbacks touch it, on the parsing thread, one at a
/// time.
private final class SAXSession {
    /// Held strongly (the handler holds nothing of the session): a `let` of the borrowed
    /// session is called without retaining it per event.
    let handler: any XMLEventHandler
    let vocabulary: XMLVocabulary
    let attributes: XMLAttributes
    let wantsText: Bool
    /// Character data since the last tag, when the handler wants it.
    var text: [UInt8] = []
    var context: xmlParserCtxtPtr?
    var firstError: LibXMLError?
    /// Where text ran past the handler's limit (the parse was stopped there).
    var overflow: (line: Int, column: Int)?
    /// The handler's text limit in bytes: four per character, UTF-8's most; the handler
    /// checks the characters of what it keeps.
    let textByteLimit: Int
    /// Vocabulary codes by name pointer. libxml2 hands out element and attribute names from the
    /// parser's dictionary, one pointer per distinct name for the whole parse, so after a name's
    /// first lookup its code is found by hashing the pointer. The pointers are only compared,
    /// never read, and the session ends with the parse. Open addressing, `seenSlots` slots, in
    /// storage the session owns (allocated in `init`, freed in `deinit`): looked up for every
    /// name of every tag, where an array would be loaded and bounds-checked each time.
    private struct Seen {
        var name: UnsafeRawPointer?
        /// The name's code, -1 for a name outside the vocabulary.
        var code: Int
    }
    private let seen: UnsafeMutableBufferPointer<Seen>
    private var seenCount = 0
    private static let seenSlots = 128

    init(handler: any XMLEventHandler) {
        self.handler = handler
        vocabulary = handler.vocabulary
        wantsText = handler.wantsText
        let limit = handler.textLimit
        textByteLimit = limit > Int.max / 4 ? Int.max : limit * 4
        attributes = XMLAttributes(count: vocabulary.names.count)
        seen = .allocate(capacity: Self.seenSlots)
        seen.initialize(repeating: Seen(name: nil, code: -1))
    }

    deinit { seen.deallocate() }

    /// A start tag: its attributes into the table (by code; unknown names kept as strings,
    /// ignored ones dropped), then the handler.
    @inline(__always)
    func start(_ localName: UnsafePointer<xmlChar>, attributeCount: Int, attributes pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        attributes.reset()
        if attributeCount > 0, let pointers {
            for i in 0..<attributeCount {
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                guard let name = pointers[5 * i], let start = pointers[5 * i + 3], let end = pointers[5 * i + 4] else { continue }
                guard let code = code(of: name) else {
                    attributes.addUnknown(String(cString: name))
                    continue
                }
                if vocabulary.ignored[code] { continue }
                attributes.set(code, UnsafeBufferPointer(start: start, count: end - start))
            }
        }
        let offset = context.map { Int(xmlByteConsumed($0)) } ?? 0
        if wantsText { text.removeAll(keepingCapacity: true) }
        let element = code(of: localName)
        handler.startElement(element, name: element == nil ? String(cString: localName) : nil, attributes: attributes, offset: max(offset, 0))
        attributes.close()
    }

    /// An end tag, with the text gathered since the last tag when the handler wants it.
    @inline(__always)
    func end(_ localName: UnsafePointer<xmlChar>) {
        let element = code(of: localName)
        guard wantsText else { return handler.endElement(element) }
        text.withUnsafeBufferPointer { handler.endElement(element, text: XMLText(bytes: $0)) }
        text.removeAll(keepingCapacity: true)
    }

    /// Character data: gathered up to the handler's limit; past it the parse stops.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard overflow == nil else { return }
        guard text.count + bytes.count <= textByteLimit else {
            let input = context?.pointee.input
            overflow = (max(Int(input?.pointee.line ?? 1), 1), max(Int(input?.pointee.col ?? 1), 1))
            text.removeAll()
            if let context { xmlStopParser(context) }
            return
        }
        text.append(contentsOf: bytes)
    }

    /// The vocabulary code of a name from the parser, or nil for a name outside it.
    @inline(__always)
    func code(of name: UnsafePointer<xmlChar>) -> Int? {
        let key = UnsafeRawPointer(name)
        let mask = Self.seenSlots - 1
        // Fibonacci hashing: the multiply spreads neighbouring addresses (dictionary strings
        // sit side by side in its pools) over the table's bits.
        var slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> 57) & mask
        while let name = seen[slot].name {
            if name == key { return seen[slot].code < 0 ? nil : seen[slot].code }
            slot = (slot + 1) & mask
        }
        let code = vocabulary.code(of: name)
        // Unknown names are remembered too (as -1), up to half the table: a hostile document
        // with thousands of distinct names falls back to the byte lookup, never a full table.
        if seenCount < Self.seenSlots / 2 {
            seen[slot] = Seen(name: key, code: code ?? -1)
            seenCount += 1
        }
        return code
    }

    func record(_ error: xmlError) {
        if firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue { firstError = LibXMLError(error) }
    }
}
