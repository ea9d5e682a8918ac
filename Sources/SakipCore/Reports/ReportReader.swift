/// Reads a report file of either format, chosen by extension or content.
public enum ReportReader {
    /// - Parameter defaultRubric: the rubric CSV rows are scored against (CSV carries none).
    public static func read(path: String, defaultRubric: String? = nil) -> ReportFile {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            return ReportFile(file: path, diagnostics: [Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), error.description)])
        }
        switch InputFiles.kind(of: path, bytes: bytes) {
        case .xml: return XMLReportReader.read(bytes, file: path)
        case .csv: return CSVReportReader.read(bytes, file: path, rubric: defaultRubric)
        }
    }
}
