/// The three ways a sub-component is scored, one strategy each. A sub-component earns
/// rawSum / (weightSum x full) of its weight.
extension Scorer {
    private struct Earned {
        var rawSum: Double
        var weightSum = 1.0
        var full: Double
        var letter: String?
        var answered: Int
        var expected: Int
    }

    /// Scores sub-component `s` by its aggregation; unanswered items are appended to `missing`.
    /// Every report scores every sub-component: fields are read in place (`subcomponents[s].x`)
    /// rather than through a copy of the sub-component and its criteria.
    func aggregate(_ s: Int, _ answers: CollectedAnswers, missing: inout [String]) -> SubcomponentScore {
        let aggregation = subcomponents[s].aggregation
        let earned = switch aggregation {
        case .mean: meanAggregation(s, answers, missing: &missing)
        case .grade: gradeAggregation(s, answers, missing: &missing)
        case .checklist: checklistAggregation(s, answers, missing: &missing)
        }
        let denominator = earned.weightSum * earned.full
        let weight = subcomponents[s].weight
        return SubcomponentScore(
            id: subcomponents[s].id, name: subcomponents[s].name, weight: weight, aggregation: aggregation, value: earned.rawSum / denominator,
            score: earned.rawSum * weight / denominator, letter: earned.letter, answered: earned.answered, expected: earned.expected,
            group: subcomponents[s].group)
    }

    /// `mean`: the criterion-weighted mean of the answers; an unanswered criterion counts 0.
    private func meanAggregation(_ s: Int, _ answers: CollectedAnswers, missing: inout [String]) -> Earned {
        // Mixed scales (different `full`) are normalised per criterion instead.
        let common = commonFull[s]
        let count = subcomponents[s].criteria.count
        var earned = Earned(rawSum: 0, weightSum: 0, full: common ?? 1, answered: 0, expected: count)
        for c in 0..<count {
            let weight = subcomponents[s].criteria[c].weight
            earned.weightSum += weight
            let v = answers.criterionValues[flatPosition[s] + c]
            if v.isNaN {
                missing.append(subcomponents[s].criteria[c].id)
            } else {
                earned.rawSum += (common == nil ? v / criterionScales[flatPosition[s] + c].full : v) * weight
                earned.answered += 1
            }
        }
        return earned
    }

    /// `grade`: one letter for the whole sub-component; its criteria are probing questions.
    private func gradeAggregation(_ s: Int, _ answers: CollectedAnswers, missing: inout [String]) -> Earned {
        let sub = subcomponents[s]
        var earned = Earned(rawSum: 0, full: rubric.scale(sub.scale).full, answered: 0, expected: 1)
        if answers.gradeValues[s].isNaN {
            missing.append(sub.id)
        } else {
            earned.rawSum = answers.gradeValues[s]
            earned.letter = answers.gradeLetters[s]
            earned.answered = 1
        }
        return earned
    }

    /// `checklist`: the grade the rubric's checklist rule gives the flags of the criteria.
    private func checklistAggregation(_ s: Int, _ answers: CollectedAnswers, missing: inout [String]) -> Earned {
        let sub = subcomponents[s]
        guard let rule = rubric.checklist else { preconditionFailure("loading checked that checklist sub-components have a checklist rule") }
        let items = answers.checklists.isEmpty ? [] : answers.checklists[s]
        let answeredIDs = Set(items.map(\.criterion))
        missing += sub.criteria.map(\.id).filter { !answeredIDs.contains($0) }
        let grade = Self.checklistGrade(items, criteria: sub.criteria.count, rule: rule)
        let scale = rubric.scale(rule.scale)
        guard let value = scale.value(of: grade) else { preconditionFailure("loading checked that checklist grades are in scale \(scale.id)") }
        return Earned(rawSum: value, full: scale.full, letter: grade, answered: items.count, expected: sub.criteria.count)
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

}
