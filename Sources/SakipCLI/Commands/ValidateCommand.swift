import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip validate`: checks rubrics (YAML) and reports (XML against the schema, then against
/// their rubric; CSV by its columns and values) without printing scores.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rubric (YAML), layout (.layout.yaml) and report (XML, CSV, .xlsx) files, alone and together; print every problem with its location."
    )

    @Argument(help: "Rubric YAML files, workbook layout files, report XML, CSV or .xlsx files, folders of reports, or - for standard input.")
    var files: [String] = []

    @Option(help: "Rubric id or path to check CSV reports (and XML reports naming none) against.")
    var rubric: String?

    @Option(help: "A layout file (.layout.yaml) for workbooks that are not sakip's template and have none beside them.")
    var layout: String?

    @Flag(help: "List every diagnostic (up to 1,000 of a kind); otherwise each kind is shown 20 times, then counted.")
    var verbose = false

    @Option(help: "Language of the messages: en or id (default: SAKIP_LANG, else en).")
    var lang: Language?

    func validate() throws {
        if files.isEmpty { throw ValidationError("no files to validate") }
    }

    func run() throws {
        let layout = try perform { () throws(RequestError) in try self.layout.map(WorkbookLayout.load(path:)) }
        let request = ValidateRequest(sources: files.map(InputSource.init(argument:)), rubric: rubric, layout: layout)
        let result = try perform { () throws(RequestError) in try request.run() }
        Terminal.write(ValidateTextRenderer(language: Language.chosen(lang)).render(result))
        Terminal.diagnostics(result.checks.flatMap { $0.diagnostics + $0.warnings }, verbose: verbose)
        if result.failed { throw ExitCode(1) }
    }
}
