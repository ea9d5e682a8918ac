import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip rank`: a comparative ranking of many reports, with year-over-year movement.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank reports by score or a component, with grade counts, weakest sub-components and year-over-year movement.",
        discussion: """
        The year ranked is --year, or the latest year in the inputs. Movement is measured against the reports given with --previous (their latest year before it), or, without --previous, against the previous year's reports in the same inputs.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Reports of an earlier year to measure movement against (files or folders; repeatable).")
    var previous: [String] = []

    @Option(parsing: .unconditional, help: "The year to rank (default: the latest year in the inputs).")
    var year: Int?

    @Option(help: "Rank by 'score' or by one component's score, as 'component:ID'.")
    var by: String = "score"

    @Option(help: "Only agencies of this region (case-insensitive).")
    var region: String?

    @Option(parsing: .unconditional, help: "Show only the first N rows (the summary still covers every ranked report).")
    var top: Int?

    @Option(help: "Rank by one stage's scores: self, verified, quality or final (default: each report's final, else latest, stage).")
    var stage: Stage?

    @Option(name: .customLong("require-stage"), help: "Leave out, with an error, reports not answered at this stage (final: only verified results are ranked); otherwise such reports are ranked at their latest stage, marked † and warned.")
    var requireStage: Stage?

    @OptionGroup var rendering: RenderingOptions

    func validate() throws {
        if stage != nil, requireStage != nil { throw ValidationError("--stage ranks one stage's scores already; give it or --require-stage, not both") }
        if RankKey(by) == nil { throw ValidationError("--by takes 'score' or 'component:ID', not '\(by)'") }
    }

    func run() throws {
        var request = RankRequest(inputs: try input.selection, previous: previous.map(InputSource.init(argument:)), year: year,
                                  by: RankKey(by)!, region: region, top: top)
        request.stage = stage
        request.requiredStage = requireStage
        let progress = ProgressBar.forTerminal("reading")
        var onProgress: (@Sendable (Int, Int) -> Void)?
        if let progress { onProgress = { done, total in progress.update(done, total) } }
        // The inputs' cards are let go only once the ranking is written: freeing them then
        // takes no core from the output.
        let leftovers = Leftovers()
        let result = try perform { () throws(RequestError) in try request.run(progress: onProgress, leftovers: leftovers) }
        progress?.finish()
        try result.emit(rendering, jobs: input.read.jobs, errors: result.errors, warnings: result.warnings)
        leftovers.release(jobs: input.read.jobs ?? 0)
        releaseInBackground(consume result, jobs: input.read.jobs ?? 0)
    }
}
