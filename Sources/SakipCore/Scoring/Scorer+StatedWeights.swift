extension Scorer {
    /// Weights a workbook states beside its rows, against the rubric's: a difference means the
    /// workbook was made for another rubric, or a local variant that splits a component
    /// differently. The rubric's weights are always the ones used; each difference is a warning.
    func checkStatedWeights(_ report: Report, into findings: inout Findings) {
        guard !report.statedWeights.isEmpty else { return }
        let total = rubric.totalWeight
        for stated in report.statedWeights {
            let expected: Double
            var points = stated.unit == .points ? stated.value : stated.value * total
            if let component = rubric.components.first(where: { $0.id == stated.id }) {
                expected = component.weight
            } else if let group = rubric.components.lazy.flatMap(\.groups).first(where: { $0.id == stated.id }) {
                expected = group.weight
            } else if let s = subcomponentIndex[stated.id] {
                expected = subcomponents[s].weight
            } else if let (s, c) = criterionIndex[stated.id] {
                // A criterion's weight is relative inside its sub-component, in no unit.
                expected = subcomponents[s].criteria[c].weight
                points = stated.value
            } else {
                continue
            }
            guard abs(points - expected) > 1e-9 * max(1, abs(expected)) else { continue }
            let shown: Message = stated.unit == .fractions && points != stated.value ? "\(Self.plain(stated.value)) (\(Self.plain(points)) points)" : "\(Self.plain(stated.value))"
            findings.add(.weightMismatch, .warning, at: report.position(stated.offset),
                         "the workbook gives \(stated.id) a weight of \(shown); rubric \(rubric.id) gives it \(Self.plain(expected)), which is used (a workbook for another rubric, or a local variant?)")
        }
    }

    /// `6` rather than `6.0`.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
