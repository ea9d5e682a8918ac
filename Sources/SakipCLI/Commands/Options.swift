import ArgumentParser
import SakipCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown
}

/// Inputs and how to read them: shared by every command that scores reports.
struct InputOptions: ParsableArguments {
    @Argument(help: "Report files (XML or CSV) and folders of them, searched recursively.")
    var inputs: [String] = []

    @Option(help: "Rubric id or YAML path for every report (default: what each report names; CSV: the newest official rubric).")
    var rubric: String?

    @Flag(help: "Treat missing, unknown or duplicate criteria as errors.")
    var strict = false

    @Option(help: "Files read at once (default: one per processor). Output does not depend on it.")
    var jobs: Int = 0

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("no input files; give report files or folders") }
        if jobs < 0 { throw ValidationError("--jobs must be 0 (automatic) or more") }
    }

    var evaluatorOptions: Evaluator.Options {
        Evaluator.Options(rubric: rubric, strict: strict, jobs: jobs)
    }
}

extension Diagnostic {
    var json: JSON {
        // Resolved once: an unresolved location reads its file.
        let location = self.location
        return .object([
            ("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column)),
            ("severity", .string(severity.rawValue)), ("message", .string(message)),
        ])
    }
}

/// Output every command can render in each format.
protocol FormattedOutput {
    func text() -> String
    func json() -> JSON
    func csv() -> String
    func markdown() -> String
}

extension FormattedOutput {
    /// Writes the output to stdout, every error to stderr as `file:line:col: error: message`, and
    /// fails with exit status 1 when there were errors (everything else has been printed).
    func emit(_ format: OutputFormat, errors: [Diagnostic]) throws {
        switch format {
        case .text: Terminal.write(text())
        case .json: Terminal.write(json().rendered())
        case .csv: Terminal.write(csv())
        case .markdown: Terminal.write(markdown())
        }
        for error in errors { Terminal.error(error.description) }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
