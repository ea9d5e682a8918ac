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

    @Option(help: "How many of the weakest sub-components to list.")
    var weakest: Int = 3

    func validate() throws {
        if weakest < 0 { throw ValidationError("--weakest must be 0 or more") }
    }

    func run() throws {
        let evaluation = Evaluator(options: input.evaluatorOptions).evaluate(input.inputs)
        let output = ScoreOutput(evaluation: evaluation, weakest: weakest)
        switch format {
        case .text: Terminal.write(output.text())
        case .json: Terminal.write(output.json().rendered())
        case .csv: Terminal.write(output.csv())
        case .markdown: Terminal.write(output.markdown())
        }
        for error in evaluation.errors { Terminal.error(error.description) }
        if !evaluation.errors.isEmpty { throw ExitCode(1) }
    }
}
