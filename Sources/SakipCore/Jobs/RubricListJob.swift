/// The rubrics that can be named by id: bundled ones and those in the catalog's extra folders.
public struct RubricListRequest: Sendable {
    public var catalog: RubricCatalog

    public init(catalog: RubricCatalog = .standard) {
        self.catalog = catalog
    }

    public func run() throws(RequestError) -> RubricListResult {
        let files = catalog.listFiles()
        if files.isEmpty {
            throw RequestError(.internalError, "no rubrics found: " + (RubricCatalog.bundledDirectory == nil
                ? "the bundled rubrics are not beside the sakip binary; copy its resource folder with it, or set SAKIP_RUBRIC_PATH"
                : "the rubric folders are empty"))
        }
        var result = RubricListResult(rubrics: [], errors: [])
        for (id, path) in files {
            do {
                let rubric = try RubricLoader.load(path: path)
                let subs = rubric.subcomponents
                result.rubrics.append(RubricListResult.Entry(
                    id: rubric.id, title: rubric.title, components: rubric.components.count, subcomponents: subs.count,
                    criteria: subs.reduce(0) { $0 + $1.criteria.count },
                    aggregation: Set(subs.map(\.aggregation.rawValue)).sorted().joined(separator: ", ")))
            } catch {
                // Each problem named by its rubric, its words still translatable.
                result.errors += error.diagnostics.map { problem in
                    Diagnostic(problem.code, problem.severity, at: problem.location, "rubric \(id): \(problem.text)", notes: problem.notes)
                }
            }
        }
        return result
    }
}

/// One entry per rubric that loaded; an error for each that did not.
public struct RubricListResult: Sendable, Codable {
    public var rubrics: [Entry]
    public var errors: [Diagnostic]

    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var components: Int
        public var subcomponents: Int
        public var criteria: Int
        /// The aggregations its sub-components use, comma-separated.
        public var aggregation: String
    }
}
