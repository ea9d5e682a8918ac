import ArgumentParser
import Foundation
import SakipCore
import SakipRendering

extension OutputFormat: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
extension WeightModel.Kind: ExpressibleByArgument {}
extension SensitivityAnalysis.Sequence: ExpressibleByArgument {}
extension VarianceBasedSensitivity.Grouping: ExpressibleByArgument {}
extension Stage: ExpressibleByArgument {
    /// English or Indonesian names (`self`, `mandiri`, ...).
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
extension Language: ExpressibleByArgument {}

extension Language {
    /// `--lang` when given, else `SAKIP_LANG`, else English.
    static func chosen(_ option: Language?) -> Language {
        option ?? fromEnvironment(ProcessInfo.processInfo.environment)
    }
}

/// Inputs and how to read them: shared by every command that scores reports.
struct ReadOptions: ParsableArguments {
    @Argument(help: "Report files (XML, CSV or .xlsx workbooks), folders of them (searched recursively), or - for standard input.")
    var inputs: [String] = []

    @Flag(help: "Treat missing, unknown or duplicate criteria as errors.")
    var strict = false

    // Unconditional parsing, so that `--jobs -1` gets the range message rather than "missing value".
    @Option(parsing: .unconditional, help: "Files read at once (default: one per processor). Output does not depend on it.")
    var jobs: Int?

    @Option(help: "A YAML file saying where the LKE sits in workbooks that are not sakip's template (sheet, header row, columns).")
    var layout: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("no input files; give report files or folders, or - for standard input") }
    }

    /// The inputs and how to read them; a layout file that cannot be read is refused here.
    func selection(rubric: String?) throws -> InputSelection {
        let layout = try layout.map { path in try perform { () throws(RequestError) in try WorkbookLayout.load(path: path) } }
        return InputSelection(inputs.map(InputSource.init(argument:)), options: Evaluator.Options(rubric: rubric, strict: strict, jobs: jobs ?? 0, layout: layout))
    }
}

/// Inputs, and the rubric to score them under: for the commands that score under one rubric.
struct InputOptions: ParsableArguments {
    @OptionGroup var read: ReadOptions

    @Option(help: "Rubric id or YAML path for every report (default: what each report names; CSV: the newest official rubric).")
    var rubric: String?

    var selection: InputSelection { get throws { try read.selection(rubric: rubric) } }
}

/// How a result is written: shared by every command that prints one.
struct RenderingOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "Text output with every column and names in full (otherwise fitted to 100 columns).")
    var wide = false

    @Option(help: "Write to this file instead of standard output (needed for --format xlsx on a terminal).")
    var output: String?

    @Option(name: .customLong("csv-dialect"), help: "CSV as programs read it (standard) or as Excel opens it in an Indonesian locale (excel-id: ';', decimal commas, BOM).")
    var csvDialect: CSVDialect = .standard

    @Option(help: "Language of labels in text, markdown and xlsx output (default: SAKIP_LANG, else en). Data and JSON never change.")
    var lang: Language?

    @Flag(help: "List every diagnostic (up to 1,000 of a kind); otherwise each kind is shown 20 times, then counted.")
    var verbose = false

    var options: RenderOptions { RenderOptions(wide: wide, csvDialect: csvDialect, language: Language.chosen(lang), verbose: verbose) }
}

/// A request the core refused: printed as one `sakip: error: ...` message, exit status 2, the
/// same for every command.
struct RequestFailure: Error {
    var error: RequestError
}

/// Runs a core request; a refused request becomes a `RequestFailure`.
func perform<Result>(_ request: () throws(RequestError) -> Result) throws -> Result {
    do {
        return try request()
    } catch {
        throw RequestFailure(error: error)
    }
}

extension RenderableResult {
    /// Writes the result to stdout, every error to stderr as `file:line:col: error: message`, and
    /// fails with exit status 1 when there were errors (everything else has been printed).
    /// - Parameter output: a file to write instead of standard output (a workbook needs one
    ///   unless standard output is a file or a pipe).
    func emit(_ rendering: RenderingOptions, jobs: Int? = nil, errors: [Diagnostic], warnings: [Diagnostic] = []) throws {
        let format = rendering.format, output = rendering.output
        var options = rendering.options
        options.jobs = jobs ?? 0
        let bytes = try self.output(as: format, options: options)
        if let output, output != "-" {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } catch {
                throw RequestFailure(error: RequestError(.unreadable, "cannot write \(output): \(error.localizedDescription)"))
            }
            // As `template` and `report` do: the result went to a file, and the terminal says which.
            Terminal.say("wrote \(output)")
        } else if format == .xlsx && Terminal.stdoutIsTerminal {
            throw RequestFailure(error: RequestError(.invalidRequest, "a workbook is a binary file; give --output FILE.xlsx"))
        } else {
            Terminal.write(bytes)
        }
        Terminal.diagnostics(warnings + errors, verbose: rendering.verbose)
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
