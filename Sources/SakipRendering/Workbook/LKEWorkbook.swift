import SakipCore

/// The LKE as a workbook: an identity sheet, the LKE sheet (one row per criterion under its
/// component and sub-component rows, the agency's and the evaluator's answers with drop-downs of
/// the scale's letters, and live formulas up to the total and the grade), and the scales and
/// bands the formulas look up. Every number comes from the rubric. Workbook names `Total` and
/// `Predikat` point at the evaluator's total and grade.
public struct LKEWorkbookRenderer {
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    public func workbook(_ template: LKETemplate) -> Workbook {
        if template.rubric.subcomponents.contains(where: { $0.aggregation == .checklist }) { return checklistWorkbook(template) }
        let rubric = template.rubric
        let (scaleSheet, scaleRanges) = scales(rubric)
        var rows: [[Workbook.Cell]] = []
        var bold = Set<Int>()
        var validations: [Workbook.Validation] = []
        /// Sheet row of the next data row (the header is row 1).
        var next: Int { rows.count + 2 }
        func lookup(_ answer: String, _ scale: AnswerScale) -> String {
            "IF(\(answer)=\"\",0,VLOOKUP(\(answer),\(scaleRanges[scale.id]!),2,FALSE)/\(Numbers.full(scale.full)))"
        }
        /// A row answered with a letter: its value (a share of 1), or for a graded sub-component
        /// that share times its weight.
        func answerRow(_ code: String, _ name: String, weight: Double, scale: AnswerScale, answer: String?, timesWeight: Bool) {
            let r = next
            func value(_ column: String) -> String { (timesWeight ? "C\(r)*" : "") + lookup("\(column)\(r)", scale) }
            rows.append([.text(code), .text(name), .decimal(weight), template.selfAnswers[code].map(Workbook.Cell.text) ?? .empty, .formula(value("D")),
                         answer.map(Workbook.Cell.text) ?? .empty,
                         .formula(value("F")), template.notes[code].map(Workbook.Cell.text) ?? .empty,
                         template.evidence[code].map(Workbook.Cell.text) ?? .empty])
            validations.append(Workbook.Validation(range: "D\(r) F\(r)", values: scale.letters))
        }
        var componentCells: [Int] = []
        for component in rubric.components {
            let componentRow = next
            bold.insert(rows.count)
            rows.append([.text(component.id), .text(component.name), .decimal(component.weight), .empty, .empty, .empty, .empty, .empty, .empty])
            componentCells.append(componentRow)
            var subRows: [Int] = []
            // 12/2015's groups: each group's row, its sub-components under it, then any outside a group.
            var groupRows: [(row: Int, id: String)] = []
            var groupOf: [Int: Int] = [:]
            let ordered = component.groups.flatMap { group in component.subcomponents.filter { $0.group == group.id } }
                + component.subcomponents.filter { sub in !component.groups.contains { $0.id == sub.group } }
            for sub in ordered {
                if let id = sub.group, let group = component.groups.first(where: { $0.id == id }), groupRows.last?.id != id {
                    groupRows.append((next, id))
                    bold.insert(rows.count)
                    rows.append([.text(group.id), .text(group.name), .decimal(group.weight), .empty, .empty, .empty, .empty, .empty, .empty])
                }
                if sub.group != nil, let last = groupRows.last, last.id == sub.group { groupOf[next] = last.row }
                let scale = rubric.scale(sub.scale)
                let subRow = next
                subRows.append(subRow)
                switch sub.aggregation {
                case .grade:
                    answerRow(sub.id, sub.name, weight: sub.weight, scale: scale, answer: template.answers[sub.id], timesWeight: true)
                default:
                    rows.append([.text(sub.id), .text(sub.name), .decimal(sub.weight), .empty, .empty, .empty, .empty, .empty, .empty])
                    let first = next
                    for criterion in sub.criteria {
                        answerRow(criterion.id, criterion.text, weight: criterion.weight, scale: rubric.scale(criterion.scale),
                                  answer: template.answers[criterion.id], timesWeight: false)
                    }
                    let last = next - 1
                    for column in ["E", "G"] {
                        let index = column == "E" ? 4 : 6
                        rows[subRow - 2][index] = .formula("C\(subRow)*SUMPRODUCT(\(column)\(first):\(column)\(last),C\(first):C\(last))/SUM(C\(first):C\(last))")
                    }
                }
            }
            for column in [(letter: "E", index: 4), (letter: "G", index: 6)] {
                rows[componentRow - 2][column.index] = .formula(subRows.map { "\(column.letter)\($0)" }.joined(separator: "+"))
                for group in groupRows {
                    let members = subRows.filter { groupOf[$0] == group.row }
                    rows[group.row - 2][column.index] = .formula(members.map { "\(column.letter)\($0)" }.joined(separator: "+"))
                }
            }
        }
        let totalRow = next
        bold.insert(rows.count)
        rows.append([.empty, .text(language == .id ? "Total" : "Total"), .decimal(rubric.totalWeight), .empty,
                     .formula(componentCells.map { "E\($0)" }.joined(separator: "+")), .empty,
                     .formula(componentCells.map { "G\($0)" }.joined(separator: "+")), .empty, .empty])
        let gradeRow = next
        bold.insert(rows.count)
        rows.append([.empty, .text(language == .id ? "Predikat" : "Grade"), .empty, .empty, .textFormula(grade(of: "E\(totalRow)", rubric)),
                     .empty, .textFormula(grade(of: "G\(totalRow)", rubric)), .empty, .empty])
        return assemble(template, headers: LKETemplateLayout.headers(language), rows: rows, bold: bold, validations: validations, scales: scaleSheet,
                        names: [("Total", "LKE!$G$\(totalRow)"), ("Predikat", "LKE!$G$\(gradeRow)"),
                                ("TotalMandiri", "LKE!$E$\(totalRow)"), ("PredikatMandiri", "LKE!$E$\(gradeRow)")], layout: LKETemplateLayout.layout)
    }

    /// A checklist rubric's LKE: the four Y/T flags of each criterion, and each sub-component's
    /// grade computed from them by the rubric's checklist rule, then its value, up to the total.
    private func checklistWorkbook(_ template: LKETemplate) -> Workbook {
        let rubric = template.rubric
        guard let rule = rubric.checklist else { preconditionFailure("loading checked that checklist sub-components have a checklist rule") }
        let (scaleSheet, scaleRanges) = scales(rubric)
        let scale = rubric.scale(rule.scale)
        var rows: [[Workbook.Cell]] = []
        var bold = Set<Int>()
        var validations: [Workbook.Validation] = []
        var next: Int { rows.count + 2 }
        let blank = [Workbook.Cell](repeating: .empty, count: 8)
        var componentCells: [Int] = []
        for component in rubric.components {
            let componentRow = next
            bold.insert(rows.count)
            componentCells.append(componentRow)
            rows.append([.text(component.id), .text(component.name), .decimal(component.weight)] + blank)
            var subRows: [Int] = []
            for sub in component.subcomponents {
                let subRow = next
                subRows.append(subRow)
                rows.append([.text(sub.id), .text(sub.name), .decimal(sub.weight)] + blank)
                let first = next
                for criterion in sub.criteria {
                    let flags = template.checklist[criterion.id].map { item in
                        ChecklistRule.Flag.allCases.map { Workbook.Cell.text(item.has($0) ? "Y" : "T") }
                    } ?? [.empty, .empty, .empty, .empty]
                    validations.append(Workbook.Validation(range: "D\(next):G\(next)", values: ["Y", "T"]))
                    let remark: [Workbook.Cell] = [template.notes[criterion.id].map(Workbook.Cell.text) ?? .empty,
                                                   template.evidence[criterion.id].map(Workbook.Cell.text) ?? .empty]
                    rows.append([.text(criterion.id), .text(criterion.text), .decimal(criterion.weight)] + flags + [.empty, .empty] + remark)
                }
                let ranges = ["D", "E", "F", "G"].map { "\($0)\(first):\($0)\(next - 1)" }
                rows[subRow - 2][7] = .textFormula(checklistGrade(rule, ranges: ranges, count: sub.criteria.count))
                rows[subRow - 2][8] = .formula("C\(subRow)*VLOOKUP(H\(subRow),\(scaleRanges[scale.id]!),2,FALSE)/\(Numbers.full(scale.full))")
            }
            rows[componentRow - 2][8] = .formula(subRows.map { "I\($0)" }.joined(separator: "+"))
        }
        let totalRow = next
        bold.insert(rows.count)
        rows.append([.empty, .text("Total"), .decimal(rubric.totalWeight), .empty, .empty, .empty, .empty, .empty,
                     .formula(componentCells.map { "I\($0)" }.joined(separator: "+")), .empty, .empty])
        let gradeRow = next
        bold.insert(rows.count)
        rows.append([.empty, .text(language == .id ? "Predikat" : "Grade"), .empty, .empty, .empty, .empty, .empty, .empty,
                     .textFormula(grade(of: "I\(totalRow)", rubric)), .empty, .empty])
        return assemble(template, headers: LKETemplateLayout.checklistHeaders(language), rows: rows, bold: bold, validations: validations,
                        scales: scaleSheet, names: [("Total", "LKE!$I$\(totalRow)"), ("Predikat", "LKE!$I$\(gradeRow)")], layout: LKETemplateLayout.checklistLayout)
    }

    /// The identity sheet, the LKE sheet (bold component and total rows, drop-downs, no filter,
    /// texts wrapped) and the scales, with the workbook's names.
    private func assemble(_ template: LKETemplate, headers: [String], rows: [[Workbook.Cell]], bold: Set<Int>, validations: [Workbook.Validation],
                          scales: Workbook.Sheet, names: [(name: String, reference: String)], layout: WorkbookLayout) -> Workbook {
        var lke = Workbook.Sheet(name: LKETemplateLayout.sheet, headers: headers, rows: rows)
        lke.boldRows = bold
        lke.validations = validations
        lke.filter = false
        lke.wrapColumn = 1
        // Notes and evidence are typed here, often a sentence or a link: room for one.
        lke.minimumWidths = [layout.notes! - 1: 20, layout.evidence! - 1: 20]
        lke.centredColumns = Set(layout.answers.values.map { $0 - 1 } + (layout.flags ?? []).map { $0 - 1 })
        var workbook = Workbook(sheets: [identity(template), lke, scales])
        workbook.names = names
        return workbook
    }

    /// The checklist rule as nested IFs over the flag ranges (met, mandated, kept 1 year, kept 5
    /// years): every criterion met -> the first `all_met` rule whose flag every criterion has;
    /// otherwise the first band the share met is strictly above; else `none`. COUNTIF matches `y`
    /// as `Y`, as sakip's reader does.
    private func checklistGrade(_ rule: ChecklistRule, ranges: [String], count: Int) -> String {
        let met = "COUNTIF(\(ranges[0]),\"Y\")"
        var share = "\"\(rule.none)\""
        for band in rule.shareMet.reversed() {
            share = "IF(\(met)/\(count)>\(Numbers.full(band.above)),\"\(band.grade)\",\(share))"
        }
        var allMet = share
        for candidate in rule.allMet.reversed() {
            guard let flag = candidate.every else {
                allMet = "\"\(candidate.grade)\""
                continue
            }
            let column = ranges[ChecklistRule.Flag.allCases.firstIndex(of: flag)!]
            allMet = "IF(COUNTIFS(\(ranges[0]),\"Y\",\(column),\"Y\")=\(count),\"\(candidate.grade)\",\(allMet))"
        }
        return "IF(\(met)=\(count),\(allMet),\(share))"
    }

    /// The rubric's bands as nested IFs, highest first, with the same tolerance at each bound.
    private func grade(of cell: String, _ rubric: Rubric) -> String {
        let bands = rubric.grades
        var formula = "\"\(bands.last!.grade)\""
        for band in bands.dropLast().reversed() {
            formula = "IF(\(cell)>\(Numbers.full(band.above))+\(Numbers.full(GradeBand.boundTolerance)),\"\(band.grade)\",\(formula))"
        }
        return formula
    }

    private func identity(_ template: LKETemplate) -> Workbook.Sheet {
        let labels = LKETemplateLayout.identityLabels(language)
        var sheet = Workbook.Sheet(name: LKETemplateLayout.identitySheet(language), headers: LKETemplateLayout.identityHeaders(language), rows: [
            [.text(labels[0]), template.agency.map(Workbook.Cell.text) ?? .empty],
            [.text(labels[1]), template.name.map(Workbook.Cell.text) ?? .empty],
            [.text(labels[2]), template.region.map(Workbook.Cell.text) ?? .empty],
            [.text(labels[3]), template.year.map(Workbook.Cell.integer) ?? .empty],
            [.text(labels[4]), .text(template.rubric.id)],
        ])
        sheet.filter = false
        return sheet
    }

    /// Every scale's letters and values, and the grade bands; the formulas look letters up here.
    private func scales(_ rubric: Rubric) -> (Workbook.Sheet, [String: String]) {
        var rows: [[Workbook.Cell]] = []
        var ranges: [String: String] = [:]
        for id in rubric.scales.keys.sorted() {
            let scale = rubric.scale(id)
            let first = rows.count + 2
            for (letter, value) in scale.values { rows.append([.text(scale.id), .text(letter), .decimal(value), .decimal(scale.full)]) }
            ranges[id] = "Skala!$B$\(first):$C$\(rows.count + 1)"
        }
        rows.append([.empty, .empty, .empty, .empty])
        for band in rubric.grades { rows.append([.text("grade"), .text(band.grade), .decimal(band.above), .decimal(band.max)]) }
        var sheet = Workbook.Sheet(name: "Skala", headers: ["Scale", "Letter", "Value", "Full"], rows: rows)
        sheet.filter = false
        return (sheet, ranges)
    }
}
