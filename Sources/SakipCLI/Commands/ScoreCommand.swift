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

    @Flag(help: "Text output with every column and names in full (otherwise fitted to 100 columns).")
    var wide = false

    @Option(help: "Write to this file instead of standard output (needed for --format xlsx on a terminal).")
    var output: String?

    @Option(name: .customLong("csv-dialect"), help: "CSV as programs read it (standard) or as Excel opens it in an Indonesian locale (excel-id: ';', decimal commas, BOM).")
    var csvDialect: CSVDialect = .standard

    @Option(parsing: .unconditional, help: "Only reports of this year.")
    var year: Int?

    @Option(parsing: .unconditional, help: "How many of the weakest sub-components to list.")
    var weakest: Int = 3

    func run() throws {
        let request = ScoreRequest(inputs: try input.selection, year: year, weakest: weakest)
        let result = try perform { () throws(RequestError) in try request.run() }
        try result.emit(format, options: RenderOptions(wide: wide, csvDialect: csvDialect), output: output, errors: result.errors)
    }
}
