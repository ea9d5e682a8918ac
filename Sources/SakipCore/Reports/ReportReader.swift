import Foundation

/// Reads an input of any format, chosen by its name's extension or, without one, its content.
public enum ReportReader {
    /// - Parameters:
    ///   - defaultRubric: the rubric CSV rows are scored against (CSV carries none).
    ///   - layout: where the LKE sits in workbooks that are not sakip's own template and have
    ///     no layout file of their own beside them.
    ///   - jobs: workers a large CSV file may be read by (0: one per processor), so `--jobs 1`
    ///     means one thread.
    public static func read(_ source: SourceText, defaultRubric: String? = nil, layout: WorkbookLayout? = nil, jobs: Int = 0) -> ReportFile {
        read(source, defaultRubric: defaultRubric, layout: layout, jobs: jobs, placing: nil, remarks: true)
    }

    /// The placement of the rubric a report naming this rubric (or none) is scored against.
    package typealias PlacementProvider = @Sendable (_ named: String?) -> AnswerPlacement?

    /// - Parameters:
    ///   - placing: for XML and CSV reports scored right after reading, the placement of the
    ///     rubric a report naming a rubric (or none) is scored against.
    ///   - remarks: false when nothing will show notes and evidence: they are then not read.
    static func read(_ source: SourceText, defaultRubric: String?, layout: WorkbookLayout?, jobs: Int,
                     placing: PlacementProvider?, remarks: Bool) -> ReportFile {
        if let ext = InputExpansion.fileExtension(source.name), InputExpansion.unreadWorkbookExtensions.contains(ext) {
            return ReportFile(file: source.name, diagnostics: [Diagnostic(.workbook, at: .wholeFile(source.name), "cannot read .\(ext): \(InputExpansion.unreadWorkbookAdvice)")])
        }
        return switch InputExpansion.format(of: source.name, bytes: source.bytes) {
        case .xml: XMLReportReader.read(source, placing: placing, remarks: remarks)
        case .csv: CSVReportReader.read(source, rubric: defaultRubric, jobs: jobs, placing: placing, remarks: remarks)
        case .xlsx: readWorkbook(source, layout: layout)
        }
    }

    /// A workbook's own layout file beside it (`KKE.xlsx` -> `KKE.layout.yaml`) comes before the
    /// run's `--layout`, so a batch can mix partners' layouts.
    private static func readWorkbook(_ source: SourceText, layout: WorkbookLayout?) -> ReportFile {
        guard let ext = InputExpansion.fileExtension(source.name) else { return WorkbookReportReader.read(source, layout: layout) }
        let beside = String(source.name.dropLast(ext.count)) + "layout.yaml"
        guard FileManager.default.fileExists(atPath: beside) else { return WorkbookReportReader.read(source, layout: layout) }
        do {
            return WorkbookReportReader.read(source, layout: try WorkbookLayout.load(path: beside))
        } catch {
            return ReportFile(file: source.name, diagnostics: [Diagnostic(error.code, at: .wholeFile(source.name), "its layout file: \(error.text)")])
        }
    }

    /// Reads a report file (once); its format is told from its extension or content.
    public static func read(path: String, defaultRubric: String? = nil, layout: WorkbookLayout? = nil) -> ReportFile {
        read(InputItem.file(path), defaultRubric: defaultRubric, layout: layout)
    }

    /// Reads one input item: its bytes once, then its reports.
    package static func read(_ item: InputItem, defaultRubric: String?, layout: WorkbookLayout? = nil, jobs: Int = 0) -> ReportFile {
        read(item, defaultRubric: defaultRubric, layout: layout, jobs: jobs, placing: nil, remarks: true)
    }

    static func read(_ item: InputItem, defaultRubric: String?, layout: WorkbookLayout?, jobs: Int,
                     placing: PlacementProvider?, remarks: Bool) -> ReportFile {
        switch item.read() {
        case .success(let source): read(source, defaultRubric: defaultRubric, layout: layout, jobs: jobs, placing: placing, remarks: remarks)
        case .failure(let problem): ReportFile(file: item.name, diagnostics: [problem])
        }
    }
}
