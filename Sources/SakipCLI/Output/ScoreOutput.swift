import SakipCore

/// Renders scored reports: text (aligned tables), JSON, CSV (long form) and Markdown.
struct ScoreOutput: FormattedOutput {
    var evaluation: Evaluation
    var weakest: Int

    private var cards: [ScoreCard] { evaluation.cards }

    /// The rubric every report used, or nil when they differ.
    private var commonRubric: String? {
        let ids = Set(cards.map(\.rubricID))
        return ids.count == 1 ? ids.first : nil
    }

    // MARK: Text

    func text() -> String {
        var out = ""
        for (i, card) in cards.enumerated() {
            if i > 0 { out += "\n" }
            out += textCard(card)
        }
        if !evaluation.warnings.isEmpty {
            out += "\nWarnings while reading\n"
            for warning in evaluation.warnings { out += "  \(warning)\n" }
        }
        if cards.isEmpty { out += "No report scored.\n" }
        return out
    }

    private func textCard(_ card: ScoreCard) -> String {
        var out = "\(card.name ?? card.agency) (\(card.agency)), \(card.year), rubric \(card.rubricID)\n"
        out += "\(card.origin.file)\n\n"
        var table = TextTable([("ID", .left), ("Component / sub-component", .left), ("Weight", .right), ("Score", .right), ("Achieved", .right), ("Answers", .left)])
        for component in card.components {
            table.add([component.id, component.name.truncated(to: 56), Numbers.fixed(component.weight), Numbers.fixed(component.score),
                       Numbers.percent(component.score / component.weight), ""])
            for group in component.groups {
                table.add(["  " + group.id, ("  " + group.name).truncated(to: 56), Numbers.fixed(group.weight), Numbers.fixed(group.score),
                           Numbers.percent(group.score / group.weight), ""])
            }
            for sub in component.subcomponents {
                table.add(["  " + sub.id, ("  " + sub.name).truncated(to: 56), Numbers.fixed(sub.weight), Numbers.fixed(sub.score),
                           Numbers.percent(sub.value), sub.letter.map { "grade \($0)" } ?? "\(sub.answered)/\(sub.expected)"])
            }
        }
        let totalWeight = card.components.reduce(0) { $0 + $1.weight }
        table.add(["", "Total", Numbers.fixed(totalWeight), Numbers.fixed(card.total), "", ""])
        out += table.text(indent: "  ")
        out += "\n  Grade: \(card.grade.grade), \(card.grade.label)\n"

        let weak = card.weakest(weakest)
        if !weak.isEmpty {
            out += "\nWeakest sub-components\n"
            var weakTable = TextTable([("ID", .left), ("Sub-component", .left), ("Achieved", .right), ("Lost", .right)])
            for sub in weak {
                weakTable.add([sub.id, sub.name.truncated(to: 60), Numbers.percent(sub.value), Numbers.fixed(sub.weight - sub.score)])
            }
            out += weakTable.text(indent: "  ")
        }

        if !card.indicators.isEmpty {
            out += "\nIndicators\n"
            var indicators = TextTable([("ID", .left), ("Name", .left), ("Polarity", .left), ("Target", .right), ("Realisation", .right), ("Achievement", .right), ("Band", .left)])
            for result in card.indicators {
                let indicator = result.indicator
                indicators.add([indicator.id, (indicator.name ?? "").truncated(to: 40), indicator.polarity.rawValue, targetText(indicator.target),
                                Numbers.full(indicator.realization), achievementText(result.outcome), result.label ?? ""])
            }
            out += indicators.text(indent: "  ")
            out += "  Mean achievement: \(card.indicatorMean.map { Numbers.fixed($0) + "%" } ?? "not computable")\n"
            if let efficiency = card.efficiency {
                out += "  Budget absorption: \(Numbers.fixed(efficiency.absorption))%, \(efficiency.isEfficient ? "efficient" : "not efficient") (achievement must exceed absorption by more than \(Numbers.full(efficiency.margin)) points)\n"
            }
        }

        if !card.warnings.isEmpty {
            out += "\nWarnings\n"
            for warning in card.warnings { out += "  \(warning)\n" }
        }
        return out
    }

    private func achievementText(_ outcome: Achievement.Outcome) -> String {
        switch outcome {
        case .value(let v): Numbers.fixed(v) + "%"
        case .notComputable: "not computable"
        }
    }

    private func targetText(_ target: Indicator.Target) -> String {
        switch target {
        case .value(let t): Numbers.full(t)
        case .range(let low, let high): "\(Numbers.full(low))-\(Numbers.full(high))"
        }
    }

    // MARK: JSON

    func json() -> JSON {
        .object([
            ("rubric", .optional(commonRubric)),
            ("reports", .array(cards.map(cardJSON))),
            ("warnings", .array(evaluation.warnings.map(\.json))),
            ("errors", .array(evaluation.errors.map(\.json))),
        ])
    }

    private func cardJSON(_ card: ScoreCard) -> JSON {
        .object([
            ("agency", .string(card.agency)), ("name", .optional(card.name)), ("region", .optional(card.region)),
            ("year", .int(card.year)), ("rubric", .string(card.rubricID)), ("file", .string(card.origin.file)),
            ("score", .number(card.total)), ("grade", .string(card.grade.grade)), ("grade_label", .string(card.grade.label)),
            ("components", .array(card.components.map { component in
                .object([
                    ("id", .string(component.id)), ("name", .string(component.name)), ("weight", .number(component.weight)),
                    ("score", .number(component.score)),
                    ("groups", .array(component.groups.map { group in
                        .object([("id", .string(group.id)), ("name", .string(group.name)), ("weight", .number(group.weight)), ("score", .number(group.score))])
                    })),
                    ("subcomponents", .array(component.subcomponents.map { sub in
                        .object([
                            ("id", .string(sub.id)), ("name", .string(sub.name)), ("weight", .number(sub.weight)),
                            ("aggregation", .string(sub.aggregation.rawValue)), ("value", .number(sub.value)), ("score", .number(sub.score)),
                            ("answer", .optional(sub.letter)), ("answered", .int(sub.answered)), ("expected", .int(sub.expected)),
                        ])
                    })),
                ])
            })),
            ("weakest", .array(card.weakest(weakest).map { .string($0.id) })),
            ("indicators", .array(card.indicators.map(indicatorJSON))),
            ("indicator_mean", .optional(card.indicatorMean)),
            ("efficiency", card.efficiency.map { e in
                .object([("absorption", .number(e.absorption)), ("achievement", .number(e.achievement)), ("margin", .number(e.margin)), ("efficient", .bool(e.isEfficient))])
            } ?? .null),
            ("missing", .array(card.missing.map(JSON.string))),
            ("warnings", .array(card.warnings.map(\.json))),
        ])
    }

    private func indicatorJSON(_ result: IndicatorResult) -> JSON {
        let indicator = result.indicator
        var pairs: [(String, JSON)] = [("id", .string(indicator.id)), ("name", .optional(indicator.name)), ("unit", .optional(indicator.unit)),
                                       ("polarity", .string(indicator.polarity.rawValue))]
        switch indicator.target {
        case .value(let t): pairs += [("target", .number(t))]
        case .range(let low, let high): pairs += [("target_low", .number(low)), ("target_high", .number(high))]
        }
        pairs += [("realization", .number(indicator.realization)), ("weight", .number(indicator.weight)),
                  ("achievement", .optional(result.achievement)), ("band", .optional(result.label))]
        if case .notComputable(let reason) = result.outcome { pairs.append(("not_computable", .string(reason))) }
        return .object(pairs)
    }

    // MARK: CSV

    /// Long form: one row per component, group, sub-component and total, full precision.
    func csv() -> String {
        var table = TextTable([("agency", .left), ("year", .left), ("rubric", .left), ("level", .left), ("id", .left), ("name", .left),
                               ("weight", .left), ("score", .left), ("value", .left), ("grade", .left)])
        for card in cards {
            let base = [card.agency, String(card.year), card.rubricID]
            for component in card.components {
                table.add(base + ["component", component.id, component.name, Numbers.full(component.weight), Numbers.full(component.score), Numbers.full(component.score / component.weight), ""])
                for group in component.groups {
                    table.add(base + ["group", group.id, group.name, Numbers.full(group.weight), Numbers.full(group.score), Numbers.full(group.score / group.weight), ""])
                }
                for sub in component.subcomponents {
                    table.add(base + ["subcomponent", sub.id, sub.name, Numbers.full(sub.weight), Numbers.full(sub.score), Numbers.full(sub.value), sub.letter ?? ""])
                }
            }
            table.add(base + ["total", "", card.name ?? "", Numbers.full(card.components.reduce(0) { $0 + $1.weight }), Numbers.full(card.total), "", card.grade.grade])
        }
        return table.csv()
    }

    // MARK: Markdown

    func markdown() -> String {
        var out = ""
        for card in cards {
            out += "## \(card.name ?? card.agency) (\(card.agency)), \(card.year)\n\n"
            out += "Rubric `\(card.rubricID)`. **Score \(Numbers.fixed(card.total)), grade \(card.grade.grade) (\(card.grade.label)).**\n\n"
            var table = TextTable([("ID", .left), ("Component / sub-component", .left), ("Weight", .right), ("Score", .right), ("Achieved", .right)])
            for component in card.components {
                table.add(["**\(component.id)**", "**\(component.name)**", Numbers.fixed(component.weight), Numbers.fixed(component.score), Numbers.percent(component.score / component.weight)])
                for sub in component.subcomponents {
                    table.add([sub.id, sub.name, Numbers.fixed(sub.weight), Numbers.fixed(sub.score), Numbers.percent(sub.value)])
                }
            }
            out += table.markdown()
            let weak = card.weakest(weakest)
            if !weak.isEmpty {
                out += "\nWeakest: " + weak.map { "\($0.id) (\(Numbers.percent($0.value)))" }.joined(separator: ", ") + "\n"
            }
            if !card.indicators.isEmpty {
                out += "\nMean indicator achievement: \(card.indicatorMean.map { Numbers.fixed($0) + "%" } ?? "not computable")\n"
            }
            if !card.warnings.isEmpty {
                out += "\nWarnings:\n\n" + card.warnings.map { "- `\($0.location)` \($0.message)\n" }.joined()
            }
            out += "\n"
        }
        return out
    }
}
