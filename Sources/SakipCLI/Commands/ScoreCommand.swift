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

    @OptionGroup var rendering: RenderingOptions

    @Option(parsing: .unconditional, help: "Only reports of this year.")
    var year: Int?

    @Option(parsing: .unconditional, help: "How many of the weakest sub-components to list.")
    var weakest: Int = 3

    func run() throws {
        let request = ScoreRequest(inputs: try input.selection, year: year, weakest: weakest)
        let result = try perform { () throws(RequestError) in try request.run() }
        try result.emit(rendering, errors: result.errors)
    }
}
