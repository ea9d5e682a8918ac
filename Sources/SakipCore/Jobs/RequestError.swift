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
