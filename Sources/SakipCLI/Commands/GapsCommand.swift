import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip gaps`: partners ranked by how far their self-assessment sits above the final answers.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Rank partners by how far their self-assessment sits above the final answers, and list the sub-components most over-claimed.",
        discussion: "Reads reports that carry a self-assessment (stage self, or mandiri) beside a later stage; the gap is self-assessed points minus the points of the final (else latest) stage."
    )

    @OptionGroup var input: InputOptions

    @Option(parsing: .unconditional, help: "The year to look at (default: the latest year in the inputs).")
    var year: Int?

    @OptionGroup var rendering: RenderingOptions

    func run() throws {
        let request = GapsRequest(inputs: try input.selection, year: year)
        let result = try perform { () throws(RequestError) in try request.run() }
        try result.emit(rendering, errors: result.errors, warnings: result.warnings)
    }
}
