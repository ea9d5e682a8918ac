import SakipCore

extension ScoreResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> ScoreTextRenderer { ScoreTextRenderer(options: options) }
    public static func csvRenderer(_ options: RenderOptions) -> ScoreCSVRenderer { ScoreCSVRenderer(dialect: options.csvDialect) }
    public static func markdownRenderer(_ options: RenderOptions) -> ScoreMarkdownRenderer { ScoreMarkdownRenderer(options: options) }
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
        let l = options.labels
        var out = ""
        for (i, report) in result.reports.enumerated() {
            if i > 0 { out += "\n" }
            out += textCard(report)
        }
        if !result.warnings.isEmpty {
            out += "\n" + l("Warnings while reading") + "\n"
            for warning in options.shown(result.warnings) { out += "  \(options.labels(warning))\n" }
        }
        if result.reports.isEmpty { out += l("No report scored.") + "\n" }
        return out
    }

    private func textCard(_ report: ScoreResult.Report) -> String {
        let card = report.card
        let l = options.labels
        var out = l("{} ({}), {}, rubric {}", card.name ?? card.agency, card.agency, card.year, card.rubricID) + "\n"
        out += "\(card.origin.file)\n\n"
        var table = TextTable([(l("ID"), .left), (l("Component / sub-component"), .left), (l("Weight"), .right), (l("Score"), .right), (l("Achieved"), .right), (l("Answers"), .left)])
        for component in card.components {
            table.add([component.id, component.name.truncated(to: 56), Numbers.fixed(component.weight), Numbers.fixed(component.score),
                       Numbers.percent(component.score / component.weight), ""])
            // A tree: each group with its sub-components under it, then any outside a group.
            func add(_ sub: SubcomponentScore, depth: Int) {
                let indent = String(repeating: "  ", count: depth)
                table.add([indent + sub.id, (indent + sub.name).truncated(to: 56), Numbers.fixed(sub.weight), Numbers.fixed(sub.score),
                           Numbers.percent(sub.value), sub.letter.map { l("grade {}", $0) } ?? "\(sub.answered)/\(sub.expected)"])
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
        table.add(["", l("Total"), Numbers.fixed(totalWeight), Numbers.fixed(card.total), "", ""])
        out += table.text(indent: "  ", fitting: options.tableWidth)
        out += "\n  " + l("Grade: {}, {}", card.grade.grade, card.grade.label) + "\n"

        out += stagesText(card)
        let weak = report.weakestSubcomponents
        if !weak.isEmpty {
            out += "\n" + l("Weakest sub-components") + "\n"
            var weakTable = TextTable([(l("ID"), .left), (l("Sub-component"), .left), (l("Achieved"), .right), (l("Lost"), .right)])
            for sub in weak {
                weakTable.add([sub.id, sub.name.truncated(to: 60), Numbers.percent(sub.value), Numbers.fixed(sub.weight - sub.score)])
            }
            out += weakTable.text(indent: "  ", fitting: options.tableWidth)
        }

        if !card.indicators.isEmpty {
            out += "\n" + l("Indicators") + "\n"
            var indicators = TextTable([(l("ID"), .left), (l("Name"), .left), (l("Polarity"), .left), (l("Target"), .right), (l("Realisation"), .right), (l("Achievement"), .right), (l("Band"), .left)])
            for result in card.indicators {
                let indicator = result.indicator
                indicators.add([indicator.id, (indicator.name ?? "").truncated(to: 40), indicator.polarity.rawValue, targetText(indicator.target),
                                Numbers.full(indicator.realization), achievementText(result.outcome), result.label ?? ""])
            }
            out += indicators.text(indent: "  ", fitting: options.tableWidth)
            out += "  " + l("Mean achievement: {}", card.indicatorMean.map { Numbers.fixed($0) + "%" } ?? l("not computable")) + "\n"
            if let efficiency = card.efficiency {
                let line = efficiency.isEfficient ? "Budget absorption: {}%, efficient (achievement must be over {} points above it)"
                    : "Budget absorption: {}%, not efficient (achievement must be over {} points above it)"
                out += "  " + l(line, Numbers.fixed(efficiency.absorption), Numbers.full(efficiency.margin)) + "\n"
            }
        }

        if !card.warnings.isEmpty {
            out += "\n" + l("Warnings") + "\n"
            for warning in options.shown(card.warnings) { out += "  \(options.labels(warning))\n" }
        }
        return out
    }

    /// Every stage's score and grade, and the self-assessment against the scored stage where
    /// they differ, largest over-claim first.
    private func stagesText(_ card: ScoreCard) -> String {
        guard !card.stages.isEmpty else { return "" }
        let l = options.labels
        var out = "\n" + l("Stages (the score above is {})", l(card.scoredStage.rawValue)) + "\n"
        var table = TextTable([(l("Stage"), .left), (l("Score"), .right), (l("Grade"), .left), (l("Unanswered"), .right)])
        for stage in card.stages { table.add([l(stage.stage.rawValue), Numbers.fixed(stage.score), stage.grade, String(stage.missing)]) }
        out += table.text(indent: "  ", fitting: options.tableWidth)
        let gaps = card.gaps.filter { $0.gap != 0 }
        guard !gaps.isEmpty else { return out }
        out += "\n" + l("Self-assessment against {}, largest over-claims first", l(card.scoredStage.rawValue)) + "\n"
        var gapTable = TextTable([(l("ID"), .left), (l("Sub-component"), .left), (l("Self"), .right), (l(card.scoredStage.rawValue).capitalized, .right), (l("Gap"), .right)])
        for gap in gaps {
            func cell(_ letter: String?, _ score: Double) -> String { (letter.map { $0 + " " } ?? "") + Numbers.fixed(score) }
            gapTable.add([gap.subcomponent, gap.name.truncated(to: 50), cell(gap.selfLetter, gap.selfScore), cell(gap.finalLetter, gap.finalScore),
                          (gap.gap > 0 ? "+" : "") + Numbers.fixed(gap.gap)])
        }
        return out + gapTable.text(indent: "  ", fitting: options.tableWidth)
    }

    private func achievementText(_ outcome: Achievement.Outcome) -> String {
        switch outcome {
        case .value(let v): Numbers.fixed(v) + "%"
        case .notComputable: options.labels("not computable")
        }
    }

    private func targetText(_ target: Indicator.Target) -> String {
        switch target {
        case .value(let t): Numbers.full(t)
        case .range(let low, let high): "\(Numbers.full(low))-\(Numbers.full(high))"
        }
    }
}

/// Long form: one row per component, group, sub-component and total, full precision; with
/// stages, a row per stage and per gap; then a `remark` row per answer with a note or evidence
/// (its stage, note and evidence in the last three columns, empty on every other row).
public struct ScoreCSVRenderer: ResultRenderer {
    public var dialect: CSVDialect

    public init(dialect: CSVDialect = .standard) {
        self.dialect = dialect
    }


    public func render(_ result: ScoreResult) -> String {
        var table = TextTable([("agency", .left), ("year", .left), ("rubric", .left), ("level", .left), ("id", .left), ("name", .left),
                               ("weight", .right), ("score", .right), ("value", .right), ("grade", .left),
                               ("stage", .left), ("note", .left), ("evidence", .left)])
        // Score rows leave the remark columns empty.
        func add(_ row: [String]) { table.add(row + Array(repeating: "", count: table.columns.count - row.count)) }
        for card in result.reports.map(\.card) {
            let base = [card.agency, String(card.year), card.rubricID]
            for component in card.components {
                add(base + ["component", component.id, component.name, Numbers.full(component.weight), Numbers.full(component.score), Numbers.full(component.score / component.weight), ""])
                for group in component.groups {
                    add(base + ["group", group.id, group.name, Numbers.full(group.weight), Numbers.full(group.score), Numbers.full(group.score / group.weight), ""])
                }
                for sub in component.subcomponents {
                    add(base + ["subcomponent", sub.id, sub.name, Numbers.full(sub.weight), Numbers.full(sub.score), Numbers.full(sub.value), sub.letter ?? ""])
                }
            }
            add(base + ["total", "", card.name ?? "", Numbers.full(card.components.reduce(0) { $0 + $1.weight }), Numbers.full(card.total), "", card.grade.grade])
            // Reports with stages: each stage's total, then each sub-component's gap (self minus scored stage).
            for stage in card.stages {
                add(base + ["stage", stage.stage.rawValue, "", Numbers.full(card.components.reduce(0) { $0 + $1.weight }), Numbers.full(stage.score), "", stage.grade])
            }
            for gap in card.gaps {
                add(base + ["gap", gap.subcomponent, gap.name, Numbers.full(gap.weight), Numbers.full(gap.gap), "", ""])
            }
            for remark in card.remarks {
                add(base + ["remark", remark.criterion, "", "", "", "", "", remark.stage.rawValue, remark.note ?? "", remark.evidence ?? ""])
            }
        }
        return table.csv(dialect)
    }
}

/// Each report as a heading, its score and grade, and a table of its components.
public struct ScoreMarkdownRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: ScoreResult) -> String {
        let l = options.labels
        var out = ""
        for report in result.reports {
            let card = report.card
            out += "## \(card.name ?? card.agency) (\(card.agency)), \(card.year)\n\n"
            out += l("Rubric `{}`. **Score {}, grade {} ({}).**", card.rubricID, Numbers.fixed(card.total), card.grade.grade, card.grade.label) + "\n\n"
            var table = TextTable([(l("ID"), .left), (l("Component / sub-component"), .left), (l("Weight"), .right), (l("Score"), .right), (l("Achieved"), .right)])
            for component in card.components {
                table.add(["**\(component.id)**", "**\(component.name)**", Numbers.fixed(component.weight), Numbers.fixed(component.score), Numbers.percent(component.score / component.weight)])
                for sub in component.subcomponents {
                    table.add([sub.id, sub.name, Numbers.fixed(sub.weight), Numbers.fixed(sub.score), Numbers.percent(sub.value)])
                }
            }
            out += table.markdown()
            let weak = report.weakestSubcomponents
            if !weak.isEmpty {
                out += "\n" + l("Weakest: ") + weak.map { "\($0.id) (\(Numbers.percent($0.value)))" }.joined(separator: ", ") + "\n"
            }
            if !card.stages.isEmpty {
                out += "\n" + l("Stages (the score above is {})", l(card.scoredStage.rawValue)) + ": "
                    + card.stages.map { "\(l($0.stage.rawValue)) \(Numbers.fixed($0.score)) (\($0.grade))" }.joined(separator: ", ") + "\n"
                let gaps = card.gaps.filter { $0.gap > 0 }
                if !gaps.isEmpty {
                    out += "\n" + l("Over-claimed: ") + gaps.map { "\($0.subcomponent) (+\(Numbers.fixed($0.gap)))" }.joined(separator: ", ") + "\n"
                }
            }
            if !card.indicators.isEmpty {
                out += "\n" + l("Mean indicator achievement: {}", card.indicatorMean.map { Numbers.fixed($0) + "%" } ?? l("not computable")) + "\n"
            }
            if !card.warnings.isEmpty {
                out += "\n" + l("Warnings:") + "\n\n" + options.shown(card.warnings).map { "- `\($0.location)` \(l($0.text))\n" }.joined()
            }
            out += "\n"
        }
        return out
    }
}
