import ArgumentParser
import Foundation
import SakipCore
import SakipRendering


/// `sakip report`: one self-contained HTML page with charts, for a screen or an A4 printout.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report with charts: grades, ranking, heat map, movement, robustness, a candidate rubric, and each agency's breakdown.",
        discussion: "The page has no script, font or image from the network: it opens offline, prints on A4 and saves as PDF from the browser."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Reports of an earlier year to show movement against (files or folders; repeatable).")
    var previous: [String] = []

    @Option(help: "A proposed rubric (id or YAML path) to compare the one in use with.")
    var candidate: String?

    @Option(parsing: .unconditional, help: "Also analyse robustness to the weights with this many weight sets.")
    var sensitivity: Int?

    @Option(help: "Seed of the sensitivity analysis.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "The year to report (default: the latest year in the inputs).")
    var year: Int?

    @Option(help: "Language of the labels (default: SAKIP_LANG, else en).")
    var lang: Language?

    @Flag(help: "List every diagnostic (up to 1,000 of a kind); otherwise each kind is shown 20 times, then counted.")
    var verbose = false

    @Option(help: "The HTML file to write, or - for standard output.")
    var output: String

    func run() throws {
        let request = ReportRequest(inputs: try input.selection, previous: previous.map(InputSource.init(argument:)), candidate: candidate,
                                    sensitivitySamples: sensitivity, seed: seed, year: year)
        let result = try perform { () throws(RequestError) in try request.run() }
        let language = Language.chosen(lang)
        let html = HTMLReportRenderer(language: language).render(result)
        if output == "-" {
            Terminal.write(html)
        } else {
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw RequestFailure(error: RequestError(.unreadable, "cannot write \(output): \(error.localizedDescription)"))
            }
            let count = result.ranking.summary.count
            let size = html.utf8.count / 1024
            Terminal.say(count == 1 ? "wrote \(output): 1 report, \(size) KB" : "wrote \(output): \(count) reports, \(size) KB")
        }
        Terminal.diagnostics(result.errors, verbose: verbose)
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}
