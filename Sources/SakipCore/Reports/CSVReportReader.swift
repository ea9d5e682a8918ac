/// Reads the long-form CSV files. The header row says what a file holds:
/// - answers: `agency,year,criterion,value` (optional `evidence`, `note`); a sub-component id in
///   `criterion` gives that sub-component's grade;
/// - checklist: `agency,year,criterion,met` (optional `mandated`, `kept_1_year`, `kept_5_years`);
/// - indicators: `agency,year,indicator,polarity,target,realization` (optional `name`, `unit`,
///   `weight`, `target_low`, `target_high`; `target` may be empty when both bounds are given);
/// - agencies: `agency,name` (optional `region` and any other columns): who is who.
/// Rows become report fragments, merged across files by agency and year.
public enum CSVReportReader {
    public enum Kind: String, Sendable, CaseIterable {
        case answers, checklist, indicators, agencies

        var required: [String] {
            switch self {
            case .answers: ["agency", "year", "criterion", "value"]
            case .checklist: ["agency", "year", "criterion", "met"]
            case .indicators: ["agency", "year", "indicator", "polarity", "target", "realization"]
            case .agencies: ["agency", "name"]
            }
        }

        var optional: [String] {
            switch self {
            case .answers: ["evidence", "note"]
            case .checklist: ["mandated", "kept_1_year", "kept_5_years", "note"]
            case .indicators: ["name", "unit", "weight", "target_low", "target_high"]
            case .agencies: []
            }
        }

        /// The kind whose required columns the header holds; the most specific match wins.
        static func recognise(_ columns: Set<String>) -> Kind? {
            let order: [Kind] = [.indicators, .checklist, .answers, .agencies]
            return order.first { Set($0.required).isSubset(of: columns) }
        }
    }

    public static func read(_ bytes: [UInt8], file: String, rubric: String?) -> ReportFile {
        let table: CSVTable
        do {
            table = try CSVTable.parse(bytes, file: file)
        } catch {
            return ReportFile(file: file, diagnostics: [error])
        }
        var builder = CSVReportBuilder(file: file, bytes: bytes, rubric: rubric)
        builder.read(table)
        return builder.result
    }
}

private struct CSVReportBuilder {
    let file: String
    let bytes: [UInt8]
    let rubric: String?
    var result: ReportFile
    /// Fragments by agency and year, in first-seen order.
    private var order: [ReportKeyValue] = []
    private var fragments: [ReportKeyValue: Report] = [:]
    private var failed = Set<ReportKeyValue>()

    init(file: String, bytes: [UInt8], rubric: String?) {
        self.file = file
        self.bytes = bytes
        self.rubric = rubric
        result = ReportFile(file: file)
        result.isFragmentary = true
    }

    private struct ReportKeyValue: Hashable {
        var agency: String
        var year: Int
    }

    private func location(_ offset: Int) -> SourceLocation {
        SourceLocation(file: file, offset: offset, in: bytes)
    }

    private mutating func fail(_ offset: Int, _ message: String) {
        result.diagnostics.append(Diagnostic(at: location(offset), message))
    }

    mutating func read(_ table: CSVTable) {
        guard !table.header.isEmpty else {
            fail(0, "empty CSV file; expected a header row such as agency,year,criterion,value")
            return
        }
        let names = table.header.map { $0.value.trimmingSpaces().lowercased() }
        guard let kind = CSVReportReader.Kind.recognise(Set(names)) else {
            let expected = CSVReportReader.Kind.allCases.map { $0.required.joined(separator: ",") }.joined(separator: " | ")
            fail(table.header[0].offset, "unrecognised CSV header '\(names.joined(separator: ","))'; expected one of: \(expected)")
            return
        }
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            if column[name] != nil {
                fail(table.header[i].offset, "duplicate column '\(name)'")
                return
            }
            column[name] = i
        }
        for row in table.rows {
            guard row.fields.count == names.count else {
                let lastOffset = row.fields.last?.offset ?? row.offset
                fail(row.fields.count < names.count ? lastOffset : row.fields[names.count].offset,
                     "row has \(row.fields.count) fields; the header has \(names.count) (\(names.joined(separator: ",")))")
                // Reject the agency-year the row belongs to, when it can be told, so that no
                // merge scores that report without the row.
                if kind != .agencies, let a = column["agency"], let y = column["year"], a < row.fields.count, y < row.fields.count,
                   let year = ValueSyntax.year(row.fields[y].value) {
                    failed.insert(ReportKeyValue(agency: row.fields[a].value.trimmingSpaces(), year: year))
                }
                continue
            }
            var cells = Cells(fields: row.fields, column: column)
            switch kind {
            case .agencies: agencyRow(&cells)
            default:
                guard let key = key(&cells) else { continue }
                var report = fragment(key, at: row.offset)
                let ok: Bool
                switch kind {
                case .answers: ok = answerRow(&cells, into: &report)
                case .checklist: ok = checklistRow(&cells, into: &report)
                case .indicators: ok = indicatorRow(&cells, into: &report)
                case .agencies: ok = true
                }
                fragments[key] = report
                if !ok { failed.insert(key) }
            }
        }
        result.reports = order.filter { !failed.contains($0) }.map { fragments[$0]! }
        result.rejected = Set(failed.map { ReportKey(agency: $0.agency, year: $0.year) })
    }

    private mutating func fragment(_ key: ReportKeyValue, at offset: Int) -> Report {
        if let existing = fragments[key] { return existing }
        order.append(key)
        return Report(agency: key.agency, year: key.year, rubric: rubric, origin: SourcePosition(file: file, offset: offset))
    }

    private mutating func key(_ cells: inout Cells) -> ReportKeyValue? {
        let agency = cells["agency"]
        let year = cells["year"]
        guard !agency.value.isEmpty else {
            fail(agency.offset, "empty 'agency'; expected an agency id such as kota-bandung")
            return nil
        }
        guard let y = ValueSyntax.year(year.value) else {
            fail(year.offset, "'year' is '\(year.value)'; expected a four-digit year such as 2024")
            return nil
        }
        return ReportKeyValue(agency: agency.value, year: y)
    }

    private mutating func required(_ cells: inout Cells, _ name: String) -> CSVTable.Field? {
        let field = cells[name]
        if field.value.isEmpty {
            fail(field.offset, "empty '\(name)'")
            return nil
        }
        return field
    }

    private mutating func number(_ field: CSVTable.Field, _ name: String) -> Double? {
        guard let value = ValueSyntax.number(field.value) else {
            fail(field.offset, "'\(name)' is '\(field.value)'; \(ValueSyntax.numberExpectation)")
            return nil
        }
        return value
    }

    private mutating func answerRow(_ cells: inout Cells, into report: inout Report) -> Bool {
        guard let criterion = required(&cells, "criterion"), let value = required(&cells, "value") else { return false }
        report.answers.append(Answer(id: criterion.value, value: value.value, offset: value.offset))
        return true
    }

    private mutating func checklistRow(_ cells: inout Cells, into report: inout Report) -> Bool {
        guard let criterion = required(&cells, "criterion") else { return false }
        var flags: [Bool] = []
        for (name, isRequired) in [("met", true), ("mandated", false), ("kept_1_year", false), ("kept_5_years", false)] {
            guard let field = cells.optional(name), !field.value.isEmpty else {
                if isRequired { fail(cells["met"].offset, "empty 'met'; \(ValueSyntax.flagExpectation)"); return false }
                flags.append(false)
                continue
            }
            guard let flag = ValueSyntax.flag(field.value) else {
                fail(field.offset, "'\(name)' is '\(field.value)'; \(ValueSyntax.flagExpectation)")
                return false
            }
            flags.append(flag)
        }
        report.checklist.append(ChecklistAnswer(criterion: criterion.value, met: flags[0], mandated: flags[1], kept1Year: flags[2], kept5Years: flags[3], offset: criterion.offset))
        return true
    }

    private mutating func indicatorRow(_ cells: inout Cells, into report: inout Report) -> Bool {
        guard let id = required(&cells, "indicator") else { return false }
        let polarityField = cells["polarity"]
        let polarityText = polarityField.value.trimmingSpaces().lowercased()
        guard let polarity = polarityText.isEmpty ? .positive : Polarity(rawValue: polarityText) else {
            fail(polarityField.offset, "'polarity' is '\(polarityField.value)'; expected positive or negative")
            return false
        }
        guard let realizationField = required(&cells, "realization"), let realization = number(realizationField, "realization") else { return false }
        let targetField = cells["target"]
        let lowField = cells.optional("target_low").flatMap { $0.value.isEmpty ? nil : $0 }
        let highField = cells.optional("target_high").flatMap { $0.value.isEmpty ? nil : $0 }
        let target: Indicator.Target
        if let lowField, let highField {
            guard let low = number(lowField, "target_low"), let high = number(highField, "target_high") else { return false }
            guard low <= high else {
                fail(lowField.offset, "'target_low' \(format(low)) is above 'target_high' \(format(high))")
                return false
            }
            target = .range(low: low, high: high)
        } else {
            guard !targetField.value.isEmpty else {
                fail(targetField.offset, "empty 'target'; expected a number, or both target_low and target_high")
                return false
            }
            guard let t = number(targetField, "target") else { return false }
            target = .value(t)
        }
        var weight = 1.0
        if let weightField = cells.optional("weight"), !weightField.value.isEmpty {
            guard let w = number(weightField, "weight") else { return false }
            guard w >= 0 else {
                fail(weightField.offset, "'weight' must not be negative")
                return false
            }
            weight = w
        }
        report.indicators.append(Indicator(
            id: id.value, name: cells.optional("name")?.value.nilIfEmpty, unit: cells.optional("unit")?.value.nilIfEmpty,
            polarity: polarity, target: target, realization: realization, weight: weight, offset: realizationField.offset))
        return true
    }

    private mutating func agencyRow(_ cells: inout Cells) {
        let agency = cells["agency"]
        guard !agency.value.isEmpty else {
            fail(agency.offset, "empty 'agency'")
            return
        }
        result.directory.append(AgencyInfo(agency: agency.value, name: cells["name"].value.nilIfEmpty,
                                           region: cells.optional("region")?.value.nilIfEmpty,
                                           origin: SourcePosition(file: file, offset: agency.offset)))
    }
}

/// A row's fields by column name.
private struct Cells {
    let fields: [CSVTable.Field]
    let column: [String: Int]

    subscript(name: String) -> CSVTable.Field {
        let field = fields[column[name]!]
        return CSVTable.Field(value: field.value.trimmingSpaces(), offset: field.offset)
    }

    func optional(_ name: String) -> CSVTable.Field? {
        column[name].map { CSVTable.Field(value: fields[$0].value.trimmingSpaces(), offset: fields[$0].offset) }
    }
}

/// Who an agency is, from an agencies CSV: applied to its reports from any file.
public struct AgencyInfo: Sendable, Hashable {
    public var agency: String
    public var name: String?
    public var region: String?
    public var origin: SourcePosition
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
