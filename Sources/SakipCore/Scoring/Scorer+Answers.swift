/// A report's answers placed on the rubric: what the aggregation strategies and consistency
/// rules read.
struct CollectedAnswers {
    /// Raw answer values (as in the scale) by flat criterion position, NaN where unanswered;
    /// divided by the scale's `full` only at the end, so that e.g. 70 x 6 / 100 gives 4.2
    /// rather than 0.7 x 6 = 4.199999999999999.
    var criterionValues: [Double]
    /// The grade letter and value of each graded sub-component (nil / NaN where unanswered).
    var gradeLetters: [String?]
    var gradeValues: [Double]
    /// Offset of the answer that counts for each criterion and graded sub-component (-1: none).
    var answerOffset: [Int]
    var gradeOffset: [Int]
    /// Checklist items by sub-component (empty when the report has no checklist).
    var checklists: [[ChecklistAnswer]]
}

extension Scorer {
    /// Places every answer, grade and checklist item; an unknown id, a duplicate or a letter off
    /// its scale is a finding, and the first answer for an id is the one that counts.
    func collect(_ report: Report, into findings: inout Findings) -> CollectedAnswers {
        var criterionValues = [Double](repeating: .nan, count: flatCriteria.count)
        var gradeLetters = [String?](repeating: nil, count: subcomponents.count)
        var gradeValues = [Double](repeating: .nan, count: subcomponents.count)
        var answerOffset = [Int](repeating: -1, count: flatCriteria.count)
        var gradeOffset = [Int](repeating: -1, count: subcomponents.count)
        var unknown: [String] = []
        func duplicate(_ answer: Answer, first: Int) {
            findings.add(.duplicateAnswer, .errorWhenStrict, at: report.position(answer.offset, attribute: "value"), "duplicate answer for '\(answer.id)'; the first is used",
                         notes: [Diagnostic.Note("the first answer for '\(answer.id)', which is used", at: report.position(first, attribute: "value").location)])
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
                    findings.add(.unusedAnswer, .errorWhenStrict, at: report.position(answer.offset, attribute: "value"), "criterion '\(answer.id)' belongs to sub-component \(subcomponents[s].id), which is scored by \(subcomponents[s].aggregation.rawValue); its answer is not used for the score")
                    // Still usable by consistency rules, if it is a valid letter.
                    if let v = criterionScales[flatPosition[s] + c].value(of: answer.value) { criterionValues[flatPosition[s] + c] = v }
                    continue
                }
                // Looked up in place: binding the scale to a local copies it, with three
                // reference counts up and down per answer.
                guard let v = criterionScales[flatPosition[s] + c].value(of: answer.value) else {
                    let scale = criterionScales[flatPosition[s] + c]
                    findings.add(.unknownLetter, .error, at: report.position(answer.offset, attribute: "value"), "answer '\(answer.value)' for criterion \(answer.id) is not in scale \(scale.id); expected one of \(scale.letters.joined(separator: ", "))")
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
                    findings.add(.unusedAnswer, .errorWhenStrict, at: report.position(answer.offset, attribute: "value"), "sub-component \(answer.id) is scored by \(subcomponents[s].aggregation.rawValue), not by one grade; this grade is ignored")
                    continue
                }
                let scale = rubric.scale(subcomponents[s].scale)
                guard let v = scale.value(of: answer.value) else {
                    findings.add(.unknownLetter, .error, at: report.position(answer.offset, attribute: "value"), "grade '\(answer.value)' for sub-component \(answer.id) is not in scale \(scale.id); expected one of \(scale.letters.joined(separator: ", "))")
                    continue
                }
                gradeLetters[s] = answer.value
                gradeValues[s] = v
            } else {
                unknown.append(answer.id)
                findings.add(.unknownCriterion, .onlyWhenStrict, at: report.position(answer.offset, attribute: "value"), "unknown criterion '\(answer.id)' for rubric \(rubric.id)")
            }
        }

        // Checklist flags, grouped by sub-component.
        var checklists = [[ChecklistAnswer]](repeating: [], count: report.checklist.isEmpty ? 0 : subcomponents.count)
        var checklistSeen = Set<String>()
        for item in report.checklist {
            guard let (s, _) = criterionIndex[item.criterion] else {
                unknown.append(item.criterion)
                findings.add(.unknownCriterion, .onlyWhenStrict, at: report.position(item.offset, attribute: "criterion"), "unknown criterion '\(item.criterion)' for rubric \(rubric.id)")
                continue
            }
            guard checklistSeen.insert(item.criterion).inserted else {
                findings.add(.duplicateAnswer, .errorWhenStrict, at: report.position(item.offset, attribute: "criterion"), "duplicate checklist item for '\(item.criterion)'; the first is used")
                continue
            }
            guard subcomponents[s].aggregation == .checklist else {
                findings.add(.unusedAnswer, .errorWhenStrict, at: report.position(item.offset, attribute: "criterion"), "criterion '\(item.criterion)' belongs to sub-component \(subcomponents[s].id), which is scored by \(subcomponents[s].aggregation.rawValue); its checklist item is ignored")
                continue
            }
            checklists[s].append(item)
        }
        if !unknown.isEmpty {
            let ids = Diagnostic.list(unknown.map { Diagnostic.bounded($0) })
            findings.add(.unknownCriterion, .onlyWhenLenient, at: report.origin,
                         unknown.count == 1 ? "1 unknown criterion ignored: \(ids)" : "\(unknown.count) unknown criteria ignored: \(ids)")
        }
        return CollectedAnswers(criterionValues: criterionValues, gradeLetters: gradeLetters, gradeValues: gradeValues,
                                answerOffset: answerOffset, gradeOffset: gradeOffset, checklists: checklists)
    }
}
