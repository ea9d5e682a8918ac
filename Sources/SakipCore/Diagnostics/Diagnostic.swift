/// A problem found in an input, with where it is. Errors stop an input from scoring;
/// warnings are reported beside its score.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Where it is: a line and column already known, or a byte offset resolved only when asked
    /// for (most warnings of a batch are never printed).
    private enum Place: Sendable {
        case resolved(SourceLocation)
        case unresolved(SourcePosition)
    }

    private var place: Place
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.place = .resolved(location)
        self.severity = severity
        self.message = message
    }

    /// A diagnostic whose line and column are computed from the file when first needed.
    public init(_ severity: Severity = .error, at position: SourcePosition, _ message: String) {
        self.place = .unresolved(position)
        self.severity = severity
        self.message = message
    }

    public var location: SourceLocation {
        get {
            switch place {
            case .resolved(let location): location
            case .unresolved(let position): position.resolve()
            }
        }
        set { place = .resolved(newValue) }
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.message == b.message && a.location == b.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(location)
    }

    /// `file:line:col: error: message`, the form compilers use, so editors can jump to it.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Several diagnostics thrown together, e.g. every problem found while loading one rubric.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

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
            return [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "\(self)")]
        }
    }
}
