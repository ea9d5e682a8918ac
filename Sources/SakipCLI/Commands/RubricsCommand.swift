import ArgumentParser
import SakipCore

/// `sakip rubrics`: the rubrics that can be named by id.
struct RubricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubrics",
        abstract: "List the bundled rubrics (and those in SAKIP_RUBRIC_PATH) with their structure."
    )

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: OutputFormat = .text

    func run() throws {
        let catalog = RubricCatalog.standard
        if catalog.listFiles().isEmpty {
            Terminal.error("sakip: no rubrics found: " + (RubricCatalog.bundledDirectory == nil
                ? "the bundled rubrics are not beside the sakip binary; copy its resource folder with it, or set SAKIP_RUBRIC_PATH"
                : "the rubric folders are empty"))
            throw ExitCode(1)
        }
        var table = TextTable([("ID", .left), ("Components", .right), ("Sub-components", .right), ("Criteria", .right), ("Aggregation", .left), ("Title", .left)])
        var entries: [JSON] = []
        var failed = false
        for (id, path) in catalog.listFiles() {
            do {
                let rubric = try RubricLoader.load(path: path)
                let subs = rubric.subcomponents
                let aggregations = Set(subs.map(\.aggregation.rawValue)).sorted().joined(separator: ", ")
                let criteria = subs.reduce(0) { $0 + $1.criteria.count }
                table.add([rubric.id, String(rubric.components.count), String(subs.count), String(criteria), aggregations, rubric.title])
                entries.append(.object([("id", .string(rubric.id)), ("title", .string(rubric.title)), ("components", .int(rubric.components.count)),
                                        ("subcomponents", .int(subs.count)), ("criteria", .int(criteria)), ("aggregation", .string(aggregations))]))
            } catch {
                failed = true
                Terminal.error("\(id): " + error.asDiagnostics(file: path).map(\.description).joined(separator: "\n"))
            }
        }
        switch format {
        case .text: Terminal.write(table.text())
        case .markdown: Terminal.write(table.markdown())
        case .csv: Terminal.write(table.csv())
        case .json: Terminal.write(JSON.array(entries).rendered())
        }
        if failed { throw ExitCode(1) }
    }
}
