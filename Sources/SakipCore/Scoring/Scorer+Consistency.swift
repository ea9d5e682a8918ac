extension Scorer {
    struct CompiledRule: Sendable {
        enum Operand: Sendable {
            /// Flat criterion position, and its id for messages.
            case criterion(Int, String)
            case subcomponent(Int, String)
        }
        var subjects: [Operand]
        var limit: Operand
        var text: Message
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
            return CompiledRule(subjects: subjects, limit: operand(rule.notAbove), text: rule.text)
        }
    }

    /// Kerangka logis: a subject may not score above its limit; each violation is a warning at the subject's answer.
    func consistencyWarnings(report: Report, answers: CollectedAnswers, subScores: [SubcomponentScore], into findings: inout Findings) {
        /// The operand's share (0...1) and where it was answered, or nil when it is not answered.
        func evaluate(_ operand: CompiledRule.Operand) -> (value: Double, offset: Int?)? {
            switch operand {
            case .criterion(let flat, _):
                let v = answers.criterionValues[flat]
                guard !v.isNaN else { return nil }
                return (v / criterionScales[flat].full, answers.answerOffset[flat] >= 0 ? answers.answerOffset[flat] : nil)
            case .subcomponent(let s, _):
                guard subScores[s].answered > 0 else { return nil }
                return (subScores[s].value, answers.gradeOffset[s] >= 0 ? answers.gradeOffset[s] : nil)
            }
        }
        for rule in compiledRules {
            guard let limit = evaluate(rule.limit) else { continue }
            for subjectOperand in rule.subjects {
                guard let subject = evaluate(subjectOperand), subject.value > limit.value + GradeBand.boundTolerance else { continue }
                let subjectName: Message = switch subjectOperand {
                case .criterion(_, let id): "\(id)"
                case .subcomponent(_, let id): "sub-component \(id)"
                }
                let limitName: Message = switch rule.limit {
                case .criterion(_, let id): "criterion \(id)"
                case .subcomponent(_, let id): "sub-component \(id)"
                }
                let row = switch subjectOperand {
                case .criterion(_, let id), .subcomponent(_, let id): report.rowOffsets[id]
                }
                findings.add(.kerangkaLogis, .warning, at: (subject.offset ?? row).map { report.position($0, attribute: "value") } ?? report.origin,
                             "kerangka logis: \(subjectName) (\(percent(subject.value))) scores above \(limitName) (\(percent(limit.value))): \(rule.text)")
            }
        }
    }

    func percent(_ share: Double) -> String {
        let rounded = (share * 1000).rounded() / 10
        return "\(format(rounded))%"
    }
}
