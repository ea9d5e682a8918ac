/// What scoring one report found: each finding says how it counts in lenient and in strict
/// mode, and `resolve()` applies that policy once, at the end. When the caller shows no warnings
/// (a ranking prints none), a finding that would only be a warning is never built: its message
/// is an autoclosure, evaluated only for what is kept.
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

    let strict: Bool
    /// False when warnings are not wanted: they are then not even built.
    let keepsWarnings: Bool
    private var errors: [Diagnostic] = []
    private var warnings: [Diagnostic] = []
    /// Findings of each kind so far: past `Diagnostic.keptPerKind` they are counted, not built.
    private var counts: [DiagnosticCode: Int] = [:]
    /// The kinds past that bound, with where the first left out was and how many were.
    private var omitted: [(code: DiagnosticCode, severity: Diagnostic.Severity, location: SourceLocation, count: Int)] = []

    init(strict: Bool, keepsWarnings: Bool = true) {
        self.strict = strict
        self.keepsWarnings = keepsWarnings
    }

    /// What a policy means under this strictness; nil when the finding is not reported at all.
    func severity(_ policy: Policy) -> Diagnostic.Severity? {
        switch policy {
        case .error: .error
        case .warning: .warning
        case .errorWhenStrict: strict ? .error : .warning
        case .onlyWhenStrict: strict ? .error : nil
        case .onlyWhenLenient: strict ? nil : .warning
        }
    }

    /// Whether a finding under this policy would be kept; callers skip work for one that would not.
    func wants(_ policy: Policy) -> Bool {
        guard let severity = severity(policy) else { return false }
        return severity == .error || keepsWarnings
    }

    mutating func add(_ code: DiagnosticCode, _ policy: Policy, at position: @autoclosure () -> SourcePosition,
                      _ message: @autoclosure () -> Message, notes: @autoclosure () -> [Diagnostic.Note] = []) {
        guard wants(policy), let severity = severity(policy) else { return }
        counts[code, default: 0] += 1
        if counts[code]! > Diagnostic.keptPerKind {
            if let i = omitted.firstIndex(where: { $0.code == code && $0.severity == severity }) {
                omitted[i].count += 1
            } else {
                omitted.append((code, severity, position().location, 1))
            }
            return
        }
        let diagnostic = Diagnostic(code, severity, at: position(), message(), notes: notes())
        if severity == .error { errors.append(diagnostic) } else { warnings.append(diagnostic) }
    }

    /// The errors and the warnings, each in the order found.
    /// Each kind past `Diagnostic.keptPerKind` ends with one diagnostic that counts the rest.
    func resolve() -> (errors: [Diagnostic], warnings: [Diagnostic]) {
        var errors = self.errors, warnings = self.warnings
        for kind in omitted {
            let summary = Diagnostic.summary(of: kind.code, kind.severity, at: kind.location, count: kind.count)
            if kind.severity == .error { errors.append(summary) } else { warnings.append(summary) }
        }
        return (errors, warnings)
    }
}
