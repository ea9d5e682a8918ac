/// Reads an input of either format, chosen by its name's extension or, without one, its content.
public enum ReportReader {
    /// - Parameter defaultRubric: the rubric CSV rows are scored against (CSV carries none).
    public static func read(_ source: SourceText, defaultRubric: String? = nil) -> ReportFile {
        switch InputExpansion.format(of: source.name, bytes: source.bytes) {
        case .xml: XMLReportReader.read(source)
        case .csv: CSVReportReader.read(source, rubric: defaultRubric)
        }
    }

    /// Reads a report file (once); its format is told from its extension or content.
    public static func read(path: String, defaultRubric: String? = nil) -> ReportFile {
        read(InputItem.file(path), defaultRubric: defaultRubric)
    }

    /// Reads one input item: its bytes once, then its reports.
    package static func read(_ item: InputItem, defaultRubric: String?) -> ReportFile {
        switch item.read() {
        case .success(let source): read(source, defaultRubric: defaultRubric)
        case .failure(let problem): ReportFile(file: item.name, diagnostics: [problem])
        }
    }
}
