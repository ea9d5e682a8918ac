import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip compare`: every report under a baseline and a candidate rubric; who moves and how much.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score reports under two rubrics and show rank shifts, grade changes, rank correlation and the rubric diff."
    )

    @OptionGroup var input: ReadOptions

    @Option(help: "The rubric now in use (id or YAML path).")
    var baseline: String = RubricCatalog.defaultRubricID

    @Option(help: "The proposed rubric (id or YAML path).")
    var candidate: String

    @Option(name: .customLong("top-k"), parsing: .unconditional, help: "k for the top-k overlap.")
    var topK: Int = 10

    @Option(parsing: .unconditional, help: "The year to compare (default: the latest year in the inputs).")
    var year: Int?

    @OptionGroup var rendering: RenderingOptions


    func run() throws {
        let request = CompareRequest(inputs: try input.selection(rubric: nil), baseline: baseline, candidate: candidate, topK: topK, year: year)
        let result = try perform { () throws(RequestError) in try request.run() }
        try result.emit(rendering, errors: result.errors, warnings: result.warnings)
    }
}
