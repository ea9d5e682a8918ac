import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip rubrics`: the rubrics that can be named by id.
struct RubricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubrics",
        abstract: "List the bundled rubrics (and those in SAKIP_RUBRIC_PATH) with their structure."
    )

    @OptionGroup var rendering: RenderingOptions

    func run() throws {
        let result: RubricListResult
        do {
            result = try RubricListRequest().run()
        } catch {
            Terminal.error("sakip: \(Terminal.labels(error.text))")
            throw ExitCode(1)
        }
        try result.emit(rendering, errors: result.errors)
    }
}
