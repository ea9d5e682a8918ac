import ArgumentParser
import Foundation
import SakipCore
import SakipRendering


/// `sakip template`: an LKE workbook to fill in, with drop-downs and live formulas.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an LKE workbook (.xlsx) for a rubric: answers from drop-downs, formulas up to the total and the grade.",
        discussion: "Opened in Excel or LibreOffice Calc, the formulas compute the score sakip computes for the same answers. With --from, the answers of an existing report fill the evaluator's column."
    )

    @Option(help: "Rubric id or YAML path (default: the --from report's, else the newest official rubric).")
    var rubric: String?

    @Option(help: "Agency id for the identity sheet.")
    var agency: String?

    @Option(help: "Agency name.")
    var name: String?

    @Option(help: "Region.")
    var region: String?

    @Option(parsing: .unconditional, help: "Year evaluated.")
    var year: Int?

    @Option(help: "A report (XML or CSV) whose answers fill the evaluator's column.")
    var from: String?

    @Option(help: "Language of the headers (default: SAKIP_LANG, else en).")
    var lang: Language?

    @Option(help: "The .xlsx file to write.")
    var output: String

    func run() throws {
        let request = TemplateRequest(rubric: rubric, agency: agency, name: name, region: region, year: year,
                                      prefill: from.map(InputSource.init(argument:)))
        let template = try perform { () throws(RequestError) in try request.run() }
        let language = Language.chosen(lang)
        let bytes = try LKEWorkbookRenderer(language: language).workbook(template).data()
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output))
        } catch {
            throw RequestFailure(error: RequestError(.unreadable, "cannot write \(output): \(error.localizedDescription)"))
        }
        let filled = template.answers.count + template.checklist.count
        Terminal.say(filled == 1 ? "wrote \(output): rubric \(template.rubric.id), 1 answer filled" : "wrote \(output): rubric \(template.rubric.id), \(filled) answers filled")
    }
}
