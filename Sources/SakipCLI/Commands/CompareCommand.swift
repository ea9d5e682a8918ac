import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip compare`: every report under a baseline and a candidate rubric; who moves and how much.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score reports under two rubrics and show rank shifts, grade changes, rank correlation and the rubric diff.",
        discussion: "With --baseline-stage and --candidate-stage, compares two stages of the same reports (say, the self-assessment against the final answers) under the baseline rubric instead."
    )

    @OptionGroup var input: ReadOptions

    @Option(help: "The rubric now in use (id or YAML path; default \(RubricCatalog.defaultRubricID), or with stages, each report's own).")
    var baseline: String?

    @Option(help: "The proposed rubric (id or YAML path).")
    var candidate: String?

    @Option(name: .customLong("baseline-stage"), help: "Compare this stage (self, verified, quality, final) ...")
    var baselineStage: Stage?

    @Option(name: .customLong("candidate-stage"), help: "... with this stage of the same reports.")
    var candidateStage: Stage?

    @Option(name: .customLong("top-k"), parsing: .unconditional, help: "k for the top-k overlap.")
    var topK: Int = 10

    @Option(parsing: .unconditional, help: "The year to compare (default: the latest year in the inputs).")
    var year: Int?

    @OptionGroup var rendering: RenderingOptions

    func validate() throws {
        let stages = baselineStage != nil || candidateStage != nil
        if candidate == nil && !stages { throw ValidationError("give --candidate RUBRIC, or --baseline-stage and --candidate-stage") }
        if candidate != nil && stages { throw ValidationError("--candidate compares two rubrics, --baseline-stage and --candidate-stage two stages; give one or the other") }
    }

    func run() throws {
        let stages = baselineStage != nil || candidateStage != nil
        // Two stages are compared under the reports' own rubric unless --baseline names one.
        let fixed = baseline ?? RubricCatalog.defaultRubricID
        var request = CompareRequest(inputs: try input.selection(rubric: stages ? baseline : nil), baseline: fixed, candidate: candidate ?? fixed, topK: topK, year: year)
        request.baselineStage = baselineStage
        request.candidateStage = candidateStage
        let result = try perform { () throws(RequestError) in try request.run() }
        try result.emit(rendering, errors: result.errors, warnings: result.warnings)
    }
}
