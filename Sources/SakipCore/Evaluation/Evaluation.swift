/// The reports read from all inputs, and what went wrong reading them.
public struct ReadResult: Sendable {
    public var reports: [Report]
    public var diagnostics: [Diagnostic]
    public var fileCount: Int

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Every scored report, in input order, and every error and warning of the run.
public struct Evaluation: Sendable {
    public var cards: [ScoreCard]
    public var errors: [Diagnostic]
    /// Warnings from reading (per-report scoring warnings are on each card).
    public var warnings: [Diagnostic]
    public var fileCount: Int

    public init(cards: [ScoreCard] = [], errors: [Diagnostic] = [], warnings: [Diagnostic] = [], fileCount: Int = 0) {
        self.cards = cards
        self.errors = errors
        self.warnings = warnings
        self.fileCount = fileCount
    }

    /// Evaluations of inputs that share no agency-year (one per agency, as a service keeps
    /// them), as one: cards and diagnostics in the order given.
    ///
    /// ```swift
    /// let all = Evaluation(merging: agencies.map { cache[$0]! })
    /// let ranking = try RankRequest(inputs: InputSelection([])).rank(all)
    /// ```
    public init(merging parts: [Evaluation]) {
        self.init(cards: parts.flatMap(\.cards), errors: parts.flatMap(\.errors), warnings: parts.flatMap(\.warnings),
                  fileCount: parts.reduce(0) { $0 + $1.fileCount })
    }
}

/// Agency and year: what identifies a report in a batch.
public struct ReportKey: Sendable, Hashable {
    public var agency: String
    public var year: Int

    public init(_ report: Report) {
        self.init(agency: report.agency, year: report.year)
    }

    public init(_ card: ScoreCard) {
        self.init(agency: card.agency, year: card.year)
    }

    public init(agency: String, year: Int) {
        self.agency = agency
        self.year = year
    }
}
