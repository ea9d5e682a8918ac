/// An LKE worksheet to fill in: a rubric, who the agency is, and answers already known (from a
/// report), which `sakip template` writes as a workbook with live formulas.
public struct TemplateRequest: Sendable {
    /// Rubric id or path; nil for the report's own (with `prefill`) or the newest official one.
    public var rubric: String?
    public var agency: String?
    public var name: String?
    public var region: String?
    public var year: Int?
    /// A report whose answers fill the evaluator's column.
    public var prefill: InputSource?

    public init(rubric: String? = nil, agency: String? = nil, name: String? = nil, region: String? = nil, year: Int? = nil, prefill: InputSource? = nil) {
        self.rubric = rubric
        self.agency = agency
        self.name = name
        self.region = region
        self.year = year
        self.prefill = prefill
    }

    public func run(rubrics: RubricCache = RubricCache()) throws(RequestError) -> LKETemplate {
        var report: Report?
        if let prefill {
            let read = Evaluator(options: Evaluator.Options(rubric: rubric)).read([prefill])
            try BatchChecks.requireInputs(fileCount: read.fileCount, diagnostics: read.diagnostics, sources: [prefill])
            guard read.reports.count == 1 else {
                throw RequestError(.invalidRequest, "--from needs one report; \(prefill.displayName) holds \(read.reports.count)")
            }
            report = read.reports[0]
        }
        let loaded = try BatchChecks.rubric(rubric ?? report?.rubric ?? RubricCatalog.defaultRubricID, rubrics)
        if loaded.subcomponents.contains(where: { $0.aggregation == .checklist }) {
            throw RequestError(.invalidRequest, "rubric \(loaded.id) is scored by checklists; its workbook template is not available yet (use XML or CSV)")
        }
        var template = LKETemplate(rubric: loaded, agency: agency, name: name, region: region, year: year, answers: [:])
        guard let report else { return template }
        template.agency = agency ?? report.agency
        template.name = name ?? report.name
        template.region = region ?? report.region
        template.year = year ?? report.year
        for answer in report.answers where template.answers[answer.id] == nil { template.answers[answer.id] = answer.value }
        return template
    }
}

/// What an LKE workbook is made from.
public struct LKETemplate: Sendable {
    public var rubric: Rubric
    public var agency: String?
    public var name: String?
    public var region: String?
    public var year: Int?
    /// Answer letters by criterion id (or sub-component id, for `grade` aggregation).
    public var answers: [String: String]
}
