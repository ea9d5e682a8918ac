import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip validate`: checks rubrics (YAML) and reports (XML against the schema, then against
/// their rubric; CSV by its columns and values) without printing scores.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rubric (YAML) and report (XML, CSV) files; print every problem with its location."
    )

    @Argument(help: "Rubric YAML files, report XML or CSV files, folders of reports, or - for standard input.")
    var files: [String] = []

    @Option(help: "Rubric id or path to check CSV reports (and XML reports naming none) against.")
    var rubric: String?

    @Flag(help: "List every diagnostic (up to 1,000 of a kind); otherwise each kind is shown 20 times, then counted.")
    var verbose = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("no files to validate") }
    }

    func run() throws {
        let request = ValidateRequest(sources: files.map(InputSource.init(argument:)), rubric: rubric)
        let result = try perform { () throws(RequestError) in try request.run() }
        Terminal.write(ValidateTextRenderer().render(result))
        Terminal.diagnostics(result.checks.flatMap { $0.diagnostics + $0.warnings }, verbose: verbose)
        if result.failed { throw ExitCode(1) }
    }
}
