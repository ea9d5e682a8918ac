import ArgumentParser
import SakipCore

/// `sakip compare`: every report under a baseline and a candidate rubric; who moves and how much.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score reports under two rubrics and show rank shifts, grade changes, rank correlation and the rubric diff."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The rubric now in use (id or YAML path).")
    var baseline: String = RubricCatalog.defaultRubricID

    @Option(help: "The proposed rubric (id or YAML path).")
    var candidate: String

    @Option(name: .customLong("top-k"), help: "k for the top-k overlap.")
    var topK: Int = 10

    @Option(help: "The year to compare (default: the latest year in the inputs).")
    var year: Int?

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: OutputFormat = .text

    func validate() throws {
        if input.rubric != nil { throw ValidationError("compare takes --baseline and --candidate, not --rubric") }
        if topK < 1 { throw ValidationError("--top-k must be at least 1") }
    }

    func run() throws {
        let reader = Evaluator(options: input.evaluatorOptions)
        let read = reader.read(input.inputs)
        if read.fileCount == 0 { throw ValidationError("no report files (.xml, .csv) found in \(input.inputs.joined(separator: ", "))") }
        var options = input.evaluatorOptions
        options.rubric = baseline
        let base = Evaluator(options: options, rubrics: reader.rubrics).score(read)
        options.rubric = candidate
        let cand = Evaluator(options: options, rubrics: reader.rubrics).score(read)
        let baselineRubric: Rubric, candidateRubric: Rubric
        do {
            baselineRubric = try reader.rubrics.rubric(baseline)
            candidateRubric = try reader.rubrics.rubric(candidate)
        } catch {
            for diagnostic in error.asDiagnostics(file: "rubric") { Terminal.error(diagnostic.description) }
            throw ExitCode(1)
        }
        let selectedYear = year ?? base.cards.map { $0.year }.max()
        let comparison = RubricComparison(
            baseline: base.cards.filter { $0.year == selectedYear }, candidate: cand.cards.filter { $0.year == selectedYear },
            baselineRubric: baselineRubric, candidateRubric: candidateRubric, topK: topK)
        // A report that fails under either rubric is reported once per rubric that rejects it.
        let errors = base.errors + cand.errors.filter { !base.errors.contains($0) }
        let output = CompareOutput(comparison: comparison, baseline: baselineRubric.id, candidate: candidateRubric.id, errors: errors)
        try output.emit(format, errors: errors)
    }
}
