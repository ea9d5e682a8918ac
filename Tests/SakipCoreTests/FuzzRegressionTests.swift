import Foundation
import Testing
@testable import SakipCore
import SakipFuzzing

/// Every input the fuzzers ever made crash, and the hostile inputs they were seeded with
/// (`Fuzz/regressions/`), through the same harness the fuzz targets run: each must give an
/// answer, reports or located diagnostics, and return.
@Suite("Fuzz regressions", .serialized)
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/regressions")

    static func inputs(_ target: String) -> [String] {
        let folder = root.appendingPathComponent(target).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    private func check(_ path: String, _ harness: ([UInt8]) -> FuzzHarness.Outcome) throws {
        let outcome = harness(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(outcome.reports + outcome.diagnostics > 0, "\(path) gave no answer")
        #expect(outcome.allLocated, "\(path) has a diagnostic without a place or message")
    }

    @Test(arguments: inputs("FuzzXMLReport"))
    func xml(_ path: String) throws { try check(path, FuzzHarness.xmlReport) }

    @Test(arguments: inputs("FuzzCSVReport"))
    func csv(_ path: String) throws { try check(path, FuzzHarness.csvReport) }

    @Test(arguments: inputs("FuzzYAMLRubric"))
    func yaml(_ path: String) throws { try check(path, FuzzHarness.yamlRubric) }

    @Test(arguments: inputs("FuzzWorkbook"))
    func workbook(_ path: String) throws { try check(path, FuzzHarness.workbook) }

    /// The crashes of out-of-range rows (issue 30) end with their own message, not elsewhere.
    @Test(arguments: [("row-huge-bad-letter.xml", "row number '562949953421312' is not a row of a sheet"),
                      ("row-max-then-unnumbered.xml", "row number '9223372036854775807' is not a row of a sheet"),
                      ("row-negative-in-identity.xml", "sheet 'Identity': row number '-6' is not a row of a sheet"),
                      ("row-negative-identity.xlsx", "sheet 'Identity': row number '-6' is not a row of a sheet"),
                      ("row-past-the-sheet.xml", "row number '3000000' is not a row of a sheet"),
                      ("unicode-blanks-and-formula.xml", "the answer to 1.1.2 is a formula with no computed value"),
                      ("shared-strings-structured.xml", "the cell refers to shared string 99, which the workbook does not hold")])
    func workbookRegressionsEndWithTheirOwnMessage(name: String, message: String) throws {
        let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent("FuzzWorkbook/\(name)")))
        let errors = FuzzHarness.workbookFile(bytes).errors
        #expect(errors.contains { $0.message.contains(message) }, "\(errors)")
    }

    @Test func everyTargetHasRegressionInputs() {
        for target in ["FuzzXMLReport", "FuzzCSVReport", "FuzzYAMLRubric", "FuzzWorkbook"] { #expect(Self.inputs(target).count >= 4, "\(target)") }
    }
}
