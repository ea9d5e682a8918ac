import SakipCore

/// Renders a ranking and its summary as text, JSON, CSV or Markdown.
struct RankOutput: FormattedOutput {
    var entries: [RankedEntry]
    var summary: RankingSummary
    var key: RankKey
    var year: Int?
    var previousYear: Int?
    var rubricID: String?
    var errors: [Diagnostic]
    var componentIDs: [String]

    private var withPrevious: Bool { previousYear != nil }

    private func componentScore(_ entry: RankedEntry, _ id: String) -> Double? {
        entry.card.components.first { $0.id == id }?.score
    }

    private func rankMovement(_ entry: RankedEntry) -> String {
        guard let previous = entry.previous else { return "new" }
        return previous.rankMovement > 0 ? "+\(previous.rankMovement)" : String(previous.rankMovement)
    }

    private var heading: String {
        var text = "Ranking of \(summary.count) report\(summary.count == 1 ? "" : "s")"
        if let year { text += ", \(year)" }
        if let previousYear { text += " (movement against \(previousYear))" }
        text += ", by \(key)"
        if let rubricID { text += ", rubric \(rubricID)" }
        return text
    }

    // MARK: Text and Markdown

    private func table(markdown: Bool) -> TextTable {
        var columns: [(String, TextTable.Alignment)] = [("Rank", .right), ("Agency", .left), ("Name", .left), ("Region", .left), ("Score", .right), ("Grade", .left)]
        columns += componentIDs.map { ("C\($0) (rank)", .right) }
        columns.append(("IKU mean", .right))
        if withPrevious { columns += [("Prev", .right), ("Delta", .right), ("Prev grade", .left), ("Grade move", .left), ("Rank move", .right)] }
        var table = TextTable(columns)
        for entry in entries {
            let card = entry.card
            var row = [String(entry.rank), card.agency, markdown ? (card.name ?? "") : (card.name ?? "").truncated(to: 36), card.region ?? "",
                       Numbers.fixed(card.total), card.grade.grade]
            row += componentIDs.map { id in
                componentScore(entry, id).map { "\(Numbers.fixed($0)) (\(entry.componentRanks[id]!))" } ?? "-"
            }
            row.append(card.indicatorMean.map { Numbers.fixed($0) + "%" } ?? "-")
            if withPrevious {
                if let previous = entry.previous {
                    row += [Numbers.fixed(key.value(of: previous.card)!), (previous.delta >= 0 ? "+" : "") + Numbers.fixed(previous.delta),
                            previous.card.grade.grade, previous.gradeMovement.rawValue, rankMovement(entry)]
                } else {
                    row += ["-", "-", "-", "new", "new"]
                }
            }
            table.add(row)
        }
        return table
    }

    private func summaryLines() -> [String] {
        var lines: [String] = []
        lines.append("Grades: " + summary.grades.map { "\($0.grade) \($0.count)" }.joined(separator: ", "))
        if let mean = summary.mean, let median = summary.median, let min = summary.min, let max = summary.max {
            lines.append("Score: mean \(Numbers.fixed(mean)), median \(Numbers.fixed(median)), min \(Numbers.fixed(min)), max \(Numbers.fixed(max))")
        }
        return lines
    }

    private func weakestTable() -> TextTable {
        var table = TextTable([("ID", .left), ("Sub-component", .left), ("Mean achieved", .right), ("Mean lost", .right)])
        for spot in summary.weakest {
            table.add([spot.id, spot.name.truncated(to: 60), Numbers.percent(spot.meanValue), Numbers.fixed(spot.meanLost)])
        }
        return table
    }

    func text() -> String {
        var out = heading + "\n\n" + table(markdown: false).text(indent: "  ") + "\n"
        out += summaryLines().map { "  " + $0 + "\n" }.joined()
        if !summary.weakest.isEmpty {
            out += "\nWeakest sub-components across all ranked reports (help first here)\n" + weakestTable().text(indent: "  ")
        }
        return out
    }

    func markdown() -> String {
        var out = "## " + heading + "\n\n" + table(markdown: true).markdown() + "\n"
        out += summaryLines().map { "- " + $0 + "\n" }.joined()
        if !summary.weakest.isEmpty { out += "\n### Weakest sub-components\n\n" + weakestTable().markdown() }
        return out
    }

    // MARK: JSON

    func json() -> JSON {
        .object([
            ("rubric", .optional(rubricID)), ("year", year.map(JSON.int) ?? .null), ("previous_year", previousYear.map(JSON.int) ?? .null),
            ("by", .string(key.description)),
            ("rankings", .array(entries.map(entryJSON))),
            ("summary", .object([
                ("count", .int(summary.count)),
                ("grades", .object(summary.grades.map { ($0.grade, JSON.int($0.count)) })),
                ("mean", .optional(summary.mean)), ("median", .optional(summary.median)), ("min", .optional(summary.min)), ("max", .optional(summary.max)),
                ("weakest", .array(summary.weakest.map { spot in
                    .object([("id", .string(spot.id)), ("name", .string(spot.name)), ("mean_value", .number(spot.meanValue)),
                             ("mean_lost", .number(spot.meanLost)), ("reports", .int(spot.reports))])
                })),
            ])),
            ("errors", .array(errors.map(\.json))),
        ])
    }

    private func entryJSON(_ entry: RankedEntry) -> JSON {
        let card = entry.card
        var pairs: [(String, JSON)] = [
            ("rank", .int(entry.rank)), ("agency", .string(card.agency)), ("name", .optional(card.name)), ("region", .optional(card.region)),
            ("year", .int(card.year)), ("rubric", .string(card.rubricID)), ("score", .number(card.total)), ("grade", .string(card.grade.grade)),
            ("components", .array(card.components.map { component in
                .object([("id", .string(component.id)), ("score", .number(component.score)), ("rank", .int(entry.componentRanks[component.id]!))])
            })),
            ("indicator_mean", .optional(card.indicatorMean)),
        ]
        if withPrevious {
            pairs.append(("previous", entry.previous.map { previous in
                .object([
                    ("score", .number(previous.card.total)), ("grade", .string(previous.card.grade.grade)), ("rank", .int(previous.rank)),
                    ("delta", .number(previous.delta)), ("grade_movement", .string(previous.gradeMovement.rawValue)),
                    ("rank_movement", .int(previous.rankMovement)),
                ])
            } ?? .null))
        }
        return .object(pairs)
    }

    // MARK: CSV

    func csv() -> String {
        var columns: [(String, TextTable.Alignment)] = ["rank", "agency", "name", "region", "year", "rubric", "score", "grade"].map { ($0, .left) }
        for id in componentIDs { columns += [("component_\(id)", .left), ("component_\(id)_rank", .left)] }
        columns.append(("indicator_mean", .left))
        if withPrevious {
            columns += ["previous_score", "delta", "previous_grade", "grade_movement", "previous_rank", "rank_movement"].map { ($0, .left) }
        }
        var table = TextTable(columns)
        for entry in entries {
            let card = entry.card
            var row = [String(entry.rank), card.agency, card.name ?? "", card.region ?? "", String(card.year), card.rubricID, Numbers.full(card.total), card.grade.grade]
            for id in componentIDs {
                row += [componentScore(entry, id).map(Numbers.full) ?? "", entry.componentRanks[id].map(String.init) ?? ""]
            }
            row.append(card.indicatorMean.map(Numbers.full) ?? "")
            if withPrevious {
                if let previous = entry.previous {
                    row += [Numbers.full(key.value(of: previous.card)!), Numbers.full(previous.delta), previous.card.grade.grade,
                            previous.gradeMovement.rawValue, String(previous.rank), String(previous.rankMovement)]
                } else {
                    row += ["", "", "", "new", "", ""]
                }
            }
            table.add(row)
        }
        return table.csv()
    }
}
