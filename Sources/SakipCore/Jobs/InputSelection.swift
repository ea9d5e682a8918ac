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
        if options.jobs < 0 { throw RequestError(.invalidRequest, "\(field: "jobs") must be 0 (automatic) or more, not \(options.jobs)") }
    }
}
