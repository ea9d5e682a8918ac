import ArgumentParser
import SakipCore

/// `sakip score`: the breakdown of each report, its weak spots and consistency warnings.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score agency reports: components, sub-components, total, grade, weakest spots, warnings."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: OutputFormat = .text

    @Option(help: "Only reports of this year.")
    var year: Int?

    @Option(help: "How many of the weakest sub-components to list.")
    var weakest: Int = 3

    func validate() throws {
        if weakest < 0 { throw ValidationError("--weakest must be 0 or more") }
    }

    func run() throws {
        var evaluation = Evaluator(options: input.evaluatorOptions).evaluate(input.inputs)
        if let year { evaluation.cards.removeAll { $0.year != year } }
        let output = ScoreOutput(evaluation: evaluation, weakest: weakest)
        try output.emit(format, errors: evaluation.errors)
    }
}
