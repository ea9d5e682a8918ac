import SakipCore

extension ScoreResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> ScoreTextRenderer { ScoreTextRenderer(options: options) }
    public static func csvRenderer(_ options: RenderOptions) -> ScoreCSVRenderer { ScoreCSVRenderer(dialect: options.csvDialect) }
    public static var markdownRenderer: ScoreMarkdownRenderer { ScoreMarkdownRenderer() }
}

extension ScoreResult.Report {
    /// The weakest sub-components' scores, weakest first.
    var weakestSubcomponents: [SubcomponentScore] {
        let all = card.subcomponents
        return weakest.compactMap { id in all.first { $0.id == id } }
    }
}

/// Each report's breakdown as aligned tables: components and sub-components, weakest spots,
/// indicators and warnings.
public struct ScoreTextRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }


    public func render(_ result: ScoreResult) -> String {
        var out = ""
        for (i, report) in result.reports.enumerated() {
            if i > 0 { out += "\n" }
            out += textCard(report)
        }
        if !result.warnings.isEmpty {
            out += "\nWarnings while reading\n"
            for warning in result.warnings { out += "  \(warning)\n" }
        }
        if result.reports.isEmpty { out += "No report scored.\n" }
        return out
    }

    private func textCard(_ report: ScoreResult.Report) -> String {
        let card = report.card
        var out = "\(card.name ?? card.agency) (\(card.agency)), \(card.year), rubric \(card.rubricID)\n"
        out += "\(card.origin.file)\n\n"
        var table = TextTable([("ID", .left), ("Component / sub-component", .left), ("Weight", .right), ("Score", .right), ("Achieved", .right), ("Answers", .left)])
        for component in card.components {
            table.add([component.id, component.name.truncated(to: 56), Numbers.fixed(component.weight), Numbers.fixed(component.score),
                       Numbers.percent(component.score / component.weight), ""])
            // A tree: each group with its sub-components under it, then any outside a group.
            func add(_ sub: SubcomponentScore, depth: Int) {
                let indent = String(repeating: "  ", count: depth)
                table.add([indent + sub.id, (indent + sub.name).truncated(to: 56), Numbers.fixed(sub.weight), Numbers.fixed(sub.score),
                           Numbers.percent(sub.value), sub.letter.map { "grade \($0)" } ?? "\(sub.answered)/\(sub.expected)"])
            }
            for group in component.groups {
                table.add(["  " + group.id, ("  " + group.name).truncated(to: 56), Numbers.fixed(group.weight), Numbers.fixed(group.score),
                           Numbers.percent(group.score / group.weight), ""])
                for sub in component.subcomponents where sub.group == group.id { add(sub, depth: 2) }
            }
            for sub in component.subcomponents where sub.group == nil || !component.groups.contains(where: { $0.id == sub.group }) {
                add(sub, depth: 1)
            }
        }
        let totalWeight = card.components.reduce(0) { $0 + $1.weight }
        table.add(["", "Total", Numbers.fixed(totalWeight), Numbers.fixed(card.total), "", ""])
        out += table.text(indent: "  ")
        out += "\n  Grade: \(card.grade.grade), \(card.grade.label)\n"

        let weak = report.weakestSubcomponents
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
                out += "  Budget absorption: \(Numbers.fixed(efficiency.absorption))%, \(efficiency.isEfficient ? "efficient" : "not efficient") (achievement must be over \(Numbers.full(efficiency.margin)) points above it)\n"
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
}

/// Long form: one row per component, group, sub-component and total, full precision.
public struct ScoreCSVRenderer: ResultRenderer {
    public var dialect: CSVDialect

    public init(dialect: CSVDialect = .standard) {
        self.dialect = dialect
    }


    public func render(_ result: ScoreResult) -> String {
        var table = TextTable([("agency", .left), ("year", .left), ("rubric", .left), ("level", .left), ("id", .left), ("name", .left),
                               ("weight", .left), ("score", .left), ("value", .left), ("grade", .left)])
        for card in result.reports.map(\.card) {
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
        return table.csv(dialect)
    }
}

/// Each report as a heading, its score and grade, and a table of its components.
public struct ScoreMarkdownRenderer: ResultRenderer {
    public init() {}


    public func render(_ result: ScoreResult) -> String {
        var out = ""
        for report in result.reports {
            let card = report.card
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
            let weak = report.weakestSubcomponents
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
