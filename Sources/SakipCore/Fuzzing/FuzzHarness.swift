/// What each fuzz target does with one input: read it as the format says and score what it
/// yields, the whole path a user's file takes. The regression tests run the same functions over
/// every input that ever crashed (`Fuzz/regressions/`), so a fix stays fixed.
package enum FuzzHarness {
    /// Shared across calls: the fuzzer runs millions of inputs in one process.
    private static let rubrics = RubricCache()

    /// What one input gave: reports read, and diagnostics (from reading and scoring). An input
    /// always gives one or the other: never silence.
    package struct Outcome: Sendable {
        package var reports = 0
        package var diagnostics = 0
        /// Every diagnostic names a place in the input or the input as a whole, with a message.
        package var allLocated = true
    }

    /// Reads bytes as an XML report file and scores every report in it.
    @discardableResult
    package static func xmlReport(_ bytes: [UInt8]) -> Outcome {
        score(XMLReportReader.read(SourceText(name: "fuzz.xml", bytes: bytes)))
    }

    /// Reads bytes as a long-form CSV file and scores the reports its rows make.
    @discardableResult
    package static func csvReport(_ bytes: [UInt8]) -> Outcome {
        score(CSVReportReader.read(SourceText(name: "fuzz.csv", bytes: bytes), rubric: RubricCatalog.defaultRubricID))
    }

    /// Loads bytes as a rubric and, when it loads, scores a small report against it.
    @discardableResult
    package static func yamlRubric(_ bytes: [UInt8]) -> Outcome {
        let rubric: Rubric
        do {
            rubric = try RubricLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        } catch {
            let diagnostics = error.asDiagnostics(file: "fuzz.yaml")
            return Outcome(reports: 0, diagnostics: diagnostics.count, allLocated: diagnostics.allSatisfy(located))
        }
        let answers = rubric.subcomponents.flatMap(\.criteria).prefix(40).map { Answer(id: $0.id, value: "A") }
        let report = Report(agency: "fuzz", year: 2024, answers: Array(answers), origin: SourcePosition(SourceText(name: "fuzz", bytes: []), offset: 0))
        _ = try? Scorer(rubric: rubric, strict: false).score(report)
        _ = try? Scorer(rubric: rubric, strict: true).score(report)
        return Outcome(reports: 1, diagnostics: 0)
    }

    private static func score(_ file: ReportFile) -> Outcome {
        var outcome = Outcome(reports: file.reports.count, diagnostics: file.diagnostics.count)
        outcome.allLocated = file.diagnostics.allSatisfy(located)
        for report in file.reports {
            let reference = report.rubric ?? RubricCatalog.defaultRubricID
            guard let rubric = try? rubrics.rubric(reference) else { continue }
            for strict in [false, true] {
                do {
                    let card = try Scorer(rubric: rubric, strict: strict).score(report)
                    outcome.allLocated = outcome.allLocated && card.warnings.allSatisfy(located)
                } catch {
                    outcome.diagnostics += error.diagnostics.count
                    outcome.allLocated = outcome.allLocated && error.diagnostics.allSatisfy(located)
                }
            }
        }
        return outcome
    }

    /// Placed inside the input (line and column from 1), or the input as a whole; never negative.
    private static func located(_ diagnostic: Diagnostic) -> Bool {
        let location = diagnostic.location
        return !diagnostic.message.isEmpty && !diagnostic.message.contains("\n")
            && ((location.line >= 1 && location.column >= 1) || location == .wholeFile(location.file))
    }
}
