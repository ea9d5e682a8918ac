/// Scores reports against one rubric. Build once per rubric (it indexes the rubric) and reuse
/// for every report; it is a value and can be shared across tasks.
public struct Scorer: Sendable {
    public let rubric: Rubric
    /// Missing, unknown or duplicate criteria become errors instead of warnings.
    public var strict: Bool
    /// False when no caller will show the cards' warnings (a ranking): they are not built.
    public var keepsWarnings = true
    /// False when no caller will show the cards' indicators one by one (a ranking shows only
    /// their mean): cards then carry the mean and the efficiency, and an empty list.
    public var keepsIndicators = true

    let subcomponents: [Subcomponent]
    /// Criteria in rubric order: reports usually answer in this order, so the next expected
    /// criterion is checked before the dictionary is hashed.
    let flatCriteria: [(id: String, sub: Int, criterion: Int)]
    /// Position in `flatCriteria` of each sub-component's first criterion.
    let flatPosition: [Int]
    /// Each criterion's scale, by flat position; looked up once here rather than per report.
    let criterionScales: [AnswerScale]
    /// The `full` all criteria of a sub-component share, or nil when their scales differ.
    let commonFull: [Double?]
    /// Consistency rules with their ids resolved to positions, once per rubric.
    let compiledRules: [CompiledRule]

    let criterionIndex: [String: (sub: Int, criterion: Int)]
    let subcomponentIndex: [String: Int]
    /// The rubric's ids and letters as bytes, for readers that place answers as they read.
    package let placement: AnswerPlacement
    /// No grade for any sub-component: what every report with placed answers has, shared rather
    /// than built for each.
    private let noGrades: (letters: [String?], values: [Double], offsets: [Int])

    public init(rubric: Rubric, strict: Bool = false) {
        self.rubric = rubric
        self.strict = strict
        subcomponents = rubric.subcomponents
        var criterionIndex: [String: (sub: Int, criterion: Int)] = [:]
        var subcomponentIndex: [String: Int] = [:]
        for (s, sub) in subcomponents.enumerated() {
            subcomponentIndex[sub.id] = s
            for (c, criterion) in sub.criteria.enumerated() { criterionIndex[criterion.id] = (s, c) }
        }
        self.criterionIndex = criterionIndex
        self.subcomponentIndex = subcomponentIndex
        var positions: [Int] = []
        var running = 0
        for sub in subcomponents {
            positions.append(running)
            running += sub.criteria.count
        }
        flatPosition = positions
        compiledRules = Self.compileRules(rubric, criterionIndex: criterionIndex, subcomponentIndex: subcomponentIndex, positions: positions)
        criterionScales = subcomponents.flatMap { $0.criteria.map { rubric.scale($0.scale) } }
        commonFull = subcomponents.map { sub in
            let fulls = sub.criteria.map { rubric.scale($0.scale).full }
            return fulls.allSatisfy { $0 == fulls[0] } ? fulls[0] : nil
        }
        flatCriteria = subcomponents.enumerated().flatMap { s, sub in sub.criteria.enumerated().map { (id: $1.id, sub: s, criterion: $0) } }
        noGrades = ([String?](repeating: nil, count: subcomponents.count), [Double](repeating: .nan, count: subcomponents.count),
                    [Int](repeating: -1, count: subcomponents.count))
        placement = AnswerPlacement(rubricID: rubric.id, flatCriteria: flatCriteria, scales: criterionScales, subcomponents: subcomponents)
    }

    /// Where a criterion id sits, trying the position after the previous answer first.
    @inline(__always)
    func locate(_ id: String, after previous: inout Int) -> (sub: Int, criterion: Int)? {
        let guess = previous + 1
        if guess < flatCriteria.count, flatCriteria[guess].id == id {
            previous = guess
            return (flatCriteria[guess].sub, flatCriteria[guess].criterion)
        }
        guard let found = criterionIndex[id] else { return nil }
        previous = flatPosition[found.sub] + found.criterion
        return found
    }

    /// Scores one report. Errors (an answer outside its scale; in strict mode, missing, unknown
    /// or duplicate criteria) are thrown together, each with its file, line and column; the
    /// strictness policy is applied once, to everything found (see `Findings`).
    public func score(_ report: Report) throws(DiagnosticList) -> ScoreCard {
        if report.placed != nil {
            // Answers placed for another rubric (never, as the reader asks the same cache) are
            // read as answers again.
            guard report.placed?.placement.rubricID == rubric.id, report.answers.isEmpty, report.checklist.isEmpty else {
                var unplaced = report
                unplaced.unplace()
                return try score(unplaced)
            }
            return try scoreOne(report)
        }
        // Most reports have final answers only: checked without building the set of stages.
        if report.answers.allSatisfy({ $0.stage == .final }) && report.checklist.allSatisfy({ $0.stage == .final }) {
            return try scoreOne(report)
        }
        return try scoreStages(report, report.stages)
    }

    /// Scores the answers of a report as they are, whatever stage they name.
    func scoreOne(_ report: Report) throws(DiagnosticList) -> ScoreCard {
        var findings = Findings(strict: strict, keepsWarnings: keepsWarnings)
        let answers = report.placed.map(collected) ?? collect(report, into: &findings)
        var missing: [String] = []
        let subScores = subcomponents.indices.map { aggregate($0, answers, missing: &missing) }
        if !missing.isEmpty {
            // At the first empty answer cell when the report says where its rows are.
            findings.add(.missingAnswer, .errorWhenStrict, at: report.rowOffsets[missing[0]].map { report.position($0) } ?? report.origin,
                         "\(missing.count) of the rubric's items unanswered, each counted 0: \(Diagnostic.list(missing))")
        }
        if findings.wants(.warning) {
            consistencyWarnings(report: report, answers: answers, subScores: subScores, into: &findings)
            checkStatedWeights(report, into: &findings)
        }
        let indicators = scoreIndicators(report, into: &findings)
        let (errors, warnings) = findings.resolve()
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return rollUp(report, subScores: subScores, indicators: indicators, missing: missing, warnings: warnings)
    }

    /// Answers placed while the report was read: all known, once each, on their scales, so
    /// there is nothing to find; the rest is as `collect` leaves it for a report without grades
    /// or a checklist.
    func collected(_ placed: PlacedAnswers) -> CollectedAnswers {
        CollectedAnswers(criterionValues: placed.criterionValues, gradeLetters: noGrades.letters, gradeValues: noGrades.values,
                         answerOffset: placed.answerOffset, gradeOffset: noGrades.offsets, checklists: [])
    }

    /// Components (and groups) are sums of their sub-components; the total is the sum of the components.
    func rollUp(_ report: Report, subScores: [SubcomponentScore], indicators: ScoredIndicators, missing: [String], warnings: [Diagnostic]) -> ScoreCard {
        var components: [ComponentScore] = []
        components.reserveCapacity(rubric.components.count)
        var cursor = 0
        var total = 0.0
        // By index, so that no component of the rubric is copied for each report.
        for c in rubric.components.indices {
            let count = rubric.components[c].subcomponents.count
            let members = Array(subScores[cursor..<(cursor + count)])
            cursor += count
            let score = members.reduce(0) { $0 + $1.score }
            let groups = rubric.components[c].groups.isEmpty ? [] : Self.groupScores(rubric.components[c], members)
            components.append(ComponentScore(id: rubric.components[c].id, name: rubric.components[c].name, weight: rubric.components[c].weight,
                                             score: score, groups: groups, subcomponents: members))
            total += score
        }
        return ScoreCard(
            agency: report.agency, name: report.name, region: report.region, year: report.year, rubricID: rubric.id,
            total: total, grade: rubric.grade(for: total), components: components, indicators: keepsIndicators ? indicators.results : [],
            indicatorMean: indicators.mean, efficiency: indicators.efficiency, missing: missing, warnings: warnings, origin: report.origin.location,
            remarks: report.remarks)
    }

    /// Each group's score: the sum of its sub-components' scores.
    private static func groupScores(_ component: Component, _ members: [SubcomponentScore]) -> [GroupScore] {
        component.groups.map { group in
            GroupScore(id: group.id, name: group.name, weight: group.weight,
                       score: zip(component.subcomponents, members).filter { $0.0.group == group.id }.reduce(0) { $0 + $1.1.score })
        }
    }
}
