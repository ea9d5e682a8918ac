import Foundation

/// Checks report files against the bundled XML Schema (`schema/sakip-report.xsd`).
public enum ReportSchema {
    /// Path of the bundled schema.
    public static var path: String? {
        ResourceBundle.directory.map { $0.appendingPathComponent("schema/sakip-report.xsd").path }
    }

    /// Validates each file; the schema is compiled once per call. Returns the violations per file, in input order.
    public static func validate(_ files: [String]) -> [(file: String, diagnostics: [Diagnostic])] {
        guard let path else {
            return files.map { ($0, [Diagnostic(at: SourceLocation(file: $0, line: 1, column: 1), ResourceBundle.missingMessage)]) }
        }
        let schema: XMLSchema
        do {
            schema = try XMLSchema(path: path)
        } catch {
            return files.map { ($0, [error]) }
        }
        return files.map { file in
            do throws(FileBytes.ReadError) {
                return (file, LibXML2.validate(try FileBytes.read(file), file: file, against: schema))
            } catch {
                return (file, [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), error.description)])
            }
        }
    }
}
