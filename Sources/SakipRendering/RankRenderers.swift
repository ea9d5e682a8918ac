import SakipCore

extension RankResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> RankTextRenderer { RankTextRenderer(options: options) }
    public static func csvRenderer(_ options: RenderOptions) -> RankCSVRenderer { RankCSVRenderer(dialect: options.csvDialect, jobs: options.jobs) }
    public static func markdownRenderer(_ options: RenderOptions) -> RankMarkdownRenderer { RankMarkdownRenderer(options: options) }
}

/// What the text and Markdown rankings share: the heading, the table, the summary lines.
struct RankLayout {
    let result: RankResult
    let l: Labels

    func rankMovement(_ entry: RankResult.Entry) -> String {
        guard let previous = entry.previous else { return l("new") }
        return previous.rankMovement > 0 ? "+\(previous.rankMovement)" : String(previous.rankMovement)
    }

    var heading: String {
        var text = l(result.summary.count == 1 ? "Ranking of {} report" : "Ranking of {} reports", result.summary.count)
        if let year = result.year { text += ", \(year)" }
        if let previousYear = result.previousYear { text += l(" (movement against {})", previousYear) }
        text += l(", by {}", result.by == "score" ? l("score") : result.by)
        if let stage = result.stage { text += l(", at stage {}", l(stage)) }
        if let rubric = result.rubric { text += l(", rubric {}", rubric) }
        return text
    }


    /// Every column: names, regions, each component's score and rank, the previous score.
    func table(markdown: Bool) -> TextTable {
        var columns: [(String, TextTable.Alignment)] = [(l("Rank"), .right), (l("Agency"), .left), (l("Name"), .left), (l("Region"), .left), (l("Score"), .right), (l("Grade"), .left)]
        columns += result.componentIDs.map { (l("C{} (rank)", $0), .right) }
        columns.append((l("IKU mean"), .right))
        if result.previousYear != nil { columns += [(l("Prev"), .right), (l("Delta"), .right), (l("Prev grade"), .left), (l("Grade move"), .left), (l("Rank move"), .right)] }
        var table = TextTable(columns)
        for entry in result.rankings {
            var row = [String(entry.rank), entry.agency, markdown ? (entry.name ?? "") : (entry.name ?? "").truncated(to: 36), entry.region ?? "",
                       score(entry), grade(entry)]
            row += result.componentIDs.map { id in
                entry.componentScore(id).map { "\(Numbers.fixed($0.score)) (\($0.rank))" } ?? "-"
            }
            row.append(entry.indicatorMean.map { Numbers.fixed($0) + "%" } ?? "-")
            if result.previousYear != nil {
                if let previous = entry.previous {
                    row += [Numbers.fixed(previous.value), signed(previous.delta), previous.grade, l(previous.gradeMovement.rawValue), rankMovement(entry)]
                } else {
                    row += ["-", "-", "-", l("new"), l("new")]
                }
            }
            table.add(row)
        }
        return table
    }

    /// What fits 100 columns: rank, agency, score, grade, each component's score (names in the
    /// legend), and either the indicator mean or the movement against the previous year.
    func compactTable() -> TextTable {
        var columns: [(String, TextTable.Alignment)] = [(l("Rank (compact)"), .right), (l("Agency"), .left), (l("Score"), .right), (l("Grade"), .left)]
        columns += result.componentIDs.map { ("C\($0)", .right) }
        let withPrevious = result.previousYear != nil
        columns += withPrevious ? [(l("Delta"), .right), (l("Was"), .left), (l("Move"), .right)] : [(l("IKU mean"), .right)]
        var table = TextTable(columns)
        for entry in result.rankings {
            var row = [String(entry.rank), entry.agency.truncated(to: 24), score(entry), grade(entry)]
            row += result.componentIDs.map { id in entry.componentScore(id).map { Numbers.fixed($0.score) } ?? "-" }
            if withPrevious {
                row += entry.previous.map { [signed($0.delta), $0.grade, rankMovement(entry)] } ?? ["-", "-", l("new")]
            } else {
                row.append(entry.indicatorMean.map { Numbers.fixed($0) + "%" } ?? "-")
            }
            table.add(row)
        }
        return table
    }

    /// `C1 Perencanaan Kinerja (30)`, one per component, for the compact table.
    var legend: [String] {
        result.components.map { l("C{} = {}, weight {}", $0.id, $0.name.truncated(to: 80), Numbers.full($0.weight)) }
    }

    private func score(_ entry: RankResult.Entry) -> String {
        Numbers.fixed(entry.score) + (entry.missing > 0 ? "*" : "")
    }

    /// The grade, marked † when the score is from a stage before final (see `summaryLines`).
    private func grade(_ entry: RankResult.Entry) -> String {
        entry.grade + (entry.stage < .final ? "†" : "")
    }

    private func signed(_ delta: Double) -> String {
        (delta >= 0 ? "+" : "") + Numbers.fixed(delta)
    }

    func summaryLines() -> [String] {
        var lines: [String] = []
        let incomplete = result.rankings.filter { $0.missing > 0 }
        if !incomplete.isEmpty {
            lines.append(l("* Unanswered items counted 0: ") + incomplete.map { "\($0.agency) (\($0.missing))" }.joined(separator: ", "))
        }
        let early = result.rankings.filter { $0.stage < .final }
        if !early.isEmpty {
            lines.append(l("† Not final, scored at the latest stage answered: ") + early.map { "\($0.agency) (\(l($0.stage.rawValue)))" }.joined(separator: ", "))
        }
        lines.append(l("Grades: ") + result.summary.grades.pairs.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        if let mean = result.summary.mean, let median = result.summary.median, let min = result.summary.min, let max = result.summary.max {
            lines.append(l("Score: mean {}, median {}, min {}, max {}", Numbers.fixed(mean), Numbers.fixed(median), Numbers.fixed(min), Numbers.fixed(max)))
        }
        return lines
    }

    func weakestTable() -> TextTable {
        var table = TextTable([(l("ID"), .left), (l("Sub-component"), .left), (l("Mean achieved"), .right), (l("Mean lost"), .right)])
        for spot in result.summary.weakest {
            table.add([spot.id, spot.name.truncated(to: 60), Numbers.percent(spot.meanValue), Numbers.fixed(spot.meanLost)])
        }
        return table
    }
}

/// The ranking as an aligned table, its summary and the weakest sub-components.
public struct RankTextRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: RankResult) -> String {
        // Every report refused: the errors say why, and no empty table pretends to be a result.
        if result.rankings.isEmpty, result.summary.count == 0 { return options.labels("No report ranked.") + "\n" }
        let layout = RankLayout(result: result, l: options.labels)
        let table = options.wide ? layout.table(markdown: false) : layout.compactTable()
        var out = layout.heading + "\n\n" + table.text(indent: "  ", fitting: options.tableWidth) + "\n"
        if !options.wide { out += layout.legend.map { "  \($0)\n" }.joined() + "\n" }
        out += layout.summaryLines().map { "  " + $0 + "\n" }.joined()
        if !result.summary.weakest.isEmpty {
            out += "\n" + options.labels("Weakest sub-components across all ranked reports (help first here)") + "\n" + layout.weakestTable().text(indent: "  ", fitting: options.tableWidth)
        }
        return out
    }
}

/// The ranking as Markdown tables.
public struct RankMarkdownRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: RankResult) -> String {
        let layout = RankLayout(result: result, l: options.labels)
        var out = "## " + layout.heading + "\n\n" + layout.table(markdown: true).markdown() + "\n"
        out += layout.summaryLines().map { "- " + $0 + "\n" }.joined()
        if !result.summary.weakest.isEmpty { out += "\n### " + options.labels("Weakest sub-components") + "\n\n" + layout.weakestTable().markdown() }
        return out
    }
}

/// One row per ranked report, full precision.
public struct RankCSVRenderer: ResultRenderer, Sendable {
    public var dialect: CSVDialect
    /// Threads the rows are written with (0: one per processor); the bytes never depend on it.
    public var jobs: Int

    public init(dialect: CSVDialect = .standard, jobs: Int = 0) {
        self.dialect = dialect
        self.jobs = jobs
    }

    /// Rows written by one task: a national ranking of thousands of agencies is written by
    /// every worker, each into its own bytes, joined in rank order.
    static let rowsPerChunk = 512

    public func render(_ result: RankResult) -> String { String(decoding: renderBytes(result), as: UTF8.self) }

    public func renderBytes(_ result: RankResult) -> [UInt8] {
        let writer = CSVWriter(dialect: dialect)
        var head: [UInt8] = dialect == .excelID ? [0xEF, 0xBB, 0xBF] : []
        writer.append(header(result), numbers: false, to: &head)
        let count = result.rankings.count
        let chunks = stride(from: 0, to: count, by: Self.rowsPerChunk).map { $0 ..< min($0 + Self.rowsPerChunk, count) }
        let componentIDs = result.componentIDs
        let parts = Parallel.map(chunks, jobs: jobs, progress: nil) { rows in
            var part: [UInt8] = []
            part.reserveCapacity(rows.count * 192)
            for entry in result.rankings[rows] {
                append(entry, componentIDs: componentIDs, withPrevious: result.previousYear != nil, with: writer, to: &part)
            }
            return part
        }
        // Joined into one buffer of the final size: grown by appending, a megabyte of rows was
        // copied more than once, into fresh pages each time.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(head.count) { $0 + $1.count })
        bytes += head
        for part in parts { bytes += part }
        return bytes
    }

    private func header(_ result: RankResult) -> [String] {
        var columns = ["rank", "agency", "name", "region", "year", "rubric", "score", "grade"]
        for id in result.componentIDs { columns += ["component_\(id)", "component_\(id)_rank"] }
        columns += ["indicator_mean", "missing", "stage"]
        if result.previousYear != nil {
            columns += ["previous_score", "delta", "previous_grade", "grade_movement", "previous_rank", "rank_movement"]
        }
        return columns
    }

    /// One row, straight into bytes: no row of `String`s, whole numbers written as digits.
    private func append(_ entry: RankResult.Entry, componentIDs: [String], withPrevious: Bool, with writer: CSVWriter,
                        to bytes: inout [UInt8]) {
        writer.appendField(entry.rank, first: true, to: &bytes)
        writer.appendField(entry.agency, number: false, to: &bytes)
        writer.appendField(entry.name ?? "", number: false, to: &bytes)
        writer.appendField(entry.region ?? "", number: false, to: &bytes)
        writer.appendField(entry.year, to: &bytes)
        writer.appendField(entry.rubric, number: false, to: &bytes)
        writer.appendField(Numbers.full(entry.score), number: true, to: &bytes)
        writer.appendField(entry.grade, number: false, to: &bytes)
        for id in componentIDs {
            if let standing = entry.componentScore(id) {
                writer.appendField(Numbers.full(standing.score), number: true, to: &bytes)
                writer.appendField(standing.rank, to: &bytes)
            } else {
                writer.appendField("", number: true, to: &bytes)
                writer.appendField("", number: true, to: &bytes)
            }
        }
        writer.appendField(entry.indicatorMean.map(Numbers.full) ?? "", number: true, to: &bytes)
        writer.appendField(entry.missing, to: &bytes)
        writer.appendField(entry.stage.rawValue, number: false, to: &bytes)
        if withPrevious {
            if let previous = entry.previous {
                writer.appendField(Numbers.full(previous.value), number: true, to: &bytes)
                writer.appendField(Numbers.full(previous.delta), number: true, to: &bytes)
                writer.appendField(previous.grade, number: false, to: &bytes)
                writer.appendField(previous.gradeMovement.rawValue, number: false, to: &bytes)
                writer.appendField(previous.rank, to: &bytes)
                writer.appendField(previous.rankMovement, to: &bytes)
            } else {
                for text in ["", "", "", "new", "", ""] { writer.appendField(text, number: false, to: &bytes) }
            }
        }
        writer.endRecord(&bytes)
    }
}
