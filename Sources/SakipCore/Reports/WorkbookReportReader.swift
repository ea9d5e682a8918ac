import Foundation

/// Reads the LKE from an `.xlsx` workbook: sakip's own template, filled in Excel or LibreOffice,
/// or another layout described by a `WorkbookLayout`. Every value is located as a cell
/// (`LKE.xlsx:LKE!F12`). Placeholders (`Y/T`, `A/B/C/D`, "Belum Diisi") and empty answer cells
/// are unanswered: warned, never an error.
public enum WorkbookReportReader {
    public static func read(_ source: SourceText, layout: WorkbookLayout? = nil) -> ReportFile {
        // What one workbook's reading holds is bounded (`InputLimits.workbookCellBytes`); so
        // many are read at once, whatever the number of jobs, that a run's total is too.
        readers.wait()
        defer { readers.signal() }
        do {
            var workbook = try SpreadsheetWorkbook(bytes: source.bytes, name: source.name)
            var reading = try WorkbookReading(workbook: &workbook, layout: layout)
            return try reading.read(&workbook)
        } catch {
            return ReportFile(file: source.name, diagnostics: [error])
        }
    }

    private static let readers = DispatchSemaphore(value: InputLimits.concurrentWorkbooks)

    /// Whether a value is a drop-down's placeholder rather than an answer: `Y/T`, `A/B/C/D`,
    /// `AA/A/BB/B/CC/C/D/E`, "Belum Diisi" (not filled in), `-`.
    /// A workbook flag: the drop-down's Y and T (*ya*, *tidak*), or what reports accept.
    static func flag(_ text: String) -> Bool? {
        switch text.uppercased() {
        case "Y": true
        case "T": false
        default: ValueSyntax.flag(text)
        }
    }

    static func isPlaceholder(_ text: String) -> Bool {
        text.contains("/") || text == "-" || text.lowercased() == "belum diisi"
    }
}

/// One workbook's reading: which layout, the identity, then the rows.
private struct WorkbookReading {
    let file: String
    let cells: SourceText
    var layout: WorkbookLayout
    let isTemplate: Bool
    let sheetIndex: Int
    var diagnostics: [Diagnostic] = []

    init(workbook: inout SpreadsheetWorkbook, layout given: WorkbookLayout?) throws(Diagnostic) {
        file = workbook.name
        cells = SourceText(name: workbook.name, sheets: workbook.sheetNames)
        // Every sheet the reading may need, read together: the string table is read once.
        let names = [LKETemplateLayout.sheet] + Language.allCases.map(LKETemplateLayout.identitySheet) + [given?.sheet].compactMap { $0 }
            + (given?.identity.values.compactMap { if case .cell(let sheet, _) = $0 { sheet } else { nil } } ?? [])
        try workbook.read(workbook.sheetNames.indices.filter { names.contains(workbook.sheetNames[$0]) })
        if let index = workbook.sheetNames.firstIndex(of: LKETemplateLayout.sheet),
           let template = LKETemplateLayout.layout(recognising: try workbook.sheet(index)) {
            layout = template
            isTemplate = true
            sheetIndex = index
        } else if let given {
            guard let index = workbook.sheetNames.firstIndex(of: given.sheet) else {
                throw Diagnostic(.workbook, at: .wholeFile(file), "the layout names sheet '\(given.sheet)', which this workbook lacks; its sheets: \(workbook.sheetNames.joined(separator: ", "))")
            }
            layout = given
            isTemplate = false
            sheetIndex = index
        } else {
            throw Diagnostic(.workbook, at: .wholeFile(file),
                "not a sakip LKE workbook (no sheet 'LKE' with the template's headers); write one with `sakip template`, or describe this workbook's layout in a file given with \(field: "layout")")
        }
    }

    private func position(_ sheet: Int, _ cell: CellReference) -> SourcePosition {
        SourcePosition(cells, offset: SourceText.cellOffset(sheet: sheet, cell))
    }

    private func location(_ sheet: Int, _ row: Int, _ column: Int) -> SourceLocation {
        position(sheet, CellReference(row: row, column: column)).location
    }

    mutating func read(_ workbook: inout SpreadsheetWorkbook) throws(Diagnostic) -> ReportFile {
        let sheet = try workbook.sheet(sheetIndex)
        let identity = try self.identity(&workbook)
        guard let agencyField = identity["agency"], !agencyField.text.isEmpty else {
            throw Diagnostic(.missingValue, at: identityLocation("agency", identity), "expected the agency id (such as kota-bandung)")
        }
        guard let yearField = identity["year"], let year = ValueSyntax.year(yearField.text) else {
            let written = identity["year"]?.nonEmpty
            throw Diagnostic(.invalidYear, at: identityLocation("year", identity),
                             written.map { "expected the year of the evaluation, such as 2024, not '\($0)'" } ?? "expected the year of the evaluation, such as 2024")
        }
        var report = Report(agency: agencyField.text, name: identity["name"]?.nonEmpty, region: identity["region"]?.nonEmpty, year: year,
                            rubric: identity["rubric"]?.nonEmpty, origin: agencyField.position ?? position(sheetIndex, CellReference(row: 1, column: 1)))
        readRows(sheet, into: &report)
        // A report with an unreadable cell is not scored, as a report with a bad attribute is not.
        let readable = !diagnostics.contains { $0.severity == .error }
        return ReportFile(file: file, reports: readable ? [report] : [], diagnostics: diagnostics)
    }

    /// A value of the identity and where it was read (nil for a value the layout gives itself).
    struct IdentityValue {
        var text: String
        var position: SourcePosition?
        var nonEmpty: String? { text.isEmpty ? nil : text }
    }

    private func identityLocation(_ key: String, _ identity: [String: IdentityValue]) -> SourceLocation {
        identity[key]?.position?.location ?? .wholeFile(file)
    }

    /// The template's identity sheet, read by its labels (in either language); or the layout's fields.
    private func identity(_ workbook: inout SpreadsheetWorkbook) throws(Diagnostic) -> [String: IdentityValue] {
        var values: [String: IdentityValue] = [:]
        if isTemplate {
            guard let index = workbook.sheetNames.firstIndex(where: { name in Language.allCases.contains { LKETemplateLayout.identitySheet($0) == name } }) else {
                throw Diagnostic(.workbook, at: .wholeFile(file), "the LKE workbook has no Identity (Identitas) sheet naming the agency and year")
            }
            let sheet = try workbook.sheet(index)
            for row in sheet.rowNumbers {
                guard let label = sheet[row, 1]?.text.lowercased() else { continue }
                for language in Language.allCases {
                    if let k = LKETemplateLayout.identityLabels(language).firstIndex(where: { $0.lowercased() == label }) {
                        values[WorkbookLayout.identityKeys[k]] = IdentityValue(text: sheet[row, 2]?.text ?? "", position: position(index, CellReference(row: row, column: 2)))
                    }
                }
            }
            return values
        }
        for (key, field) in layout.identity {
            switch field {
            case .value(let text): values[key] = IdentityValue(text: text.trimmingSpaces(), position: nil)
            case .cell(let sheetName, let cell):
                guard let index = workbook.sheetNames.firstIndex(of: sheetName) else {
                    throw Diagnostic(.workbook, at: .wholeFile(file), "the layout reads \(key) from sheet '\(sheetName)', which this workbook lacks; its sheets: \(workbook.sheetNames.joined(separator: ", "))")
                }
                let sheet = try workbook.sheet(index)
                values[key] = IdentityValue(text: sheet[cell]?.text ?? "", position: position(index, cell))
            }
        }
        return values
    }

    /// Every row after the header with a code: its answer at each stage the layout has a column
    /// for, its checklist flags, and its stated weight.
    private mutating func readRows(_ sheet: Worksheet, into report: inout Report) {
        var placeholders: [SourceLocation] = []
        let stages = layout.answers.sorted { $0.key < $1.key }
        let scoredColumn = stages.last?.value
        for row in sheet.rowNumbers where row > layout.headerRow {
            guard let code = sheet[row, layout.code]?.text, !code.isEmpty else { continue }
            if let scoredColumn, report.rowOffsets[code] == nil {
                report.rowOffsets[code] = SourceText.cellOffset(sheet: sheetIndex, CellReference(row: row, column: scoredColumn))
            }
            for (stage, column) in stages {
                if uncomputed(sheet, row: row, column: column, code: code) { continue }
                guard let text = sheet[row, column]?.text, !text.isEmpty else { continue }
                let offset = SourceText.cellOffset(sheet: sheetIndex, CellReference(row: row, column: column))
                if WorkbookReportReader.isPlaceholder(text) {
                    placeholders.append(cells.location(of: offset))
                } else {
                    // Letters as the workbook's own VLOOKUP matches them: case does not matter.
                    report.answers.append(Answer(id: code, value: text.uppercased(), offset: offset, stage: stage))
                }
            }
            if let flags = layout.flags { readFlags(sheet, row: row, code: code, columns: flags, into: &report, placeholders: &placeholders) }
            if let column = layout.weight { readWeight(sheet, row: row, column: column, code: code, into: &report) }
            readRemark(sheet, row: row, code: code, stages: stages, into: &report)
        }
        if let first = placeholders.min() {
            diagnostics.append(Diagnostic(.placeholderAnswer, .warning, at: first,
                placeholders.count == 1 ? "1 answer cell holds a placeholder (such as Y/T or A/B/C/D, 'Belum Diisi'), counted unanswered"
                    : "\(placeholders.count) answer cells hold placeholders (such as Y/T or A/B/C/D, 'Belum Diisi'), counted unanswered"))
        }
    }

    /// A row's note and evidence. One pair of columns serves every stage, so the remark stands
    /// beside the latest stage the row answers (the evaluator's, once verified), else the
    /// layout's latest.
    /// - Parameter stages: the layout's answer columns, earliest stage first.
    private func readRemark(_ sheet: Worksheet, row: Int, code: String, stages: [(key: Stage, value: Int)], into report: inout Report) {
        guard layout.notes != nil || layout.evidence != nil else { return }
        let note = layout.notes.flatMap { sheet[row, $0]?.text }, evidence = layout.evidence.flatMap { sheet[row, $0]?.text }
        guard note?.isEmpty == false || evidence?.isEmpty == false else { return }
        let answered = stages.last { sheet[row, $0.value]?.text.isEmpty == false }
        if let remark = Remark(criterion: code, stage: (answered ?? stages.last)?.key ?? .final, note: note, evidence: evidence) {
            report.remarks.append(remark)
        }
    }

    /// Whether an answer cell holds a formula no spreadsheet has computed (no stored value, or
    /// the 0 that XlsxWriter and other libraries store): an error at the cell, not an answer '0'.
    private mutating func uncomputed(_ sheet: Worksheet, row: Int, column: Int, code: String) -> Bool {
        let cell = CellReference(row: row, column: column)
        guard sheet.formulas.contains(cell) else { return false }
        switch sheet[cell] {
        case nil, .number(0, _): break
        default: return false
        }
        diagnostics.append(Diagnostic(.uncomputedFormula, at: location(sheetIndex, row, column),
            "the answer to \(code) is a formula with no computed value (a program wrote the workbook and no spreadsheet has recalculated it); open it in Excel or LibreOffice, let it recalculate, and save it"))
        return true
    }

    /// A row's weight, kept to be checked against the rubric's; a weight that is no number is said.
    private mutating func readWeight(_ sheet: Worksheet, row: Int, column: Int, code: String, into report: inout Report) {
        guard let cell = sheet[row, column] else { return }
        guard case .number(let value, _) = cell else {
            if !cell.text.isEmpty {
                diagnostics.append(Diagnostic(.invalidNumber, .warning, at: location(sheetIndex, row, column), "weight '\(cell.text)' of \(code) is not a number; it is not checked against the rubric"))
            }
            return
        }
        report.statedWeights.append(StatedWeight(id: code, value: value, unit: layout.weights,
                                                 offset: SourceText.cellOffset(sheet: sheetIndex, CellReference(row: row, column: column))))
    }

    /// A checklist row's four flags (Y/T, ya/tidak, yes/no, 1/0): an item when `met` is filled,
    /// the other flags false where empty. A flag that is none of these is an error at its cell.
    private mutating func readFlags(_ sheet: Worksheet, row: Int, code: String, columns: [Int], into report: inout Report, placeholders: inout [SourceLocation]) {
        var values: [Bool] = []
        for column in columns {
            guard column > 0, let text = sheet[row, column]?.text, !text.isEmpty else {
                values.append(false)
                if column == columns[0] { return }
                continue
            }
            let cell = location(sheetIndex, row, column)
            if WorkbookReportReader.isPlaceholder(text) {
                if column == columns[0] { placeholders.append(cell) }
                return
            }
            guard let flag = WorkbookReportReader.flag(text) else {
                diagnostics.append(Diagnostic(.invalidFlag, at: cell, "'\(text)' for \(code) is not a flag; expected Y or T (ya/tidak)"))
                return
            }
            values.append(flag)
        }
        report.checklist.append(ChecklistAnswer(criterion: code, met: values[0], mandated: values[1], kept1Year: values[2], kept5Years: values[3],
                                                offset: SourceText.cellOffset(sheet: sheetIndex, CellReference(row: row, column: columns[0]))))
    }
}
