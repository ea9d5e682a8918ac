/// What scoring one report found, before strictness is decided: each finding says how it counts
/// in lenient and in strict mode, and `resolve(strict:)` applies that policy once, at the end.
struct Findings {
    /// How a finding counts.
    enum Policy {
        /// Always an error (an answer off its scale).
        case error
        /// Always a warning (a kerangka-logis violation, an indicator that cannot be computed).
        case warning
        /// A warning, or an error under `--strict` (missing or duplicate answers).
        case errorWhenStrict
        /// Reported only under `--strict`, as an error (each unknown criterion on its own).
        case onlyWhenStrict
        /// Reported only without `--strict`, as a warning (the summary of unknown criteria).
        case onlyWhenLenient
    }

    private var found: [(diagnostic: Diagnostic, policy: Policy)] = []

    mutating func add(_ code: DiagnosticCode, _ policy: Policy, at position: SourcePosition, _ message: String, notes: [Diagnostic.Note] = []) {
        found.append((Diagnostic(code, .warning, at: position, message, notes: notes), policy))
    }

    mutating func add(_ diagnostic: Diagnostic, _ policy: Policy) {
        found.append((diagnostic, policy))
    }

    /// The errors and the warnings, each in the order found.
    func resolve(strict: Bool) -> (errors: [Diagnostic], warnings: [Diagnostic]) {
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for (diagnostic, policy) in found {
            let severity: Diagnostic.Severity?
            switch policy {
            case .error: severity = .error
            case .warning: severity = .warning
            case .errorWhenStrict: severity = strict ? .error : .warning
            case .onlyWhenStrict: severity = strict ? .error : nil
            case .onlyWhenLenient: severity = strict ? nil : .warning
            }
            guard let severity else { continue }
            var placed = diagnostic
            placed.severity = severity
            if severity == .error { errors.append(placed) } else { warnings.append(placed) }
        }
        return (errors, warnings)
    }
}
