import Foundation

/// Checks reports against the bundled XML Schema (`schema/sakip-report.xsd`).
public enum ReportSchema {
    /// Path of the bundled schema.
    public static var path: String? {
        ResourceBundle.directory.map { $0.appendingPathComponent("schema/sakip-report.xsd").path }
    }

    /// Validates each input; the schema is compiled once per call. Returns the violations of each
    /// input, in input order.
    public static func validate(_ sources: [SourceText]) -> [[Diagnostic]] {
        guard let path else {
            return sources.map { [Diagnostic(.internalError, at: .wholeFile($0.name), ResourceBundle.missingMessage)] }
        }
        let schema: XMLSchema
        do {
            schema = try XMLSchema(path: path)
        } catch {
            return sources.map { _ in [error] }
        }
        return sources.map { LibXML2.validate($0.bytes, file: $0.name, against: schema) }
    }
}
