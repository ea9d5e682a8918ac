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
                throw RequestError(.invalidRequest, "\(field: "from") needs one report; \(prefill.displayName) holds \(read.reports.count)")
            }
            report = read.reports[0]
        }
        let loaded = try BatchChecks.rubric(rubric ?? report?.rubric ?? RubricCatalog.defaultRubricID, rubrics)
        let checklists = loaded.subcomponents.filter { $0.aggregation == .checklist }.count
        if checklists > 0 && checklists < loaded.subcomponents.count {
            throw RequestError(.invalidRequest, "rubric \(loaded.id) scores some sub-components by checklist and others by answers; a workbook template holds one or the other (use XML or CSV)")
        }
        var template = LKETemplate(rubric: loaded, agency: agency, name: name, region: region, year: year, answers: [:])
        guard let report else { return template }
        template.agency = agency ?? report.agency
        template.name = name ?? report.name
        template.region = region ?? report.region
        template.year = year ?? report.year
        // The evaluator's column takes the stage the report is scored at; the agency's column its
        // self-assessment, when that is another stage.
        let scored = Stage.primary(of: report.stages) ?? .final
        let evaluated = report.at(scored)
        for answer in evaluated.answers where template.answers[answer.id] == nil { template.answers[answer.id] = answer.value }
        for item in evaluated.checklist where template.checklist[item.criterion] == nil { template.checklist[item.criterion] = item }
        if scored != .selfAssessment {
            for answer in report.at(.selfAssessment).answers where template.selfAnswers[answer.id] == nil { template.selfAnswers[answer.id] = answer.value }
        }
        (template.notes, template.evidence) = Self.remarkColumns(report.remarks)
        return template
    }

    /// The workbook has one note and one evidence cell per row for every stage: a text given at
    /// one stage is written as it is; different texts at several stages are each labelled with
    /// their stage (`self: ...; final: ...`), so nothing is dropped.
    static func remarkColumns(_ remarks: [Remark]) -> (notes: [String: String], evidence: [String: String]) {
        func column(_ text: (Remark) -> String?) -> [String: String] {
            var byCriterion: [String: [(Stage, String)]] = [:]
            for remark in remarks.sorted(by: { $0.stage < $1.stage }) {
                guard let value = text(remark), !(byCriterion[remark.criterion]?.contains { $0.1 == value } ?? false) else { continue }
                byCriterion[remark.criterion, default: []].append((remark.stage, value))
            }
            return byCriterion.mapValues { texts in
                texts.count == 1 ? texts[0].1 : texts.map { "\($0.0.rawValue): \($0.1)" }.joined(separator: "; ")
            }
        }
        return (column(\.note), column(\.evidence))
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
    /// Checklist flags by criterion id, for checklist rubrics.
    public var checklist: [String: ChecklistAnswer] = [:]
    /// The agency's self-assessment, for its own column.
    public var selfAnswers: [String: String] = [:]
    /// Notes and evidence by criterion (or sub-component) id, for their columns.
    public var notes: [String: String] = [:]
    public var evidence: [String: String] = [:]

    public init(rubric: Rubric, agency: String? = nil, name: String? = nil, region: String? = nil, year: Int? = nil,
                answers: [String: String] = [:], checklist: [String: ChecklistAnswer] = [:]) {
        self.rubric = rubric
        self.agency = agency
        self.name = name
        self.region = region
        self.year = year
        self.answers = answers
        self.checklist = checklist
    }
}
