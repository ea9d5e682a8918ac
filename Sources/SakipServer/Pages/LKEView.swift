import SakipCore
import SakipRendering

/// What the LKE page shows for one agency, one stage and one component: every criterion (or
/// sub-component, for grade rubrics) with its answer control, the other stages' answers beside
/// it, over-claims marked, and progress per component. Built from stored answers and the
/// rubric; the score shown is SakipCore's.
struct LKEView {
    var identity: Identity
    var period: Period
    var agency: Agency
    var rubric: Rubric
    /// The stage the controls set.
    var stage: Stage
    var editable: Bool
    /// The readable stages, for the stage switch and the values beside each control.
    var readable: [Stage]
    var answers: [StoredAnswer]
    var componentID: String
    var card: ScoreCard?
    var labels: Labels
    /// What the page must say at one item: saved, a conflict, a refusal; and what was typed.
    var marks: [String: Mark] = [:]

    struct Mark {
        var saved = false
        var error: String?
        var conflict: StoredAnswer??
        var typed: AnswerWrite?
    }

    /// An item that takes an answer: a criterion, or a sub-component graded whole.
    struct Item {
        var key: String
        var text: String
        var checklist: Bool
        var scale: AnswerScale
    }

    static func items(of sub: Subcomponent, in rubric: Rubric) -> [Item] {
        switch sub.aggregation {
        case .grade: [Item(key: sub.id, text: sub.name, checklist: false, scale: rubric.scale(sub.scale))]
        case .mean: sub.criteria.map { Item(key: $0.id, text: $0.text, checklist: false, scale: rubric.scale($0.scale)) }
        case .checklist: sub.criteria.map { Item(key: $0.id, text: $0.text, checklist: true, scale: rubric.scale($0.scale)) }
        }
    }

    var base: String { "/periods/\(period.year)/agencies/\(PagePath.escape(agency.id))" }

    func address(component: String? = nil, stage: Stage? = nil) -> String {
        "\(base)?component=\(PagePath.query(component ?? componentID))&stage=\((stage ?? self.stage).rawValue)"
    }

    static func anchor(_ key: String) -> String {
        key.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    func values() -> [String: Any] {
        let l = labels
        var byKey: [String: [Stage: StoredAnswer]] = [:]
        for answer in answers { byKey[answer.criterion, default: [:]][answer.stage] = answer }
        let component = rubric.components.first { $0.id == componentID } ?? rubric.components[0]
        let components = rubric.components.map { c -> [String: Any] in
            let keys = c.subcomponents.flatMap { Self.items(of: $0, in: rubric) }.map(\.key)
            let answered = keys.filter { isAnswered(byKey[$0]?[stage]) }.count
            var values: [String: Any] = ["id": c.id, "name": c.name, "href": address(component: c.id), "current": c.id == component.id,
                                         "answered": answered, "expected": keys.count]
            if let score = card?.components.first(where: { $0.id == c.id }) { values["score"] = Numbers.fixed(score.score, 2) }
            return values
        }
        let allKeys = rubric.subcomponents.flatMap { Self.items(of: $0, in: rubric) }.map(\.key)
        var values: [String: Any] = [
            "agencyName": agency.name, "year": period.year, "rubricTitle": rubric.title,
            "periodState": l(period.state.rawValue), "stageLabel": l(stage.rawValue), "editable": editable,
            "answered": allKeys.filter { isAnswered(byKey[$0]?[stage]) }.count, "expected": allKeys.count,
            "components": components, "componentID": component.id, "componentName": component.name,
            "subcomponents": component.subcomponents.map { subcomponent($0, byKey) },
            "canUpload": editable, "uploadURL": base + "/upload", "templateURL": base + "/template.xlsx",
            "published": period.state == .published, "resultURL": "/periods/\(period.year)/results",
        ]
        if let card {
            values["score"] = ["total": Numbers.fixed(card.total, 2), "grade": card.grade.grade, "gradeLabel": card.grade.label,
                               "missing": card.missing.count, "hasMissing": !card.missing.isEmpty]
            // With several stages, each one's total: the card is scored at the latest, and an
            // evaluator checks the others against it.
            // Where the self-assessment claims more than the scored stage gives, largest first.
            let gaps = card.gaps.filter { $0.gap > 0.005 }.sorted { $0.gap > $1.gap }.prefix(5)
            values["hasGaps"] = !gaps.isEmpty
            if !gaps.isEmpty {
                values["gaps"] = gaps.map { ["id": $0.subcomponent, "name": $0.name, "self": Numbers.fixed($0.selfScore, 2),
                                             "scored": Numbers.fixed($0.finalScore, 2), "gap": Numbers.fixed($0.gap, 2)] }
            }
            if card.stages.count > 1 {
                values["stageScores"] = card.stages.map { ["stage": l($0.stage.rawValue), "total": Numbers.fixed($0.score, 2), "grade": $0.grade, "missing": $0.missing] }
            }
        }
        if readable.count > 1 {
            values["stageChoices"] = ["items": readable.map { ["label": l($0.rawValue), "href": address(stage: $0), "current": $0 == stage] }]
        }
        return values
    }

    private func isAnswered(_ answer: StoredAnswer?) -> Bool {
        guard let answer else { return false }
        // A checklist answer with no flag is still an answer: the criterion was looked at.
        return !answer.value.isEmpty || rubric.checklist != nil
    }

    private func subcomponent(_ sub: Subcomponent, _ byKey: [String: [Stage: StoredAnswer]]) -> [String: Any] {
        ["id": sub.id, "name": sub.name, "anchor": "s-" + Self.anchor(sub.id), "weight": Numbers.full(sub.weight),
         "items": Self.items(of: sub, in: rubric).map { item($0, byKey[$0.key] ?? [:]) }]
    }

    private func item(_ item: Item, _ stages: [Stage: StoredAnswer]) -> [String: Any] {
        let l = labels
        let mark = marks[item.key]
        let stored = stages[stage]
        let shown = mark?.typed ?? stored.map { AnswerWrite(value: $0.value, note: $0.note, evidence: $0.evidence, version: $0.version) }
        var version = stored?.version ?? 0
        if let conflict = mark?.conflict { version = conflict?.version ?? 0 }
        let others = readable.filter { $0 != stage }.compactMap { other -> [String: Any]? in
            guard let answer = stages[other] else { return nil }
            var values: [String: Any] = ["label": l(other.rawValue), "value": display(answer.value, item)]
            if let note = answer.note { values["note"] = note }
            return values
        }
        var values: [String: Any] = [
            "id": item.key, "anchor": Self.anchor(item.key), "text": item.text, "stage": stage.rawValue,
            "action": "\(base)/answers/\(PagePath.escape(item.key))", "version": version,
            "note": shown?.note ?? "", "evidence": shown?.evidence ?? "",
            "historyURL": "\(base)/answers/\(PagePath.escape(item.key))/history",
            "others": others, "hasOthers": !others.isEmpty, "overclaim": overclaims(item, self: stages[.selfAssessment], this: stored),
            "saved": mark?.saved ?? false,
        ]
        // A web address or a file kept here opens; any other text (a shelf mark, a document
        // number) is shown as it is.
        if let evidence = shown?.evidence, evidence.hasPrefix("https://") || evidence.hasPrefix("http://") || evidence.hasPrefix(base + "/evidence/") {
            values["evidenceLink"] = evidence
        }
        if let stored { values["updated"] = "\(stored.updatedAt.prefix(16).replacingOccurrences(of: "T", with: " ")) · \(stored.updatedBy)" }
        if let error = mark?.error { values["error"] = error }
        if let conflict = mark?.conflict {
            values["conflict"] = ["theirs": conflict.map { display($0.value, item) } ?? "—", "by": conflict?.updatedBy ?? "",
                                  "at": (conflict?.updatedAt).map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "", "mine": display(mark?.typed?.value ?? "", item)]
        }
        let value = shown?.value ?? ""
        if item.checklist {
            let set = Set(RubricItems.checklistFlags(value))
            values["flags"] = ["choices": zip(RubricItems.flags, Self.flagLabels).map { ["value": $0.0, "label": l($0.1), "checked": set.contains($0.0)] }]
        } else {
            values["letters"] = ["options": item.scale.letters.map { ["value": $0, "label": $0, "selected": $0 == value] }]
        }
        return values
    }

    static let flagLabels = ["Met", "Mandated", "Kept 1 year", "Kept 5 years"]

    private func display(_ value: String, _ item: Item) -> String {
        guard item.checklist else { return value.isEmpty ? "—" : value }
        let set = Set(RubricItems.checklistFlags(value))
        return set.isEmpty ? "—" : zip(RubricItems.flags, Self.flagLabels).filter { set.contains($0.0) }.map { labels($0.1) }.joined(separator: ", ")
    }

    /// The self-assessment claims more than the stage being set gives (a letter worth more, or
    /// more checklist flags).
    private func overclaims(_ item: Item, self claimed: StoredAnswer?, this answer: StoredAnswer?) -> Bool {
        guard stage != .selfAssessment, let claimed, let answer else { return false }
        if item.checklist { return RubricItems.checklistFlags(claimed.value).count > RubricItems.checklistFlags(answer.value).count }
        guard let a = item.scale.value(of: claimed.value), let b = item.scale.value(of: answer.value) else { return false }
        return a > b
    }
}
