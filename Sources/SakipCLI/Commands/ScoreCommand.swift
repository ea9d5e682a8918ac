import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip score`: the breakdown of each report, its weak spots and consistency warnings.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score agency reports: components, sub-components, total, grade, weakest spots, warnings."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: "Only reports of this year.")
    var year: Int?

    @Option(help: "How many of the weakest sub-components to list.")
    var weakest: Int = 3

    func validate() throws {
        if weakest < 0 { throw ValidationError("--weakest must be 0 or more") }
    }

    func run() throws {
        let result = ScoreRequest(inputs: input.selection, year: year, weakest: weakest).run()
        try result.emit(format, errors: result.errors)
    }
}
