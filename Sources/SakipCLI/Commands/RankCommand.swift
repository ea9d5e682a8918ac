import ArgumentParser
import SakipCore

/// `sakip rank`: a comparative ranking of many reports, with year-over-year movement.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank reports by score or a component, with grade counts, weakest sub-components and year-over-year movement.",
        discussion: """
        The year ranked is --year, or the latest year in the inputs. Movement is measured against
        the reports given with --previous (their latest year before it), or, without --previous,
        against the previous year's reports in the same inputs.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Reports of an earlier year to measure movement against (files or folders; repeatable).")
    var previous: [String] = []

    @Option(help: "The year to rank (default: the latest year in the inputs).")
    var year: Int?

    @Option(help: "Rank by 'score' or by one component's score, as 'component:ID'.")
    var by: String = "score"

    @Option(help: "Only agencies of this region (case-insensitive).")
    var region: String?

    @Option(help: "Show only the first N rows (the summary still covers every ranked report).")
    var top: Int?

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: OutputFormat = .text

    func validate() throws {
        if RankKey(by) == nil { throw ValidationError("--by takes 'score' or 'component:ID', not '\(by)'") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let evaluator = Evaluator(options: input.evaluatorOptions)
        let progress = ProgressBar.forTerminal("reading")
        var onProgress: (@Sendable (Int, Int) -> Void)?
        if let progress { onProgress = { done, total in progress.update(done, total) } }
        let evaluation = evaluator.evaluate(input.inputs, progress: onProgress)
        progress?.finish()
        if evaluation.fileCount == 0 {
            throw ValidationError("no report files (.xml, .csv) found in \(input.inputs.joined(separator: ", "))")
        }
        let earlier = previous.isEmpty ? nil : evaluator.evaluate(previous)
        let key = RankKey(by)!

        let wantedRegion = region?.lowercased()
        func inRegion(_ card: ScoreCard) -> Bool {
            wantedRegion == nil || card.region?.lowercased() == wantedRegion
        }
        let selectedYear: Int? = year ?? evaluation.cards.map { $0.year }.max()
        let current = evaluation.cards.filter { $0.year == selectedYear && inRegion($0) }
        let pool = (earlier ?? evaluation).cards.filter(inRegion)
        var previousYear: Int?
        if let y = selectedYear {
            let earlierYears = pool.map { $0.year }.filter { $0 < y }
            previousYear = earlier == nil ? (earlierYears.contains(y - 1) ? y - 1 : nil) : earlierYears.max()
        }
        let previousCards = pool.filter { $0.year == previousYear }

        let entries = Ranking.rank(current, by: key, previous: previousCards)
        let rubricID = Self.mostCommon(current.map { $0.rubricID })
        let rubric = try? evaluator.rubrics.rubric(input.rubric ?? rubricID ?? RubricCatalog.defaultRubricID)
        let summary = RankingSummary(cards: entries.map { $0.card }, rubric: rubric)
        var errors = evaluation.errors + (earlier?.errors ?? [])
        if case .component(let id) = key, entries.isEmpty, !current.isEmpty {
            errors.append(Diagnostic(at: SourceLocation(file: "--by", line: 1, column: 1), "no ranked report's rubric has a component '\(id)'"))
        }
        let output = RankOutput(
            entries: top.map { Array(entries.prefix($0)) } ?? entries, summary: summary, key: key, year: selectedYear,
            previousYear: previousYear, rubricID: rubricID, errors: errors,
            componentIDs: Ranking.orderedComponentIDs(current))
        try output.emit(format, errors: errors)
    }

    /// The most frequent value; ties go to the smallest, so the choice is deterministic.
    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
