/// A problem found in an input, as a plain value: a stable code, a severity, a message, the place
/// it was found (resolved while the input's bytes were at hand) and notes pointing at related places.
/// Errors stop an input from scoring; warnings are reported beside its score.
///
/// ```swift
/// let problem = Diagnostic(.unknownLetter, at: SourceLocation(file: "lke.xml", line: 12, column: 40),
///                          "answer 'Z' for criterion 1.1.1 is not in scale aa-e")
/// print(problem)   // lke.xml:12:40: error: answer 'Z' for ...
/// ```
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// Another place that explains the diagnostic, such as the first of two duplicates.
    public struct Note: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The note in English.
        public var message: String { didSet { text = Message(verbatim: message) } }
        /// The note as written where it was raised, for a label table to translate.
        public private(set) var text: Message
        public var location: SourceLocation

        public init(_ message: Message, at location: SourceLocation) {
            self.message = message.description
            text = message
            self.location = location
        }

        /// `file:line:col: note: message`.
        public var description: String { "\(location): note: \(message)" }

        private enum CodingKeys: String, CodingKey { case message, location }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(Message(verbatim: try container.decode(String.self, forKey: .message)), at: try container.decode(SourceLocation.self, forKey: .location))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try container.encode(location, forKey: .location)
        }

        // The English text decides: a note read back from JSON equals the one written.
        public static func == (a: Note, b: Note) -> Bool { a.message == b.message && a.location == b.location }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(message)
            hasher.combine(location)
        }
    }

    public var code: DiagnosticCode
    public var severity: Severity
    /// The message in English (what JSON carries), at most `messageLimit` characters.
    public var message: String { didSet { text = Message(verbatim: message) } }
    /// The message as written where it was raised, for a label table to translate (`Labels`).
    public private(set) var text: Message
    public var location: SourceLocation
    public var notes: [Note]
    /// For a diagnostic that stands for others of its kind left out of a long list (see
    /// `folded(_:keep:)`): how many; 0 for any other.
    public var omitted = 0

    public init(_ code: DiagnosticCode, _ severity: Severity = .error, at location: SourceLocation, _ message: Message, notes: [Note] = []) {
        self.code = code
        self.severity = severity
        self.message = Self.bounded(message.description)
        text = message
        self.location = location
        self.notes = notes
    }

    /// A diagnostic at a position in an input still held in memory; the line and column are
    /// computed now, from that input's bytes.
    public init(_ code: DiagnosticCode, _ severity: Severity = .error, at position: SourcePosition, _ message: Message, notes: [Note] = []) {
        self.init(code, severity, at: position.location, message, notes: notes)
    }

    /// `file:line:col: error: message`, the form compilers use, so editors can jump to it; each
    /// note follows on a line of its own.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        for note in notes { text += "\n\(note)" }
        return text
    }

    /// `description` as a message, for a label table to translate: the location and the
    /// severity as they are (tools read them), the message and the notes' words translated.
    public var described: Message {
        var text: Message = "\(location): \(severity.rawValue): \(self.text)"
        for note in notes { text += "\n\(note.location): note: \(note.text)" }
        return text
    }

    // The JSON form keeps the keys sakip has always written first; `code` and `notes` were added.
    private enum CodingKeys: String, CodingKey {
        case file, line, column, severity, message, code, notes, cell, omitted
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.file, forKey: .file)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(code, forKey: .code)
        try container.encode(notes, forKey: .notes)
        // Workbook cells only (`LKE!F12`), after the keys every diagnostic has.
        if let cell = location.cell { try container.encode(cell, forKey: .cell) }
        if omitted > 0 { try container.encode(omitted, forKey: .omitted) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        location = SourceLocation(file: try container.decode(String.self, forKey: .file),
                                  line: try container.decode(Int.self, forKey: .line),
                                  column: try container.decode(Int.self, forKey: .column))
        if let cell = try container.decodeIfPresent(String.self, forKey: .cell), let bang = cell.lastIndex(of: "!") {
            location.sheet = CellReference.unquotedSheetName(String(cell[..<bang]))
        }
        severity = try container.decode(Severity.self, forKey: .severity)
        message = try container.decode(String.self, forKey: .message)
        text = Message(verbatim: message)
        code = try container.decode(DiagnosticCode.self, forKey: .code)
        notes = try container.decodeIfPresent([Note].self, forKey: .notes) ?? []
        omitted = try container.decodeIfPresent(Int.self, forKey: .omitted) ?? 0
    }

    // The English text decides equality: a diagnostic read back from JSON equals the one
    // written, though only the English words came back.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.code == b.code && a.severity == b.severity && a.message == b.message && a.location == b.location && a.notes == b.notes && a.omitted == b.omitted
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(location)
    }
}

/// Several diagnostics thrown together, e.g. every problem found while loading one rubric.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    /// An empty list is a programmer error: a thrower always has at least one problem to report.
    public init(_ diagnostics: [Diagnostic]) {
        precondition(!diagnostics.isEmpty, "a DiagnosticList holds at least one diagnostic")
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Error {
    /// The error as diagnostics, whatever its type; `file` names the input for errors that carry no location.
    public func asDiagnostics(file: String) -> [Diagnostic] {
        switch self {
        case let diagnostic as Diagnostic: return [diagnostic]
        case let list as DiagnosticList: return list.diagnostics
        default:
            return [Diagnostic(.internalError, at: .wholeFile(file), Message(verbatim: "\(self)"))]
        }
    }
}
