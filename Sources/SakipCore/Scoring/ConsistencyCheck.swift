extension Scorer {
    struct CompiledRule: Sendable {
        enum Operand: Sendable {
            /// Flat criterion position, and its id for messages.
            case criterion(Int, String)
            case subcomponent(Int, String)
        }
        var subjects: [Operand]
        var limit: Operand
        var message: String
    }

    /// Consistency rules with their ids resolved to positions, once per rubric. Loading checked
    /// that every id a rule names exists.
    static func compileRules(_ rubric: Rubric, criterionIndex: [String: (sub: Int, criterion: Int)], subcomponentIndex: [String: Int], positions: [Int]) -> [CompiledRule] {
        func operand(_ target: ConsistencyRule.Target) -> CompiledRule.Operand {
            switch target {
            case .criterion(let id): .criterion(positions[criterionIndex[id]!.sub] + criterionIndex[id]!.criterion, id)
            case .subcomponent(let id): .subcomponent(subcomponentIndex[id]!, id)
            }
        }
        return rubric.consistency.map { rule in
            let subjects: [CompiledRule.Operand]
            switch rule.subject {
            case .criterion(let id): subjects = [operand(.criterion(id))]
            case .criteriaOf(let sub): subjects = rubric.subcomponents[subcomponentIndex[sub]!].criteria.map { operand(.criterion($0.id)) }
            case .subcomponent(let id): subjects = [operand(.subcomponent(id))]
            }
            return CompiledRule(subjects: subjects, limit: operand(rule.notAbove), message: rule.message)
        }
    }

    /// Kerangka logis: a subject may not score above its limit; each violation is a warning at the subject's answer.
    func consistencyWarnings(report: Report, answers: CollectedAnswers, subScores: [SubcomponentScore]) -> [Diagnostic] {
        let criterionValues = answers.criterionValues, answerOffset = answers.answerOffset, gradeOffset = answers.gradeOffset
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

    func percent(_ share: Double) -> String {
        let rounded = (share * 1000).rounded() / 10
        return "\(format(rounded))%"
    }
}
