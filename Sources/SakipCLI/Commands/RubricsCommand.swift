import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip rubrics`: the rubrics that can be named by id.
struct RubricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubrics",
        abstract: "List the bundled rubrics (and those in SAKIP_RUBRIC_PATH) with their structure."
    )

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "Text output with every column and names in full (otherwise fitted to 100 columns).")
    var wide = false

    @Option(help: "Write to this file instead of standard output (needed for --format xlsx on a terminal).")
    var output: String?

    @Option(name: .customLong("csv-dialect"), help: "CSV as programs read it (standard) or as Excel opens it in an Indonesian locale (excel-id: ';', decimal commas, BOM).")
    var csvDialect: CSVDialect = .standard

    func run() throws {
        let result: RubricListResult
        do {
            result = try RubricListRequest().run()
        } catch {
            Terminal.error("sakip: \(error.message)")
            throw ExitCode(1)
        }
        try result.emit(format, options: RenderOptions(wide: wide, csvDialect: csvDialect), output: output, errors: result.errors)
    }
}
