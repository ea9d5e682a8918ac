import Plot
import SakipCore

/// `sakip report`: one self-contained HTML page (inline CSS and SVG, no script, font or image
/// from anywhere) for a meeting screen or an A4 printout. Every chart has its data beside it as
/// a table or in its accessible label.
public struct HTMLReportRenderer: ResultRenderer {
    public var labels: ReportLabels

    public init(language: SakipCore.Language = .en) {
        labels = ReportLabels.forLanguage(language)
    }

    public func render(_ result: ReportResult) -> String {
        let charts = ReportCharts(result: result, labels: labels)
        let ranking = result.ranking
        let title = "\(labels.title): \(result.rubricTitle)" + (ranking.year.map { ", \($0)" } ?? "")
        let html = HTML(
            .lang(labels.language == .id ? .indonesian : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(title),
                .style(ReportStyle.css + ReportStyle.gradeClasses(count: result.grades.count))
            ),
            .body(
                .header(
                    .id("top"),
                    .h1(.text(title)),
                    .p(.class("lead"), .text(lead(result))),
                    .nav(.forEach(sections(result)) { section in .a(.href("#\(section.0)"), .text(section.1)) })
                ),
                .main(
                    overview(result, charts),
                    .unwrap(result.sensitivity) { sensitivity($0, charts) },
                    .unwrap(result.comparison) { comparison($0, result, charts) },
                    agencies(result, charts),
                    .if(!result.errors.isEmpty, errors(result))
                ),
                .a(.class("back"), .href("#top"), .text("↑ " + labels.backToTop)),
                .footer(.text("\(labels.generated) \(SakipVersion.current) · \(labels.agencies): \(ranking.summary.count) · \(words("rubric {}", result.rubric))"))
            )
        )
        return "<!DOCTYPE html>\n" + html.render().replacingOccurrences(of: "<!DOCTYPE html>", with: "") + "\n"
    }

    /// The one label table, in the page's language.
    private var words: Labels { Labels(labels.language) }

    private func lead(_ result: ReportResult) -> String {
        var text = words("{} reports, rubric {}", result.ranking.summary.count, result.rubric)
        if let previous = result.ranking.previousYear { text += " · \(labels.movement) \(previous)" }
        return text
    }

    private func sections(_ result: ReportResult) -> [(String, String)] {
        var list = [("overview", labels.overview)]
        if result.sensitivity != nil { list.append(("sensitivity", labels.sensitivity)) }
        if result.comparison != nil { list.append(("candidate", labels.candidate)) }
        list.append(("agencies", labels.agencies))
        return list
    }

    // MARK: Overview

    private func overview(_ result: ReportResult, _ charts: ReportCharts) -> Node<HTML.BodyContext> {
        let summary = result.ranking.summary
        return .section(
            .id("overview"),
            .h2(.text(labels.overview)),
            .h3(.text(labels.gradeCounts)),
            .div(.class("figure"), .raw(charts.gradeCounts())),
            .div(.class("stats"),
                 .unwrap(summary.mean) { .span(.text(words("Mean {}", Numbers.fixed($0)))) },
                 .unwrap(summary.median) { .span(.text(words("Median {}", Numbers.fixed($0)))) },
                 .unwrap(summary.min) { .span(.text(words("Min {}", Numbers.fixed($0)))) },
                 .unwrap(summary.max) { .span(.text(words("Max {}", Numbers.fixed($0)))) }),
            .h3(.text("\(labels.ranking) · \(labels.heatMap)")),
            .div(.class("figure"), .raw(charts.rankingAndHeatMap())),
            .div(.class("figure"), .raw(charts.shareKey())),
            .p(.class("muted"), .text(result.ranking.components.map { "C\($0.id) \($0.name)" }.joined(separator: " · "))),
            rankingTable(result, charts),
            .unwrap(result.ranking.previousYear) { previous in
                .group(
                    .h3(.text("\(labels.movement) \(previous)")),
                    .div(.class("figure"), .raw(movementChart(result, charts, previous: previous)))
                )
            },
            .h3(.text(labels.weakest)),
            table([labels.subcomponent, labels.meanAchieved, labels.meanLost], numeric: [false, true, true],
                  rows: summary.weakest.map { ["\($0.id) \($0.name)", Numbers.percent($0.meanValue), Numbers.fixed($0.meanLost)] })
        )
    }

    private func movementChart(_ result: ReportResult, _ charts: ReportCharts, previous: Int) -> String {
        let entries = result.ranking.rankings
        let before = entries.compactMap { entry in entry.previous.map { (agency: entry.agency, rank: $0.rank) } }
        let after = entries.filter { $0.previous != nil }.map { (agency: $0.agency, rank: $0.rank) }
        return charts.slope(from: before, to: after, leftTitle: String(previous), rightTitle: result.ranking.year.map(String.init) ?? "",
                            label: "\(labels.rank): \(labels.movement) \(previous)")
    }

    private func rankingTable(_ result: ReportResult, _ charts: ReportCharts) -> Node<HTML.BodyContext> {
        let ranking = result.ranking
        let withPrevious = ranking.previousYear != nil
        var headers = [labels.rank, labels.agency, labels.region, labels.score, labels.grade] + ranking.components.map { "C\($0.id)" }
        if withPrevious { headers += [labels.previousScore, labels.change, labels.rank + " ±"] }
        let numeric = headers.indices.map { $0 == 0 || $0 == 3 || $0 >= 5 }
        return .table(
            .class(tableClass(numeric)),
            .thead(.tr(.forEach(headers) { .th(.text($0)) })),
            .tbody(.forEach(ranking.rankings) { entry in
                .tr(
                    .td(.text(String(entry.rank))),
                    .td(.a(.href("#agency-\(entry.agency)"), .text(entry.name ?? entry.agency))),
                    .td(.text(entry.region ?? "")),
                    .td(.text(Numbers.fixed(entry.score) + (entry.missing > 0 ? " *" : ""))),
                    .td(gradeBadge(entry.grade, charts), .if(entry.stage < .final, .text(" † " + words(entry.stage.rawValue)))),
                    .forEach(ranking.components) { component in
                        .td(.text(entry.componentScore(component.id).map { Numbers.fixed($0.score) } ?? "-"))
                    },
                    .if(withPrevious, .group(
                        .td(.text(entry.previous.map { Numbers.fixed($0.score) } ?? "-")),
                        .td(.text(entry.previous.map { ($0.delta >= 0 ? "+" : "") + Numbers.fixed($0.delta) } ?? "-")),
                        .td(.text(entry.previous.map { $0.rankMovement > 0 ? "+\($0.rankMovement)" : String($0.rankMovement) } ?? "new"))
                    ))
                )
            })
        )
    }

    private func gradeBadge(_ grade: String, _ charts: ReportCharts) -> Node<HTML.BodyContext> {
        .span(.class("grade g\(charts.gradeIndex(grade))"), .text(grade))
    }

    // MARK: Sensitivity and comparison

    private func sensitivity(_ sensitivity: SensitivityResult, _ charts: ReportCharts) -> Node<HTML.BodyContext> {
        .section(
            .id("sensitivity"),
            .h2(.text(labels.sensitivity)),
            .p(.class("lead"), .text("\(sensitivity.samples) weight sets, \(sensitivity.model), spread \(Numbers.full(sensitivity.spread)), seed \(sensitivity.seed); "
                + "Spearman rho \(sensitivity.meanSpearmanRho.map { Numbers.fixed($0, 3) } ?? "-")")),
            .h3(.text("\(labels.rankIntervals) · \(labels.gradeProbabilities)")),
            .div(.class("figure"), .raw(charts.sensitivityChart(sensitivity))),
            .p(.class("muted"), .text("■ \(labels.median) · | \(labels.nominal) · — 5%-95%")),
            table([labels.agency, labels.nominal, labels.median, "5%", "95%", labels.keepsGrade], numeric: [false, true, true, true, true, true],
                  rows: sensitivity.agencies.map { [$0.agency, String($0.nominalRank), Numbers.full($0.medianRank), Numbers.full($0.q05),
                                                    Numbers.full($0.q95), Numbers.percent($0.keepsGrade)] }),
            .h3(.text(labels.convergence)),
            .p(.text("Rank quantiles moved at most \(Numbers.fixed(sensitivity.convergence.maxQuantileShift)) (mean \(Numbers.fixed(sensitivity.convergence.meanQuantileShift, 3))) from half of the weight sets to all of them."))
        )
    }

    private func comparison(_ comparison: CompareResult, _ result: ReportResult, _ charts: ReportCharts) -> Node<HTML.BodyContext> {
        let before = comparison.agencies.map { (agency: $0.agency, rank: $0.baselineRank) }
        let after = comparison.agencies.map { (agency: $0.agency, rank: $0.candidateRank) }
        let labelsRow = comparison.gradeTransitions.keys
        return .section(
            .id("candidate"),
            .h2(.text("\(labels.candidate): \(comparison.candidate)")),
            .p(.class("lead"), .text("Kendall tau-b \(comparison.kendallTauB.map { Numbers.fixed($0, 3) } ?? "-") · Spearman rho \(comparison.spearmanRho.map { Numbers.fixed($0, 3) } ?? "-") · "
                + "mean |\(labels.shift)| \(Numbers.fixed(comparison.meanAbsoluteShift))")),
            .div(.class("figure"), .raw(charts.slope(from: before, to: after, leftTitle: "\(labels.baseline) (\(comparison.baseline))",
                                                     rightTitle: "\(labels.candidate) (\(comparison.candidate))", label: "\(labels.rank): \(labels.baseline) → \(labels.candidate)"))),
            .h3(.text(labels.transitions)),
            table([""] + labelsRow, numeric: [false] + labelsRow.map { _ in true },
                  rows: comparison.gradeTransitions.pairs.map { [$0.key] + $0.value.values.map(String.init) }),
            .unwrap(comparison.warnings.first) { .p(.class("muted"), .text(words($0.text))) }
        )
    }

    // MARK: Agencies

    private func agencies(_ result: ReportResult, _ charts: ReportCharts) -> Node<HTML.BodyContext> {
        let rankOf = Dictionary(result.ranking.rankings.map { ($0.agency, $0.rank) }, uniquingKeysWith: { first, _ in first })
        let ordered = result.reports.sorted { (rankOf[$0.card.agency] ?? Int.max, $0.card.agency) < (rankOf[$1.card.agency] ?? Int.max, $1.card.agency) }
        return .section(
            .id("agencies"),
            .h2(.text(labels.agencies)),
            .unwrap(ordered.first) { first in names(first.card) },
            .forEach(ordered) { report in agency(report.card, rank: rankOf[report.card.agency], charts) }
        )
    }

    /// The names behind the ids on every agency's bars, listed once.
    private func names(_ card: ScoreCard) -> Node<HTML.BodyContext> {
        table([labels.component + " / " + labels.subcomponent, labels.weight], numeric: [false, true],
              rows: card.components.flatMap { component in
                  [["\(component.id) \(component.name)", Numbers.full(component.weight)]]
                      + component.subcomponents.map { ["\($0.id) \($0.name)", Numbers.full($0.weight)] }
              })
    }

    private func agency(_ card: ScoreCard, rank: Int?, _ charts: ReportCharts) -> Node<HTML.BodyContext> {
        let consistency = card.warnings.filter { $0.code == .kerangkaLogis }
        return .section(
            .id("agency-\(card.agency)"),
            .h3(.text("\(rank.map { "\($0). " } ?? "")\(card.name ?? card.agency)"), .text(" "), gradeBadge(card.grade.grade, charts)),
            .p(.class("lead"), .text("\(card.agency) · \(card.region ?? "") · \(labels.score) \(Numbers.fixed(card.total)) · \(card.grade.label)")),
            .div(.class("figure"), .raw(charts.breakdown(card))),
            .if(!card.indicators.isEmpty, table(
                [labels.indicators, labels.target, labels.realization, labels.achievement, labels.band],
                numeric: [false, true, true, true, false], className: "data ind",
                rows: card.indicators.map { result in
                    let target = switch result.indicator.target {
                    case .value(let value): Numbers.full(value)
                    case .range(let low, let high): "\(Numbers.full(low))-\(Numbers.full(high))"
                    }
                    return ["\(result.indicator.id) \(result.indicator.name ?? "")", target, Numbers.full(result.indicator.realization),
                            result.achievement.map { Numbers.fixed($0) + "%" } ?? labels.notComputable, result.label ?? ""]
                })),
            .if(!consistency.isEmpty, .group(
                .h4(.text(labels.consistency)),
                .ul(.class("warnings"), .forEach(consistency) { .li(.text(String(words($0.text).trimmingPrefix("kerangka logis: ")))) })
            )),
            .if(!card.missing.isEmpty, .p(.strong(.text("\(labels.unanswered): ")), .text(card.missing.joined(separator: ", ")))),
            .if(!card.remarks.isEmpty, remarks(card.remarks)),
        )
    }

    /// Notes and evidence beside the answers, folded away: an agency's section stays a summary
    /// until its reader asks. Evidence that is a web address opens in a new tab.
    private func remarks(_ remarks: [Remark]) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text("\(labels.notes) (\(remarks.count))")]),
            .table(
                .class("data remarks"),
                .thead(.tr(.th(.text(labels.criterion)), .th(.text(labels.stage)), .th(.text(labels.note)), .th(.text(labels.evidence)))),
                .tbody(.forEach(remarks) { remark in
                    .tr(.td(.text(remark.criterion)), .td(.text(words(remark.stage.rawValue))),
                        .td(.text(remark.note ?? "")),
                        .td(remark.evidenceIsLink
                            ? .a(.href(remark.evidence!), .target(.blank), .rel(.noopener), .text(remark.evidence!))
                            : .text(remark.evidence ?? "")))
                })
            ),
        ])
    }

    private func errors(_ result: ReportResult) -> Node<HTML.BodyContext> {
        .section(.id("errors"), .h2(.text(labels.errors)), .ul(.forEach(result.errors) { .li(.text($0.description)) }))
    }

    // MARK: Tables

    /// `data n2 n4`: the stylesheet right-aligns the columns named (numbers line up), so no cell
    /// carries a class of its own.
    private func tableClass(_ numeric: [Bool]) -> String {
        (["data"] + numeric.enumerated().filter { $0.element }.map { "n\($0.offset + 1)" }).joined(separator: " ")
    }

    /// `className` names a table kind whose numeric columns the stylesheet already knows.
    private func table(_ headers: [String], numeric: [Bool], className: String? = nil, rows: [[String]]) -> Node<HTML.BodyContext> {
        .table(
            .class(className ?? tableClass(numeric)),
            .thead(.tr(.forEach(headers) { .th(.text($0)) })),
            .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })
        )
    }
}
