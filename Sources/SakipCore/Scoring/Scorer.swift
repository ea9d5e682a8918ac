/// Scores reports against one rubric. Build once per rubric (it indexes the rubric) and reuse
/// for every report; it is a value and can be shared across tasks.
public struct Scorer: Sendable {
    public let rubric: Rubric
    /// Missing, unknown or duplicate criteria become errors instead of warnings.
    public var strict: Bool

    private let subcomponents: [Subcomponent]
    /// Criteria in rubric order: reports usually answer in this order, so the next expected
    /// criterion is checked before the dictionary is hashed.
    private let flatCriteria: [(id: String, sub: Int, criterion: Int)]
    /// Position in `flatCriteria` of each sub-component's first criterion.
    private let flatPosition: [Int]
    /// Each criterion's scale, by flat position; looked up once here rather than per report.
    private let criterionScales: [AnswerScale]
    /// The `full` all criteria of a sub-component share, or nil when their scales differ.
    private let commonFull: [Double?]
    /// Consistency rules with their ids resolved to positions, once per rubric.
    private let compiledRules: [CompiledRule]

    private struct CompiledRule: Sendable {
        enum Operand: Sendable {
            /// Flat criterion position, and its id for messages.
            case criterion(Int, String)
            case subcomponent(Int, String)
        }
        var subjects: [Operand]
        var limit: Operand
        var message: String
    }
    private let criterionIndex: [String: (sub: Int, criterion: Int)]
    private let subcomponentIndex: [String: Int]

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
        func operand(_ target: ConsistencyRule.Target) -> CompiledRule.Operand {
            switch target {
            case .criterion(let id): .criterion(positions[criterionIndex[id]!.sub] + criterionIndex[id]!.criterion, id)
            case .subcomponent(let id): .subcomponent(subcomponentIndex[id]!, id)
            }
        }
        compiledRules = rubric.consistency.map { rule in
            let subjects: [CompiledRule.Operand]
            switch rule.subject {
            case .criterion(let id): subjects = [operand(.criterion(id))]
            case .criteriaOf(let sub): subjects = rubric.subcomponents[subcomponentIndex[sub]!].criteria.map { operand(.criterion($0.id)) }
            case .subcomponent(let id): subjects = [operand(.subcomponent(id))]
            }
            return CompiledRule(subjects: subjects, limit: operand(rule.notAbove), message: rule.message)
        }
        criterionScales = subcomponents.flatMap { $0.criteria.map { rubric.scale($0.scale) } }
        commonFull = subcomponents.map { sub in
            let fulls = sub.criteria.map { rubric.scale($0.scale).full }
            return fulls.allSatisfy { $0 == fulls[0] } ? fulls[0] : nil
        }
        flatCriteria = subcomponents.enumerated().flatMap { s, sub in sub.criteria.enumerated().map { (id: $1.id, sub: s, criterion: $0) } }
    }

    /// Where a criterion id sits, trying the position after the previous answer first.
    @inline(__always)
    private func locate(_ id: String, after previous: inout Int) -> (sub: Int, criterion: Int)? {
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
    /// or duplicate criteria) are thrown together, each with its file, line and column.
    public func score(_ report: Report) throws(DiagnosticList) -> ScoreCard {
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        // Locations are resolved only if a diagnostic is shown.
        func flag(_ code: DiagnosticCode, _ asError: Bool, _ position: SourcePosition, _ message: String, notes: [Diagnostic.Note] = []) {
            let diagnostic = Diagnostic(code, asError ? .error : .warning, at: position, message, notes: notes)
            if asError { errors.append(diagnostic) } else { warnings.append(diagnostic) }
        }

        // Raw answer values (as in the scale), NaN where unanswered; divided by the scale's `full`
        // only at the end, so that e.g. 70 x 6 / 100 gives 4.2 rather than 0.7 x 6 = 4.199999999999999.
        var criterionValues = [Double](repeating: .nan, count: flatCriteria.count)
        var gradeLetters = [String?](repeating: nil, count: subcomponents.count)
        var gradeValues = [Double](repeating: .nan, count: subcomponents.count)
        // Offset of the answer that counts for each criterion and graded sub-component (-1: none yet).
        var answerOffset = [Int](repeating: -1, count: flatCriteria.count)
        var gradeOffset = [Int](repeating: -1, count: subcomponents.count)
        var unknown: [String] = []
        func duplicate(_ answer: Answer, first: Int) {
            let first = Diagnostic.Note("the first answer for '\(answer.id)', which is used", at: report.position(first, attribute: "value").location)
            flag(.duplicateAnswer, strict, report.position(answer.offset, attribute: "value"), "duplicate answer for '\(answer.id)'; the first is used", notes: [first])
        }

        var answerCursor = -1
        for answer in report.answers {
            if let (s, c) = locate(answer.id, after: &answerCursor) {
                guard answerOffset[flatPosition[s] + c] < 0 else {
                    duplicate(answer, first: answerOffset[flatPosition[s] + c])
                    continue
                }
                answerOffset[flatPosition[s] + c] = answer.offset
                guard subcomponents[s].aggregation == .mean else {
                    flag(.unusedAnswer, strict, report.position(answer.offset, attribute: "value"), "criterion '\(answer.id)' belongs to sub-component \(subcomponents[s].id), which is scored by \(subcomponents[s].aggregation.rawValue); its answer is not used for the score")
                    // Still usable by consistency rules, if it is a valid letter.
                    if let v = criterionScales[flatPosition[s] + c].value(of: answer.value) { criterionValues[flatPosition[s] + c] = v }
                    continue
                }
                let scale = criterionScales[flatPosition[s] + c]
                guard let v = scale.value(of: answer.value) else {
                    flag(.unknownLetter, true, report.position(answer.offset, attribute: "value"), "answer '\(answer.value)' for criterion \(answer.id) is not in scale \(scale.id); expected one of \(scale.letters.joined(separator: ", "))")
                    continue
                }
                criterionValues[flatPosition[s] + c] = v
            } else if let s = subcomponentIndex[answer.id] {
                guard gradeOffset[s] < 0 else {
                    duplicate(answer, first: gradeOffset[s])
                    continue
                }
                gradeOffset[s] = answer.offset
                guard subcomponents[s].aggregation == .grade else {
                    flag(.unusedAnswer, strict, report.position(answer.offset, attribute: "value"), "sub-component \(answer.id) is scored by \(subcomponents[s].aggregation.rawValue), not by one grade; this grade is ignored")
                    continue
                }
                let scale = rubric.scale(subcomponents[s].scale)
                guard let v = scale.value(of: answer.value) else {
                    flag(.unknownLetter, true, report.position(answer.offset, attribute: "value"), "grade '\(answer.value)' for sub-component \(answer.id) is not in scale \(scale.id); expected one of \(scale.letters.joined(separator: ", "))")
                    continue
                }
                gradeLetters[s] = answer.value
                gradeValues[s] = v
            } else {
                unknown.append(answer.id)
                if strict { flag(.unknownCriterion, true, report.position(answer.offset, attribute: "value"), "unknown criterion '\(answer.id)' for rubric \(rubric.id)") }
            }
        }

        // Checklist flags, grouped by sub-component.
        var checklists = [[ChecklistAnswer]](repeating: [], count: report.checklist.isEmpty ? 0 : subcomponents.count)
        var checklistSeen = Set<String>()
        for item in report.checklist {
            guard let (s, _) = criterionIndex[item.criterion] else {
                unknown.append(item.criterion)
                if strict { flag(.unknownCriterion, true, report.position(item.offset, attribute: "criterion"), "unknown criterion '\(item.criterion)' for rubric \(rubric.id)") }
                continue
            }
            guard checklistSeen.insert(item.criterion).inserted else {
                flag(.duplicateAnswer, strict, report.position(item.offset, attribute: "criterion"), "duplicate checklist item for '\(item.criterion)'; the first is used")
                continue
            }
            guard subcomponents[s].aggregation == .checklist else {
                flag(.unusedAnswer, strict, report.position(item.offset, attribute: "criterion"), "criterion '\(item.criterion)' belongs to sub-component \(subcomponents[s].id), which is scored by \(subcomponents[s].aggregation.rawValue); its checklist item is ignored")
                continue
            }
            checklists[s].append(item)
        }
        if !unknown.isEmpty && !strict {
            warnings.append(Diagnostic(.unknownCriterion, .warning, at: report.origin, "\(unknown.count) unknown criteria ignored: \(unknown.joined(separator: ", "))"))
        }

        // Sub-component values.
        var missing: [String] = []
        var subScores: [SubcomponentScore] = []
        subScores.reserveCapacity(subcomponents.count)
        for (s, sub) in subcomponents.enumerated() {
            // The sub-component earns rawSum / (weightSum x full) of its weight.
            var rawSum = 0.0
            var weightSum = 1.0
            var full = rubric.scales[sub.scale]?.full ?? 1
            var letter: String?
            var answered = 0
            var expected = sub.criteria.count
            switch sub.aggregation {
            case .mean:
                weightSum = 0
                // Mixed scales (different `full`) are normalised per criterion instead.
                let common = commonFull[s]
                full = common ?? 1
                for (c, criterion) in sub.criteria.enumerated() {
                    weightSum += criterion.weight
                    let v = criterionValues[flatPosition[s] + c]
                    if v.isNaN {
                        missing.append(criterion.id)
                    } else {
                        rawSum += (common == nil ? v / criterionScales[flatPosition[s] + c].full : v) * criterion.weight
                        answered += 1
                    }
                }
            case .grade:
                expected = 1
                if gradeValues[s].isNaN {
                    missing.append(sub.id)
                } else {
                    rawSum = gradeValues[s]
                    letter = gradeLetters[s]
                    answered = 1
                }
            case .checklist:
                let items = checklists.isEmpty ? [] : checklists[s]
                answered = items.count
                let answeredIDs = Set(items.map(\.criterion))
                missing += sub.criteria.map(\.id).filter { !answeredIDs.contains($0) }
                let rule = rubric.checklist!
                let grade = Self.checklistGrade(items, criteria: sub.criteria.count, rule: rule)
                let scale = rubric.scales[rule.scale]!
                rawSum = scale.value(of: grade)!
                full = scale.full
                letter = grade
            }
            let denominator = weightSum * full
            subScores.append(SubcomponentScore(
                id: sub.id, name: sub.name, weight: sub.weight, aggregation: sub.aggregation, value: rawSum / denominator,
                score: rawSum * sub.weight / denominator, letter: letter, answered: answered, expected: expected))
        }
        if !missing.isEmpty {
            flag(.missingAnswer, strict, report.origin, "\(missing.count) of the rubric's items unanswered, each counted 0: \(missing.joined(separator: ", "))")
        }

        warnings += consistencyWarnings(report: report, criterionValues: criterionValues, subScores: subScores,
                                        answerOffset: answerOffset, gradeOffset: gradeOffset)

        // Indicators.
        let results = report.indicators.map { indicator -> IndicatorResult in
            let outcome = Achievement.of(indicator, policy: rubric.achievement)
            if case .notComputable(let reason) = outcome {
                flag(.notComputable, false, report.position(indicator.offset, attribute: "target"), "achievement of indicator \(indicator.id) not computable: \(reason)")
            }
            return IndicatorResult(indicator: indicator, outcome: outcome, label: outcome.value.flatMap { rubric.achievement.label(for: $0) })
        }
        let mean = Achievement.mean(results.map { ($0.outcome, $0.indicator.weight) })
        let efficiency = report.budget.flatMap { Efficiency(budget: $0, achievement: mean, policy: rubric.achievement) }

        if !errors.isEmpty { throw DiagnosticList(errors) }

        // Roll up: components (and groups) are sums of their sub-components.
        var components: [ComponentScore] = []
        var cursor = 0
        var total = 0.0
        for component in rubric.components {
            let members = Array(subScores[cursor..<(cursor + component.subcomponents.count)])
            cursor += component.subcomponents.count
            let score = members.reduce(0) { $0 + $1.score }
            let groups = component.groups.map { group in
                GroupScore(id: group.id, name: group.name, weight: group.weight,
                           score: zip(component.subcomponents, members).filter { $0.0.group == group.id }.reduce(0) { $0 + $1.1.score })
            }
            components.append(ComponentScore(id: component.id, name: component.name, weight: component.weight, score: score, groups: groups, subcomponents: members))
            total += score
        }
        return ScoreCard(
            agency: report.agency, name: report.name, region: report.region, year: report.year, rubricID: rubric.id,
            total: total, grade: rubric.grade(for: total), components: components, indicators: results,
            indicatorMean: mean, efficiency: efficiency, missing: missing, warnings: warnings, origin: report.origin.location)
    }

    /// The grade a checklist earns: all criteria met -> the first `allMet` rule whose flag every
    /// item has; otherwise the first band the share met is strictly above; else `none`.
    static func checklistGrade(_ items: [ChecklistAnswer], criteria: Int, rule: ChecklistRule) -> String {
        assert(criteria > 0, "validated rubrics have no empty sub-component")
        let met = items.filter(\.met)
        let share = Double(met.count) / Double(criteria)
        if met.count == criteria {
            for candidate in rule.allMet where candidate.every.map({ flag in met.allSatisfy { $0.has(flag) } }) ?? true {
                return candidate.grade
            }
        }
        for band in rule.shareMet where share > band.above {
            return band.grade
        }
        return rule.none
    }

    private func consistencyWarnings(
        report: Report, criterionValues: [Double], subScores: [SubcomponentScore], answerOffset: [Int], gradeOffset: [Int]
    ) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        /// The operand's share (0...1) and where it was answered, or nil when it is not answered.
        func evaluate(_ operand: CompiledRule.Operand) -> (value: Double, offset: Int?, name: String)? {
            switch operand {
            case .criterion(let flat, let id):
                let v = criterionValues[flat]
                guard !v.isNaN else { return nil }
                return (v / criterionScales[flat].full, answerOffset[flat] >= 0 ? answerOffset[flat] : nil, id)
            case .subcomponent(let s, let id):
                guard subScores[s].answered > 0 else { return nil }
                return (subScores[s].value, gradeOffset[s] >= 0 ? gradeOffset[s] : nil, "sub-component \(id)")
            }
        }
        for rule in compiledRules {
            guard let limit = evaluate(rule.limit) else { continue }
            for subjectOperand in rule.subjects {
                guard let subject = evaluate(subjectOperand), subject.value > limit.value + GradeBand.boundTolerance else { continue }
                let limitName: String
                switch rule.limit {
                case .criterion(_, let id): limitName = "criterion \(id)"
                case .subcomponent(_, let id): limitName = "sub-component \(id)"
                }
                let position = subject.offset.map { report.position($0, attribute: "value") } ?? report.origin
                warnings.append(Diagnostic(.kerangkaLogis, .warning, at: position,
                    "kerangka logis: \(subject.name) (\(percent(subject.value))) scores above \(limitName) (\(percent(limit.value))): \(rule.message)"))
            }
        }
        return warnings
    }

    private func percent(_ share: Double) -> String {
        let rounded = (share * 1000).rounded() / 10
        return "\(format(rounded))%"
    }
}
