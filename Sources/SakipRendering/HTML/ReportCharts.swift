import SakipCore

/// The report's pictures, drawn as SVG from the result values.
struct ReportCharts {
    let result: ReportResult
    let labels: ReportLabels

    private var grades: [GradeBand] { result.grades }
    /// The highest possible score: the top band's upper bound.
    private var top: Double { grades.first?.max ?? 100 }

    func gradeIndex(_ grade: String) -> Int { grades.firstIndex { $0.grade == grade } ?? grades.count - 1 }
    func gradeColour(_ grade: String) -> String { Palette.grade(gradeIndex(grade), of: grades.count) }

    /// Vertical bars: how many reports got each grade, in the grade's colour.
    func gradeCounts() -> String {
        let counts = result.ranking.summary.grades.pairs
        let most = max(1, counts.map(\.value).max() ?? 1)
        let barWidth = 56.0, gap = 14.0, chartHeight = 150.0
        var svg = SVG(width: Double(counts.count) * (barWidth + gap) + gap, height: chartHeight + 44,
                      label: labels.gradeCounts + ": " + counts.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for (i, pair) in counts.enumerated() {
            let x = gap + Double(i) * (barWidth + gap)
            let height = chartHeight * Double(pair.value) / Double(most)
            svg.rect(x: x, y: 20 + chartHeight - height, width: barWidth, height: height, fill: Palette.grade(i, of: counts.count),
                     title: "\(pair.key): \(pair.value)", stroke: Palette.axis)
            svg.text(String(pair.value), x: x + barWidth / 2, y: 14 + chartHeight - height, anchor: .middle, size: 12, bold: true)
            svg.text(pair.key, x: x + barWidth / 2, y: chartHeight + 38, anchor: .middle, size: 13)
        }
        svg.line(x1: 0, y1: 20 + chartHeight, x2: svg.width, y2: 20 + chartHeight, stroke: Palette.axis)
        return svg.rendered()
    }

    /// Boxes grouped by their colour, in the order colours first appear: one path per colour.
    private struct Buckets {
        private var order: [String] = []
        private var boxes: [String: [(x: Double, y: Double, width: Double, height: Double)]] = [:]

        mutating func add(_ colour: String, x: Double, y: Double, width: Double, height: Double) {
            if boxes[colour] == nil { order.append(colour) }
            boxes[colour, default: []].append((x, y, width, height))
        }

        func draw(into svg: inout SVG) {
            for colour in order { svg.rects(boxes[colour]!, fill: colour) }
        }
    }

    /// One row per ranked agency: a score bar coloured by grade, with the band edges drawn, then
    /// the share of each component achieved as a heat map (the numbers are in the table below it).
    func rankingAndHeatMap() -> String {
        let rows = result.ranking.rankings
        let components = result.ranking.components
        let labelWidth = 170.0, plot = 360.0, scoreWidth = 64.0, cell = 46.0, rowHeight = 14.0, head = 30.0
        let heatX = labelWidth + plot + scoreWidth
        var svg = SVG(width: heatX + cell * Double(components.count) + 8, height: head + Double(rows.count) * rowHeight + 6,
                      label: "\(labels.ranking) (\(labels.score) 0-\(Numbers.full(top))); \(labels.heatMap): \(rows.count) \(labels.reports)")
        func x(_ score: Double) -> Double { labelWidth + plot * score / top }
        var bars = Buckets()
        var cells = Buckets()
        var names: [(text: String, x: Double, y: Double)] = []
        var scores: [(text: String, x: Double, y: Double)] = []
        for (i, entry) in rows.enumerated() {
            let y = head + Double(i) * rowHeight
            names.append(("\(entry.rank). \(entry.agency)".truncated(to: 30), labelWidth - 6, y + 10))
            bars.add(gradeColour(entry.grade), x: labelWidth, y: y + 2, width: plot * entry.score / top, height: rowHeight - 4)
            scores.append((Numbers.fixed(entry.score) + " " + entry.grade + (entry.missing > 0 ? "*" : ""), x(entry.score) + 3, y + 10))
            for (c, component) in components.enumerated() {
                guard let standing = entry.componentScore(component.id) else { continue }
                cells.add(Palette.share(standing.score / component.weight), x: heatX + cell * Double(c), y: y, width: cell - 1, height: rowHeight - 1)
            }
        }
        svg.texts(names, anchor: .end)
        svg.texts(scores, size: 9)
        bars.draw(into: &svg)
        cells.draw(into: &svg)
        svg.segments(grades.filter { $0.above > 0 }.map { (x1: x($0.above), y1: head - 4, x2: x($0.above), y2: svg.height - 4) }, stroke: Palette.band)
        for band in grades where band.above > 0 {
            svg.text(Numbers.full(band.above), x: x(band.above), y: 22, anchor: .middle, size: 9, fill: "#555")
        }
        for (c, component) in components.enumerated() {
            svg.text("C\(component.id)", x: heatX + cell * (Double(c) + 0.5), y: 12, anchor: .middle, bold: true)
            svg.text("/\(Numbers.full(component.weight))", x: heatX + cell * (Double(c) + 0.5), y: 24, anchor: .middle, size: 9, fill: "#555")
        }
        return svg.rendered()
    }

    /// The heat map's colour key: shares achieved, 0% to 100%.
    func shareKey() -> String {
        var svg = SVG(width: 300, height: 30, label: "\(labels.achieved) 0-100%")
        for step in 0...10 {
            svg.rect(x: 10 + Double(step) * 25, y: 2, width: 24, height: 12, fill: Palette.share(Double(step) / 10))
            if step % 5 == 0 { svg.text("\(step * 10)%", x: 22 + Double(step) * 25, y: 26, anchor: .middle, size: 9) }
        }
        return svg.rendered()
    }

    /// Two columns of ranks joined by a line per agency: where each stood before and now.
    func slope(from before: [(agency: String, rank: Int)], to after: [(agency: String, rank: Int)], leftTitle: String, rightTitle: String,
               label: String) -> String {
        let count = max(before.map(\.rank).max() ?? 1, after.map(\.rank).max() ?? 1)
        let rowHeight = 12.0, head = 24.0, left = 200.0, right = 460.0
        var svg = SVG(width: 660, height: head + Double(count) * rowHeight + 10, label: label)
        svg.text(leftTitle, x: left, y: 14, anchor: .end, size: 11, bold: true)
        svg.text(rightTitle, x: right, y: 14, anchor: .start, size: 11, bold: true)
        let earlier = Dictionary(before.map { ($0.agency, $0.rank) }, uniquingKeysWith: { first, _ in first })
        func y(_ rank: Int) -> Double { head + (Double(rank) - 0.5) * rowHeight }
        var moved: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
        var stayed: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
        for item in after {
            guard let was = earlier[item.agency] else { continue }
            let segment = (x1: left + 4, y1: y(was), x2: right - 4, y2: y(item.rank))
            if was == item.rank { stayed.append(segment) } else { moved.append(segment) }
        }
        svg.segments(stayed, stroke: Palette.band, width: 0.8)
        svg.segments(moved, stroke: Palette.highlight, width: 1.2)
        svg.texts(before.map { ("\($0.agency) \($0.rank)", left, y($0.rank) + 3.5) }, anchor: .end, size: 9)
        svg.texts(after.map { ("\($0.rank) \($0.agency)", right, y($0.rank) + 3.5) }, size: 9)
        svg.text("\(labels.change): " + (moved.isEmpty ? "0" : String(moved.count)), x: (left + right) / 2, y: 14, anchor: .middle, size: 9, fill: Palette.highlight)
        return svg.rendered()
    }

    /// Per agency: a whisker from the 5% to the 95% rank, a dot at the median and a tick at the
    /// nominal rank; beside it, the probability of each grade as one stacked bar.
    func sensitivityChart(_ sensitivity: SensitivityResult) -> String {
        let rows = sensitivity.agencies.sorted { ($0.nominalRank, $0.agency) < ($1.nominalRank, $1.agency) }
        let count = Double(max(rows.count, 1))
        let labelWidth = 170.0, plot = 300.0, gap = 30.0, bar = 240.0, rowHeight = 13.0, head = 30.0
        let barX = labelWidth + plot + gap
        var svg = SVG(width: barX + bar + 10, height: head + Double(rows.count) * rowHeight + 6,
                      label: "\(labels.rankIntervals); \(labels.gradeProbabilities)")
        func x(_ rank: Double) -> Double { labelWidth + plot * (rank - 1) / max(count - 1, 1) }
        svg.text("\(labels.rank) 1", x: x(1), y: 22, size: 9, fill: "#555")
        svg.text(String(rows.count), x: x(count), y: 22, anchor: .end, size: 9, fill: "#555")
        let keys = rows.first?.gradeProbabilities.keys ?? []
        for (g, key) in keys.enumerated() {
            let keyX = barX + Double(g) * 34
            svg.rect(x: keyX, y: 14, width: 10, height: 10, fill: Palette.grade(g, of: keys.count), stroke: Palette.axis)
            svg.text(key, x: keyX + 13, y: 23, size: 9)
        }
        var whiskers: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
        var ticks: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
        var medians = Buckets()
        var shares = Buckets()
        var names: [(text: String, x: Double, y: Double)] = []
        for (i, agency) in rows.enumerated() {
            let y = head + Double(i) * rowHeight + rowHeight / 2
            names.append((agency.agency.truncated(to: 30), labelWidth - 6, y + 3.5))
            whiskers.append((x(agency.q05), y, x(agency.q95), y))
            ticks.append((x(Double(agency.nominalRank)), y - 5, x(Double(agency.nominalRank)), y + 5))
            medians.add(Palette.grade(0, of: 7), x: x(agency.medianRank) - 3, y: y - 3, width: 6, height: 6)
            var left = barX
            for (g, pair) in agency.gradeProbabilities.pairs.enumerated() where pair.value > 0 {
                shares.add(Palette.grade(g, of: keys.count), x: left, y: y - rowHeight / 2 + 1, width: bar * pair.value, height: rowHeight - 3)
                left += bar * pair.value
            }
        }
        svg.texts(names, anchor: .end, size: 9.5)
        svg.segments(whiskers, stroke: Palette.grade(2, of: 7), width: 2)
        svg.segments(ticks, stroke: Palette.highlight, width: 2)
        medians.draw(into: &svg)
        shares.draw(into: &svg)
        return svg.rendered()
    }

    /// One report's components and sub-components: bars of the share of each weight achieved,
    /// labelled by id (the names are listed once, for all agencies).
    func breakdown(_ card: ScoreCard) -> String {
        let labelWidth = 84.0, plot = 300.0, rowHeight = 13.0
        let rows = card.components.reduce(0) { $0 + 1 + $1.subcomponents.count }
        var svg = SVG(width: labelWidth + plot + 6, height: Double(rows) * rowHeight + 6,
                      label: "\(card.agency) \(labels.achieved.lowercased())")
        svg.rect(x: labelWidth, y: 3, width: plot, height: Double(rows) * rowHeight, fill: "#f3f3f3")
        var bars = Buckets()
        var ids: [(text: String, x: Double, y: Double)] = []
        var heads: [(text: String, x: Double, y: Double)] = []
        var y = 3.0
        // One label per row, id and value together, so a report costs few bytes on a 600-agency page.
        func bar(_ id: String, _ share: Double, _ detail: String, bold: Bool) {
            if bold { heads.append(("\(id)  \(detail)", 2, y + 10)) } else { ids.append(("\(id)  \(detail)", 10, y + 10)) }
            bars.add(Palette.share(share), x: labelWidth, y: y + 2, width: plot * min(max(share, 0), 1), height: rowHeight - 4)
            y += rowHeight
        }
        for component in card.components {
            bar(component.id, component.score / component.weight, Numbers.fixed(component.score), bold: true)
            for sub in component.subcomponents {
                bar(sub.id, sub.value, Numbers.percent(sub.value) + (sub.answered < sub.expected ? "*" : ""), bold: false)
            }
        }
        svg.texts(heads, bold: true)
        svg.texts(ids, size: 9.5)
        bars.draw(into: &svg)
        svg.segments([(labelWidth + plot / 2, 3, labelWidth + plot / 2, y)], stroke: "#d0d0d0")
        return svg.rendered()
    }
}
