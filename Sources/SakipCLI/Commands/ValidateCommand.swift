import ArgumentParser
import SakipCore

/// `sakip validate`: checks rubrics (YAML) and reports (XML against the schema, then against
/// their rubric; CSV by its columns and values) without printing scores.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rubric (YAML) and report (XML, CSV) files; print every problem with its location."
    )

    @Argument(help: "Rubric YAML files, report XML or CSV files, or folders of reports.")
    var files: [String] = []

    @Option(help: "Rubric id or path to check CSV reports (and XML reports naming none) against.")
    var rubric: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("no files to validate") }
    }

    func run() throws {
        var failed = false
        let rubricFiles = files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        for path in rubricFiles {
            do {
                let loaded = try RubricLoader.load(path: path)
                Terminal.write("\(path): ok (rubric \(loaded.id), \(loaded.subcomponents.reduce(0) { $0 + $1.criteria.count }) criteria)\n")
            } catch {
                failed = true
                for diagnostic in error.asDiagnostics(file: path) { Terminal.error(diagnostic.description) }
            }
        }

        let reportPaths = files.filter { !rubricFiles.contains($0) }
        guard !reportPaths.isEmpty else {
            if failed { throw ExitCode(1) }
            return
        }
        let (expanded, missing) = InputFiles.expand(reportPaths)
        var problems: [String: [Diagnostic]] = [:]
        for diagnostic in missing { problems[diagnostic.location.file, default: []].append(diagnostic) }
        let xmlFiles = expanded.filter { $0.lowercased().hasSuffix(".xml") }
        for (file, diagnostics) in ReportSchema.validate(xmlFiles) where !diagnostics.isEmpty {
            problems[file, default: []] += diagnostics.map { Diagnostic(at: $0.location, "schema: \($0.message)") }
        }
        // Files that pass the schema are read and checked against their rubric too, each on its
        // own: whether two files hold the same agency and year is a question for batch commands.
        let evaluator = Evaluator(options: Evaluator.Options(rubric: rubric))
        var reportsPerFile: [String: Int] = [:]
        for file in expanded where problems[file] == nil {
            let evaluation = evaluator.evaluate([file])
            for diagnostic in evaluation.errors { problems[diagnostic.location.file, default: []].append(diagnostic) }
            reportsPerFile[file] = evaluation.cards.count
        }

        for file in missing.map(\.location.file) + expanded {
            if let list = problems[file] {
                failed = true
                for diagnostic in list.sorted(by: { $0.location < $1.location }) { Terminal.error(diagnostic.description) }
            } else {
                Terminal.write("\(file): ok (\(reportsPerFile[file, default: 0]) report\(reportsPerFile[file, default: 0] == 1 ? "" : "s"))\n")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
