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

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "Text output with every column and names in full (otherwise fitted to 100 columns).")
    var wide = false

    @Option(help: "Write to this file instead of standard output (needed for --format xlsx on a terminal).")
    var output: String?

    @Option(name: .customLong("csv-dialect"), help: "CSV as programs read it (standard) or as Excel opens it in an Indonesian locale (excel-id: ';', decimal commas, BOM).")
    var csvDialect: CSVDialect = .standard


    func run() throws {
        let request = CompareRequest(inputs: try input.selection(rubric: nil), baseline: baseline, candidate: candidate, topK: topK, year: year)
        let result = try perform { () throws(RequestError) in try request.run() }
        try result.emit(format, options: RenderOptions(wide: wide, csvDialect: csvDialect), output: output, errors: result.errors, warnings: result.warnings)
    }
}
