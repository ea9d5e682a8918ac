import Foundation
import SakipCore

/// What the service stores answers for under one rubric: each criterion of a `mean` or
/// `checklist` sub-component, and each `grade` sub-component as a whole. The rules themselves
/// stay in SakipCore; this only says which key takes which kind of value.
struct RubricItems: Sendable {
    enum Kind: Sendable, Hashable {
        /// A letter of this scale.
        case letter(AnswerScale)
        /// Checklist flags.
        case checklist
    }

    let rubric: Rubric
    let kinds: [String: Kind]
    /// The keys in rubric order.
    let order: [String]
    let isChecklist: Bool

    init(_ rubric: Rubric) {
        self.rubric = rubric
        var kinds: [String: Kind] = [:], order: [String] = []
        for sub in rubric.subcomponents {
            switch sub.aggregation {
            case .grade:
                kinds[sub.id] = .letter(rubric.scale(sub.scale))
                order.append(sub.id)
            case .mean:
                for criterion in sub.criteria {
                    kinds[criterion.id] = .letter(rubric.scale(criterion.scale))
                    order.append(criterion.id)
                }
            case .checklist:
                for criterion in sub.criteria {
                    kinds[criterion.id] = .checklist
                    order.append(criterion.id)
                }
            }
        }
        self.kinds = kinds
        self.order = order
        isChecklist = kinds.values.contains(.checklist)
    }

    /// The flags a checklist value may list, as the CSV columns name them.
    static let flags = ["met", "mandated", "kept_1_year", "kept_5_years"]

    /// Why `value` cannot be stored for `key`, or nil when it can.
    func problem(key: String, value: String) -> APIProblem? {
        guard let kind = kinds[key] else {
            return APIProblem(.unprocessableContent, code: "unknown-criterion",
                              "'\(key)' is no criterion of \(rubric.id) that takes an answer; expected one of \(order.prefix(5).joined(separator: ", "))…")
        }
        switch kind {
        case .letter(let scale):
            if scale.value(of: value) == nil {
                return APIProblem(.unprocessableContent, code: "unknown-letter",
                                  "'\(value)' is not on the scale of \(key); expected one of \(scale.letters.joined(separator: ", "))")
            }
        case .checklist:
            let unknown = Self.checklistFlags(value).filter { !Self.flags.contains($0) }
            if !unknown.isEmpty {
                return APIProblem(.unprocessableContent, code: "unknown-flag",
                                  "'\(unknown[0])' is no checklist flag; a checklist answer lists \(Self.flags.joined(separator: ", ")) (comma-separated, empty for none)")
            }
        }
        return nil
    }

    static func checklistFlags(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }
}
