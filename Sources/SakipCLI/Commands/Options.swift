import ArgumentParser
import SakipCore
import SakipRendering

extension OutputFormat: ExpressibleByArgument {}
extension WeightModel.Kind: ExpressibleByArgument {}
extension SensitivityAnalysis.Sequence: ExpressibleByArgument {}

/// Inputs and how to read them: shared by every command that scores reports.
struct InputOptions: ParsableArguments {
    @Argument(help: "Report files (XML or CSV), folders of them (searched recursively), or - for standard input.")
    var inputs: [String] = []

    @Option(help: "Rubric id or YAML path for every report (default: what each report names; CSV: the newest official rubric).")
    var rubric: String?

    @Flag(help: "Treat missing, unknown or duplicate criteria as errors.")
    var strict = false

    @Option(help: "Files read at once (default: one per processor). Output does not depend on it.")
    var jobs: Int = 0

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("no input files; give report files or folders, or - for standard input") }
    }

    var selection: InputSelection {
        InputSelection(inputs.map(InputSource.init(argument:)), options: Evaluator.Options(rubric: rubric, strict: strict, jobs: jobs))
    }
}

extension RequestError {
    /// A request the core refused is a usage error: exit status 2, like a bad option.
    var validationError: ValidationError { ValidationError(message) }
}

/// Runs a core request; a refused request becomes a usage error.
func perform<Result>(_ request: () throws(RequestError) -> Result) throws -> Result {
    do {
        return try request()
    } catch {
        throw error.validationError
    }
}

extension RenderableResult {
    /// Writes the result to stdout, every error to stderr as `file:line:col: error: message`, and
    /// fails with exit status 1 when there were errors (everything else has been printed).
    func emit(_ format: OutputFormat, errors: [Diagnostic]) throws {
        Terminal.write(rendered(as: format))
        for error in errors { Terminal.error(error.description) }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
