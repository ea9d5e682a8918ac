import Foundation

/// Reads the long-form CSV files. The header row says what a file holds:
/// - answers: `agency,year,criterion,value` (optional `stage`, `evidence`, `note`); a sub-component
///   id in `criterion` gives that sub-component's grade;
/// - checklist: `agency,year,criterion,met` (optional `stage`, `mandated`, `kept_1_year`, `kept_5_years`,
///   `note`, `evidence`);
/// - indicators: `agency,year,indicator,polarity,target,realization` (optional `name`, `unit`,
///   `weight`, `target_low`, `target_high`; `target` may be empty when both bounds are given);
/// - budget: `agency,year,ceiling,realized`: the year's budget ceiling and what was spent, for the
///   efficiency check beside the indicators;
/// - agencies: `agency,name` (optional `region` and any other columns): who is who.
/// Rows become report fragments, merged across files by agency and year.
public enum CSVReportReader {
    public enum Kind: String, Sendable, CaseIterable {
        case answers, checklist, indicators, budget, agencies

        var required: [String] {
            switch self {
            case .answers: ["agency", "year", "criterion", "value"]
            case .checklist: ["agency", "year", "criterion", "met"]
            case .indicators: ["agency", "year", "indicator", "polarity", "target", "realization"]
            case .budget: ["agency", "year", "ceiling", "realized"]
            case .agencies: ["agency", "name"]
            }
        }

        var optional: [String] {
            switch self {
            case .answers: ["stage", "evidence", "note"]
            case .checklist: ["stage", "mandated", "kept_1_year", "kept_5_years", "note", "evidence"]
            case .indicators: ["name", "unit", "weight", "target_low", "target_high"]
            case .budget, .agencies: []
            }
        }

        /// The kind whose required columns the header holds; the most specific match wins.
        static func recognise(_ columns: Set<String>) -> Kind? {
            let order: [Kind] = [.indicators, .checklist, .budget, .answers, .agencies]
            return order.first { Set($0.required).isSubset(of: columns) }
        }
    }

    /// Files from this size on are split at record boundaries and read by several workers.
    static let chunkedSize = 8 << 20

    /// Reads CSV held in memory; `file` names it in diagnostics.
    public static func read(_ bytes: [UInt8], file: String, rubric: String?) -> ReportFile {
        read(SourceText(name: file, bytes: bytes), rubric: rubric)
    }

    /// - Parameter jobs: how many workers a large file may be read by; 0 for one per processor.
    public static func read(_ source: SourceText, rubric: String?, jobs: Int = 0) -> ReportFile {
        read(source, rubric: rubric, jobs: jobs, placing: nil, remarks: true)
    }

    /// - Parameters:
    ///   - placing: when given, plain answer rows are placed on the rubric as they are read
    ///     (`Report.placed`) instead of becoming `Answer`s: only for reports scored right away.
    ///   - remarks: false when nothing will show the `note` and `evidence` columns: no string
    ///     is then built for them.
    package static func read(_ source: SourceText, rubric: String?, jobs: Int, placing: ReportReader.PlacementProvider?, remarks: Bool) -> ReportFile {
        let workers = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
        let size = source.bytes.count
        let parts = size >= chunkedSize ? max(workers, size / partSize) : 1
        return read(source, rubric: rubric, parts: parts, jobs: workers, placing: placing, remarks: remarks)
    }

    /// Reads CSV held in memory in `parts` record-aligned chunks; `file` names it in diagnostics.
    static func read(_ bytes: [UInt8], file: String, rubric: String?, parts: Int) -> ReportFile {
        read(SourceText(name: file, bytes: bytes), rubric: rubric, parts: parts)
    }

    /// A large file is read in parts of about this size, each parsed and read by one task that
    /// then drops its table: the next part's table reuses that memory instead of touching fresh
    /// pages (a page fault each), and parts left over balance the workers.
    static let partSize = 2 << 20

    /// Reads in `parts` record-aligned chunks, by `jobs` workers (0: as many as parts); the result
    /// does not depend on either: chunks are merged in file order, as if read in one pass.
    static func read(_ source: SourceText, rubric: String?, parts: Int, jobs: Int = 0,
                     placing: ReportReader.PlacementProvider? = nil, remarks: Bool = true) -> ReportFile {
        let bytes = source.bytes, file = source.name
        let ranges = CSVTable.recordAlignedRanges(bytes, parts: parts)
        let delimiter = CSVTable.delimiter(of: bytes)
        // The header alone says what the file holds. A header that does not parse is reported
        // by the first part, like any other syntax error.
        var layoutReader = CSVReportBuilder(source: source, rubric: rubric)
        let header = try? CSVTable.parse(bytes, file: file, range: ranges[0], delimiter: delimiter, records: 1)
        let layout = header.flatMap { layoutReader.layout($0) }
        let placement = layout?.kind == .answers ? placing?(rubric) : nil
        let chunks = Parallel.map(Array(ranges.enumerated()), jobs: jobs > 0 ? jobs : parts, progress: nil) { i, range in
            Result { () throws(Diagnostic) -> CSVChunk in
                let table = try CSVTable.parse(bytes, file: file, range: range, delimiter: delimiter)
                var chunk = CSVChunk(recordOffsets: table.recordOffsets, linesAreRecords: table.linesAreRecords)
                guard let layout else { return chunk }
                var builder = CSVReportBuilder(source: source, rubric: rubric, placement: placement, remarks: remarks)
                chunk.fragments = builder.readRows(table, from: i == 0 ? 1 : 0, layout: layout)
                (chunk.partial, chunk.failed) = (builder.result, builder.failed)
                return chunk
            }
        }
        var read: [CSVChunk] = []
        read.reserveCapacity(chunks.count)
        for chunk in chunks {
            switch chunk {
            case .success(let chunk): read.append(chunk)
            case .failure(let error):
                var refused = ReportFile(file: file, diagnostics: [error])
                refused.refusedWhole = true
                return refused
            }
        }
        // When every line is one record, the records are the lines: locating a report in a large
        // file then needs no second scan of it.
        if let starts = CSVTable.lineStarts(ofRecords: read.map { ($0.recordOffsets, $0.linesAreRecords) }, in: bytes) {
            source.adoptLineStarts(starts)
        }
        guard layout != nil else {
            var refused = layoutReader.result
            refused.refusedWhole = true
            refused.rejected = salvagedKeys(bytes, file: file, delimiter: delimiter)
            return refused
        }
        return merge(read, file: file)
    }

    /// The agency-years a file refused for its header still names, read from its `agency` and
    /// `year` columns: their reports must not be ranked from the other files alone.
    private static func salvagedKeys(_ bytes: [UInt8], file: String, delimiter: UInt8) -> Set<ReportKey> {
        guard let table = try? CSVTable.parse(bytes, file: file, range: 0..<bytes.count, delimiter: delimiter), table.recordCount > 1 else { return [] }
        let names = table.fields(record: 0).map { $0.value.trimmingSpaces().lowercased() }
        guard let agency = names.firstIndex(of: "agency"), let year = names.firstIndex(of: "year") else { return [] }
        var keys = Set<ReportKey>()
        for record in 1..<table.recordCount where table.fieldCount(record: record) > max(agency, year) {
            let fields = table.fields(record: record)
            let id = fields[agency].value.trimmingSpaces()
            if !id.isEmpty, let value = ValueSyntax.year(fields[year].value) { keys.insert(ReportKey(agency: id, year: value)) }
        }
        return keys
    }

    /// The chunks' reports in file order, fragments of one agency-year merged.
    private static func merge(_ chunks: [CSVChunk], file: String) -> ReportFile {
        var result = ReportFile(file: file)
        result.isFragmentary = true
        var reports: [Report] = []
        reports.reserveCapacity(chunks.reduce(0) { $0 + $1.fragments.count })
        var index: [ReportKey: Int] = [:]
        var failed = Set<ReportKey>()
        for chunk in chunks {
            result.diagnostics += chunk.partial.diagnostics
            result.directory += chunk.partial.directory
            failed.formUnion(chunk.failed)
            for report in chunk.fragments {
                let key = ReportKey(report)
                if let i = index[key] {
                    reports[i].absorb(report)
                } else {
                    index[key] = reports.count
                    reports.append(report)
                }
            }
        }
        result.reports = failed.isEmpty ? reports : reports.filter { !failed.contains(ReportKey($0)) }
        result.rejected = failed
        return result
    }
}

/// What one record-aligned part of a file gave: its records' offsets, and what its rows said.
private struct CSVChunk: Sendable {
    var recordOffsets: [Int]
    var linesAreRecords: Bool
    var partial = ReportFile(file: "")
    var fragments: [Report] = []
    var failed = Set<ReportKey>()
}

/// What the header row says: the kind of file and where each column is.
private struct CSVLayout: Sendable {
    var kind: CSVReportReader.Kind
    var names: [String]
    var column: [String: Int]
}

private struct CSVReportBuilder {
    let source: SourceText
    let rubric: String?
    /// Where answer rows are placed as they are read (see `placeAnswer`), or nil.
    let placement: AnswerPlacement?
    /// Whether `note` and `evidence` are kept (`Report.remarks`).
    let keepsRemarks: Bool
    var result: ReportFile
    private(set) var failed = Set<ReportKey>()
    /// A `;` file comes from a decimal-comma locale: its numbers are written `82,5`.
    private var decimalComma = false

    init(source: SourceText, rubric: String?, placement: AnswerPlacement? = nil, remarks: Bool = true) {
        self.source = source
        self.rubric = rubric
        self.placement = placement
        keepsRemarks = remarks
        result = ReportFile(file: source.name)
        result.isFragmentary = true
    }

    private mutating func fail(_ code: DiagnosticCode, _ offset: Int, _ message: Message) {
        result.diagnostics.append(Diagnostic(code, at: source.location(of: offset), message))
    }

    /// The file's kind and columns from its header row, or nil (with a diagnostic) when it is not one of ours.
    mutating func layout(_ table: CSVTable) -> CSVLayout? {
        guard table.recordCount > 0 else {
            fail(.csvHeader, 0, "empty CSV file; expected a header row such as agency,year,criterion,value")
            return nil
        }
        var header = table.fields(record: 0)
        // Columns a spreadsheet writes empty at the end of every row (`note;;`) are no columns.
        while let last = header.last, header.count > 1, last.value.trimmingSpaces().isEmpty { header.removeLast() }
        let names = header.map { $0.value.trimmingSpaces().lowercased() }
        guard let kind = CSVReportReader.Kind.recognise(Set(names)) else {
            let expected = CSVReportReader.Kind.allCases.map { $0.required.joined(separator: ",") }.joined(separator: " | ")
            fail(.csvHeader, header[0].offset, "unrecognised CSV header '\(names.joined(separator: ","))'; expected one of: \(expected)")
            return nil
        }
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if column[name] != nil {
                fail(.csvHeader, header[i].offset, "duplicate column '\(name)'")
                return nil
            }
            column[name] = i
        }
        return CSVLayout(kind: kind, names: names, column: column)
    }

    /// A field or record longer than `InputLimits` allows: where, and what is wrong.
    static func overLimit(_ table: CSVTable, record: Int, fields: Int) -> (Int, Message)? {
        guard fields > 0 else { return nil }
        let length = table.recordLength(record)
        if length > InputLimits.csvRecordBytes {
            return (Int(table.span(record: record, field: 0).start), "row of \(length) bytes, longer than the \(InputLimits.describe(InputLimits.csvRecordBytes)) a row may hold")
        }
        for field in 0..<fields {
            let span = table.span(record: record, field: field)
            if Int(span.end - span.start) > InputLimits.csvFieldBytes {
                return (Int(span.start), "field of \(span.end - span.start) bytes, longer than the \(InputLimits.describe(InputLimits.csvFieldBytes)) a field may hold")
            }
        }
        return nil
    }

    /// Reads records `from...` of a table; returns the report fragments in first-seen order.
    mutating func readRows(_ table: CSVTable, from firstRecord: Int, layout: CSVLayout) -> [Report] {
        decimalComma = table.delimiter == UInt8(ascii: ";")
        let kind = layout.kind, names = layout.names, column = layout.column
        let columns = Columns(column)
        // Fragments in first-seen order, mutated in place; found by agency and year.
        var fragments: [Report] = []
        var index: [ReportKey: Int] = [:]
        // The last row's agency and year as they are written, and its fragment: no `String` per row.
        var lastAgency: CSVTable.Span?
        var lastYear = CSVTable.Span(start: 0, end: 0, quoted: false, escaped: false)
        var lastIndex = -1
        guard firstRecord < table.recordCount else { return [] }
        for record in firstRecord..<table.recordCount {
            let count = table.fieldCount(record: record)
            // One subtraction a row; the fields are looked at only when the row is long.
            if table.recordLength(record) > InputLimits.csvFieldBytes, let (offset, message) = Self.overLimit(table, record: record, fields: count) {
                fail(.csvTooLong, offset, message)
                if kind != .agencies, columns.agency < count, columns.year < count,
                   let year = table.year(table.span(record: record, field: columns.year)) {
                    failed.insert(ReportKey(agency: table.string(table.span(record: record, field: columns.agency)), year: year))
                }
                continue
            }
            // A row of separators only (`;;;;`, a formatted range Excel writes) is a blank line.
            if table.isBlank(table.span(record: record, field: 0)), table.isBlankRecord(record) { continue }
            guard count == names.count || (count > names.count && table.isBlank(record: record, from: names.count)) else {
                let blamed = table.span(record: record, field: count < names.count ? count - 1 : names.count)
                fail(.csvSyntax, Int(blamed.offset), "row has \(count) fields; the header has \(names.count) (\(names.joined(separator: ",")))")
                // Reject the agency-year the row belongs to, when it can be told, so that no
                // merge scores that report without the row.
                if kind != .agencies, columns.agency < count, columns.year < count,
                   let year = table.year(table.span(record: record, field: columns.year)) {
                    failed.insert(ReportKey(agency: table.string(table.span(record: record, field: columns.agency)), year: year))
                }
                continue
            }
            let row = Cells(table: table, record: record, columns: column)
            if kind == .agencies {
                agencyRow(row)
                continue
            }
            // Rows of one agency usually follow each other: compare bytes before building a key.
            let agencySpan = row.span(columns.agency), yearSpan = row.span(columns.year)
            let i: Int
            if let lastAgency, table.sameBytes(agencySpan, lastAgency), table.sameBytes(yearSpan, lastYear) {
                i = lastIndex
            } else {
                guard let key = makeKey(row, columns) else { continue }
                if let existing = index[key] {
                    i = existing
                } else {
                    i = fragments.count
                    index[key] = i
                    var fragment = Report(agency: key.agency, year: key.year, rubric: rubric, origin: SourcePosition(source, offset: table.recordOffsets[record]))
                    fragment.placed = placement.map(PlacedAnswers.init)
                    fragments.append(fragment)
                }
                lastAgency = agencySpan
                lastYear = yearSpan
                lastIndex = i
            }
            let ok: Bool
            switch kind {
            case .answers: ok = placeAnswer(row, columns, into: &fragments[i]) || answerRow(row, columns, into: &fragments[i])
            case .checklist: ok = checklistRow(row, into: &fragments[i])
            case .indicators: ok = indicatorRow(row, into: &fragments[i])
            case .budget: ok = budgetRow(row, into: &fragments[i])
            case .agencies: ok = true
            }
            if !ok {
                failed.insert(ReportKey(fragments[i]))
            } else if keepsRemarks, kind != .indicators, kind != .budget, columns.note != nil || columns.evidence != nil {
                remark(row, columns, into: &fragments[i])
            }
        }
        return fragments
    }

    /// The row's note and evidence, when either is filled: strings are built only then.
    private func remark(_ row: Cells, _ columns: Columns, into report: inout Report) {
        func text(_ column: Int?) -> String? {
            guard let column, !row.table.isBlank(row.span(column)) else { return nil }
            return row.string(column)
        }
        let note = text(columns.note), evidence = text(columns.evidence)
        guard note != nil || evidence != nil, let criterion = columns.criterion else { return }
        // The row was read, so its stage, when named, is a stage.
        let stage = text(columns.stage).flatMap { Stage(name: $0) } ?? .final
        if let remark = Remark(criterion: row.string(criterion).trimmingSpaces(), stage: stage, note: note, evidence: evidence) {
            report.remarks.append(remark)
        }
    }

    private mutating func makeKey(_ row: Cells, _ columns: Columns) -> ReportKey? {
        let agency = row.string(columns.agency)
        guard !agency.isEmpty else {
            fail(.missingValue, row.offset(columns.agency), "empty 'agency'; expected an agency id such as kota-bandung")
            return nil
        }
        guard let year = row.table.year(row.span(columns.year)) else {
            fail(.invalidYear, row.offset(columns.year), "'year' is '\(row.string(columns.year))'; expected a four-digit year such as 2024")
            return nil
        }
        return ReportKey(agency: agency, year: year)
    }

    private mutating func required(_ row: Cells, _ name: String) -> CSVTable.Field? {
        let field = row[name]
        if field.value.isEmpty {
            fail(.missingValue, field.offset, "empty '\(name)'")
            return nil
        }
        return field
    }

    private mutating func number(_ field: CSVTable.Field, _ name: String) -> Double? {
        guard let value = ValueSyntax.number(field.value, decimalComma: decimalComma) else {
            fail(.invalidNumber, field.offset, "'\(name)' is '\(field.value)'; \(decimalComma ? ValueSyntax.decimalCommaExpectation : ValueSyntax.numberExpectation)")
            return nil
        }
        return value
    }

    private mutating func answerRow(_ row: Cells, _ columns: Columns, into report: inout Report) -> Bool {
        let criterion = row.string(columns.criterion!), value = row.string(columns.value!)
        guard !criterion.isEmpty else { fail(.missingValue, row.offset(columns.criterion!), "empty 'criterion'"); return false }
        guard !value.isEmpty else { fail(.missingValue, row.offset(columns.value!), "empty 'value'"); return false }
        guard let stage = stage(row, column: columns.stage) else { return false }
        report.answers.append(Answer(id: criterion, value: value, offset: row.offset(columns.value!), stage: stage))
        return true
    }

    /// Places a final answer whose criterion and letter are written plainly (not quoted with
    /// `""` inside, no stage named) from the row's bytes, as `AnswerPlacement` allows; false for
    /// anything else, with every answer placed so far handed back to the report as `Answer`s, so
    /// that `answerRow` reads this row and the rest of the report as the full path does.
    private func placeAnswer(_ row: Cells, _ columns: Columns, into report: inout Report) -> Bool {
        let table = row.table
        let criterion = row.span(columns.criterion!), value = row.span(columns.value!)
        let plain = !criterion.escaped && !value.escaped && !(columns.stage.map { !table.isBlank(row.span($0)) } ?? false)
        // `report.placed?` mutates in place; nil when the report places nothing (any more).
        let placed = plain ? table.withTrimmedBytes(criterion, value) { id, letter in
            id.isEmpty || letter.isEmpty ? false : report.placed?.place(id: id, letter: letter, offset: Int(value.offset))
        } : false
        if placed == false { report.unplace() }
        return placed == true
    }

    /// The row's `stage`: final when the column is absent or empty; nil (an error) when unknown.
    private mutating func stage(_ row: Cells) -> Stage? {
        stage(row, column: row.columns["stage"])
    }

    private mutating func stage(_ row: Cells, column: Int?) -> Stage? {
        guard let column, case let field = row.field(column), !field.value.isEmpty else { return .final }
        guard let stage = Stage(name: field.value) else {
            fail(.invalidStage, field.offset, "'stage' is '\(field.value)'; \(Stage.expectation)")
            return nil
        }
        return stage
    }

    private mutating func checklistRow(_ row: Cells, into report: inout Report) -> Bool {
        guard let criterion = required(row, "criterion") else { return false }
        var flags: [Bool] = []
        for (name, isRequired) in [("met", true), ("mandated", false), ("kept_1_year", false), ("kept_5_years", false)] {
            guard let field = row.optional(name), !field.value.isEmpty else {
                if isRequired { fail(.missingValue, row["met"].offset, "empty 'met'; \(ValueSyntax.flagExpectation)"); return false }
                flags.append(false)
                continue
            }
            guard let flag = ValueSyntax.flag(field.value) else {
                fail(.invalidFlag, field.offset, "'\(name)' is '\(field.value)'; \(ValueSyntax.flagExpectation)")
                return false
            }
            flags.append(flag)
        }
        guard let stage = stage(row) else { return false }
        report.checklist.append(ChecklistAnswer(criterion: criterion.value, met: flags[0], mandated: flags[1], kept1Year: flags[2], kept5Years: flags[3],
                                                offset: criterion.offset, stage: stage))
        return true
    }

    private mutating func indicatorRow(_ row: Cells, into report: inout Report) -> Bool {
        guard let id = required(row, "indicator") else { return false }
        let polarityField = row["polarity"]
        let polarityText = polarityField.value.lowercased()
        guard let polarity = polarityText.isEmpty ? .positive : Polarity(rawValue: polarityText) else {
            fail(.invalidPolarity, polarityField.offset, "'polarity' is '\(polarityField.value)'; expected positive or negative")
            return false
        }
        guard let realizationField = required(row, "realization"), let realization = number(realizationField, "realization") else { return false }
        let targetField = row["target"]
        let lowField = row.optional("target_low").flatMap { $0.value.isEmpty ? nil : $0 }
        let highField = row.optional("target_high").flatMap { $0.value.isEmpty ? nil : $0 }
        let target: Indicator.Target
        if let lowField, let highField {
            guard let low = number(lowField, "target_low"), let high = number(highField, "target_high") else { return false }
            guard low <= high else {
                fail(.invalidTarget, lowField.offset, "'target_low' \(format(low)) is above 'target_high' \(format(high))")
                return false
            }
            target = .range(low: low, high: high)
        } else {
            guard !targetField.value.isEmpty else {
                fail(.invalidTarget, targetField.offset, "empty 'target'; expected a number, or both target_low and target_high")
                return false
            }
            guard let t = number(targetField, "target") else { return false }
            target = .value(t)
        }
        var weight = 1.0
        if let weightField = row.optional("weight"), !weightField.value.isEmpty {
            guard let w = number(weightField, "weight") else { return false }
            guard w >= 0 else {
                fail(.negativeWeight, weightField.offset, "'weight' must not be negative")
                return false
            }
            weight = w
        }
        report.indicators.append(Indicator(
            id: id.value, name: row.optional("name")?.value.nilIfEmpty, unit: row.optional("unit")?.value.nilIfEmpty,
            polarity: polarity, target: target, realization: realization, weight: weight, offset: realizationField.offset))
        return true
    }

    private mutating func budgetRow(_ row: Cells, into report: inout Report) -> Bool {
        guard let ceilingField = required(row, "ceiling"), let ceiling = number(ceilingField, "ceiling"),
              let realizedField = required(row, "realized"), let realized = number(realizedField, "realized")
        else { return false }
        guard ceiling >= 0, realized >= 0 else {
            fail(.invalidNumber, ceilingField.offset, "a budget's 'ceiling' and 'realized' are amounts, 0 or more")
            return false
        }
        guard report.budget == nil else {
            fail(.duplicateAnswer, ceilingField.offset, "a second budget row for \(report.agency) \(report.year); give one")
            return false
        }
        report.budget = Budget(ceiling: ceiling, realized: realized)
        return true
    }

    private mutating func agencyRow(_ row: Cells) {
        let agency = row["agency"]
        guard !agency.value.isEmpty else {
            fail(.missingValue, agency.offset, "empty 'agency'")
            return
        }
        result.directory.append(AgencyInfo(agency: agency.value, name: row["name"].value.nilIfEmpty,
                                           region: row.optional("region")?.value.nilIfEmpty,
                                           origin: SourcePosition(source, offset: agency.offset)))
    }
}

/// Positions of the columns read on every row, looked up once per file.
private struct Columns {
    let agency: Int
    let year: Int
    let criterion: Int?
    let value: Int?
    /// Looked up once here, not by name on every answer row.
    let stage: Int?
    let note: Int?
    let evidence: Int?
    init(_ column: [String: Int]) {
        agency = column["agency"]!
        year = column["year"] ?? column["agency"]!
        criterion = column["criterion"]
        value = column["value"]
        stage = column["stage"]
        note = column["note"]
        evidence = column["evidence"]
    }
}

/// One record's fields by column name; a field's `String` is built only when asked for.
private struct Cells {
    let table: CSVTable
    let record: Int
    let columns: [String: Int]

    func span(_ column: Int) -> CSVTable.Span { table.span(record: record, field: column) }
    func string(_ column: Int) -> String { table.string(span(column)) }
    func offset(_ column: Int) -> Int { Int(span(column).offset) }

    func field(_ column: Int) -> CSVTable.Field { CSVTable.Field(value: string(column), offset: offset(column)) }

    subscript(name: String) -> CSVTable.Field { field(columns[name]!) }

    func optional(_ name: String) -> CSVTable.Field? { columns[name].map(field) }
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
