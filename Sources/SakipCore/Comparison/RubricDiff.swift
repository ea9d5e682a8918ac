/// What changed between two rubrics, matched by id.
public struct RubricDiff: Sendable, Hashable, Codable {
    public struct AggregationChange: Sendable, Hashable, Codable {
        public var id: String
        public var before: Aggregation
        public var after: Aggregation
    }

    private enum CodingKeys: String, CodingKey {
        case weightChanges = "weights_changed", nodesAdded = "nodes_added", nodesRemoved = "nodes_removed"
        case criteriaAdded = "criteria_added", criteriaRemoved = "criteria_removed", scaleChanges = "scale_values_changed"
        case aggregationChanges = "aggregation_changed", textOnly = "texts_only", otherChanges = "other"
    }

    public struct WeightChange: Sendable, Hashable, Codable {
        public var id: String
        public var level: String
        public var before: Double
        public var after: Double
    }

    public struct ScaleChange: Sendable, Hashable, Codable {
        public var scale: String
        public var letter: String
        /// Nil when the letter is not in that rubric's scale.
        public var before: Double?
        public var after: Double?
    }

    public var weightChanges: [WeightChange] = []
    /// Components, groups and sub-components present in only one rubric.
    public var nodesAdded: [String] = []
    public var nodesRemoved: [String] = []
    public var criteriaAdded: [String] = []
    public var criteriaRemoved: [String] = []
    public var scaleChanges: [ScaleChange] = []
    /// Sub-components whose aggregation (mean, grade, checklist) differs.
    public var aggregationChanges: [AggregationChange] = []
    /// Nodes whose name or text changed and nothing else.
    public var textOnly: [String] = []
    /// Other settings: grade bands, achievement formula and cap, checklist rule, consistency rules.
    public var otherChanges: [String] = []

    public var isEmpty: Bool {
        weightChanges.isEmpty && nodesAdded.isEmpty && nodesRemoved.isEmpty && criteriaAdded.isEmpty && criteriaRemoved.isEmpty
            && scaleChanges.isEmpty && aggregationChanges.isEmpty && textOnly.isEmpty && otherChanges.isEmpty
    }

    public init(from before: Rubric, to after: Rubric) {
        struct Node {
            var level: String
            var name: String
            var weight: Double?
            var extra: String
        }
        func nodes(_ rubric: Rubric) -> (order: [String], byID: [String: Node]) {
            var order: [String] = []
            var byID: [String: Node] = [:]
            func add(_ id: String, _ node: Node) { order.append(id); byID[id] = node }
            for component in rubric.components {
                add(component.id, Node(level: "component", name: component.name, weight: component.weight, extra: ""))
                for group in component.groups { add(group.id, Node(level: "group", name: group.name, weight: group.weight, extra: "")) }
                for sub in component.subcomponents {
                    add(sub.id, Node(level: "sub-component", name: sub.name, weight: sub.weight, extra: sub.scale))
                    for criterion in sub.criteria {
                        add(criterion.id, Node(level: "criterion", name: criterion.text, weight: criterion.weight, extra: "\(criterion.scale) in \(sub.id)"))
                    }
                }
            }
            return (order, byID)
        }
        let (beforeOrder, old) = nodes(before)
        let (afterOrder, new) = nodes(after)

        for id in beforeOrder {
            guard let o = old[id] else { continue }
            guard let n = new[id] else {
                if o.level == "criterion" { criteriaRemoved.append(id) } else { nodesRemoved.append(id) }
                continue
            }
            let weightChanged = o.weight != n.weight
            if weightChanged { weightChanges.append(WeightChange(id: id, level: o.level, before: o.weight ?? 0, after: n.weight ?? 0)) }
            if o.extra != n.extra { otherChanges.append("\(o.level) \(id): \(o.extra) -> \(n.extra)") }
            if o.name != n.name && !weightChanged && o.extra == n.extra { textOnly.append(id) }
        }
        for id in afterOrder where old[id] == nil {
            if new[id]!.level == "criterion" { criteriaAdded.append(id) } else { nodesAdded.append(id) }
        }

        let oldSubs = Dictionary(before.subcomponents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for sub in after.subcomponents {
            if let o = oldSubs[sub.id], o.aggregation != sub.aggregation { aggregationChanges.append(AggregationChange(id: sub.id, before: o.aggregation, after: sub.aggregation)) }
        }

        for id in Set(before.scales.keys).union(after.scales.keys).sorted() {
            let o = before.scales[id], n = after.scales[id]
            var letters: [String] = o?.letters ?? []
            for letter in n?.letters ?? [] where !letters.contains(letter) { letters.append(letter) }
            for letter in letters {
                let a = o?.value(of: letter), b = n?.value(of: letter)
                if a != b { scaleChanges.append(ScaleChange(scale: id, letter: letter, before: a, after: b)) }
            }
            if let o, let n, o.full != n.full { otherChanges.append("scale \(id): full \(format(o.full)) -> \(format(n.full))") }
        }
        if before.grades != after.grades { otherChanges.append("grade bands") }
        if before.achievement.negativePolarity != after.achievement.negativePolarity {
            otherChanges.append("negative polarity: \(before.achievement.negativePolarity.rawValue) -> \(after.achievement.negativePolarity.rawValue)")
        }
        if before.achievement.cap != after.achievement.cap {
            otherChanges.append("achievement cap: \(before.achievement.cap.map(format) ?? "none") -> \(after.achievement.cap.map(format) ?? "none")")
        }
        if before.checklist != after.checklist { otherChanges.append("checklist rule") }
        if before.consistency != after.consistency { otherChanges.append("consistency rules") }
    }
}
