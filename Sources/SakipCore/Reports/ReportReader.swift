/// Reads an input of any format, chosen by its name's extension or, without one, its content.
public enum ReportReader {
    /// - Parameters:
    ///   - defaultRubric: the rubric CSV rows are scored against (CSV carries none).
    ///   - layout: where the LKE sits in workbooks that are not sakip's own template.
    public static func read(_ source: SourceText, defaultRubric: String? = nil, layout: WorkbookLayout? = nil) -> ReportFile {
        if let ext = InputExpansion.fileExtension(source.name), InputExpansion.unreadWorkbookExtensions.contains(ext) {
            return ReportFile(file: source.name, diagnostics: [Diagnostic(.workbook, at: .wholeFile(source.name), "cannot read .\(ext): \(InputExpansion.unreadWorkbookAdvice)")])
        }
        return switch InputExpansion.format(of: source.name, bytes: source.bytes) {
        case .xml: XMLReportReader.read(source)
        case .csv: CSVReportReader.read(source, rubric: defaultRubric)
        case .xlsx: WorkbookReportReader.read(source, layout: layout)
        }
    }

    /// Reads a report file (once); its format is told from its extension or content.
    public static func read(path: String, defaultRubric: String? = nil, layout: WorkbookLayout? = nil) -> ReportFile {
        read(InputItem.file(path), defaultRubric: defaultRubric, layout: layout)
    }

    /// Reads one input item: its bytes once, then its reports.
    package static func read(_ item: InputItem, defaultRubric: String?, layout: WorkbookLayout? = nil) -> ReportFile {
        switch item.read() {
        case .success(let source): read(source, defaultRubric: defaultRubric, layout: layout)
        case .failure(let problem): ReportFile(file: item.name, diagnostics: [problem])
        }
    }
}
