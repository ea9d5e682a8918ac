/// A request that cannot be carried out as asked (an unknown rubric, nothing to read): the
/// caller's mistake, reported before or instead of any result. The command line exits 2 on it.
public struct RequestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: DiagnosticCode
    /// The refusal in English.
    public var message: String { text.description }
    /// The refusal as written where it was raised, for a label table to translate.
    public var text: Message
    /// Errors in the inputs found before the request was refused, which explain it (every report
    /// was refused, so none is left to rank): a front end shows them first.
    public var inputErrors: [Diagnostic] = []

    public init(_ code: DiagnosticCode, _ message: Message) {
        self.code = code
        text = message
    }

    public var description: String { message }

    // The English text decides: the same refusal however its words were put together.
    public static func == (a: RequestError, b: RequestError) -> Bool {
        a.code == b.code && a.message == b.message && a.inputErrors == b.inputErrors
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }

    /// The same refusal, explained by the input errors found before it.
    func explained(by errors: [Diagnostic]) -> RequestError {
        var explained = self
        if explained.inputErrors.isEmpty { explained.inputErrors = errors }
        return explained
    }
}

/// How each job reads its inputs: the evaluator's options plus the inputs themselves.
public struct InputSelection: Sendable {
    public var sources: [InputSource]
    public var options: Evaluator.Options

    public init(_ sources: [InputSource], options: Evaluator.Options = Evaluator.Options()) {
        self.sources = sources
        self.options = options
    }

    /// Something to read, and a usable number of jobs.
    public func validate() throws(RequestError) {
        if sources.isEmpty { throw RequestError(.invalidRequest, "no input files; give report files or folders") }
        if options.jobs < 0 { throw RequestError(.invalidRequest, "--jobs must be 0 (automatic) or more, not \(options.jobs)") }
    }
}


/// The version of sakip, as `sakip --version` prints it.
public enum SakipVersion {
    public static let current = "0.2.0"
}
