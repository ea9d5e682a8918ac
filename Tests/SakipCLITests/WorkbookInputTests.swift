import Foundation
import Testing

/// Workbooks as inputs, through the binary: sakip's template saved by LibreOffice, and a
/// regency-style KKE read through its layout file (samples/workbooks, made by make_workbooks.py).
@Suite("Workbook inputs")
struct WorkbookInputTests {
    static let pairs = [("samples/workbooks/kota-bandung-2024.xlsx", "samples/kota-bandung-2024.xml"),
                        ("samples/workbooks/kab-merauke-2024-kke.xlsx", "samples/kab-merauke-2024.xml")]

    @Test(arguments: pairs.map(\.0))
    func goldenText(workbook: String) throws {
        let run = try Sakip.run(["score", workbook])
        #expect(run.status == 0, "\(run.stderr)")
        try Sakip.expectGolden(run.stdout, String(workbook.dropLast(".xlsx".count)) + ".expected.txt")
    }

    /// The workbook scores exactly as the XML report with the same answers (IKU stay in XML).
    @Test(arguments: pairs)
    func aWorkbookScoresAsItsXMLReport(workbook: String, xml: String) throws {
        let fromWorkbook = try scores(workbook)
        let fromXML = try scores(xml)
        #expect(fromWorkbook.total == fromXML.total && fromWorkbook.grade == fromXML.grade)
        #expect(fromWorkbook.components == fromXML.components)
    }

    private func scores(_ input: String) throws -> (total: Double, grade: String, components: [Double]) {
        let run = try Sakip.run(["score", input, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let card = try #require((object["reports"] as? [[String: Any]])?.first)
        let components = try #require(card["components"] as? [[String: Any]])
        let subs = components.flatMap { ($0["subcomponents"] as? [[String: Any]]) ?? [] }
        return (try #require(card["score"] as? Double), try #require(card["grade"] as? String),
                (components + subs).compactMap { $0["score"] as? Double })
    }

    @Test func aLayoutGivenWithLayoutReadsAWorkbookWithoutOne() throws {
        let folder = NSTemporaryDirectory() + "sakip-kke-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = folder + "/KKE Merauke.xlsx"
        try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/workbooks/kab-merauke-2024-kke.xlsx").path, toPath: copy)
        let without = try Sakip.run(["score", copy])
        #expect(without.status == 1)
        #expect(without.stderr.hasPrefix("\(copy): error: not a sakip LKE workbook (no sheet 'LKE' with the template's headers)"))
        let with = try Sakip.run(["score", copy, "--layout", "samples/workbooks/kab-merauke-2024-kke.layout.yaml", "--format", "json"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("\"score\": \(try scores("samples/kab-merauke-2024.xml").total)"))
    }

    @Test func aBadLayoutFileIsOneMessageAndExit2() throws {
        let run = try Sakip.run(["score", "samples/workbooks", "--layout", "README.md"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("sakip: error: README.md: "))
    }

    @Test func anOpenDocumentWorkbookIsRefusedSayingWhatToSaveItAs() throws {
        let path = NSTemporaryDirectory() + "sakip-\(UUID().uuidString).ods"
        FileManager.default.createFile(atPath: path, contents: Data([0x50, 0x4B, 0x03, 0x04]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Sakip.run(["score", path, "samples/kota-bandung-2024.xml"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("kota-bandung"))
        #expect(run.stderr == "\(path): error: cannot read .ods: a workbook format sakip does not read; save it as Excel Workbook (.xlsx)\n")
    }

    /// The evaluator's loop: a partner's workbooks ranked into a workbook.
    @Test func workbooksRankIntoAWorkbook() throws {
        let output = NSTemporaryDirectory() + "sakip-rank-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try Sakip.run(["rank", "samples/workbooks", "--format", "xlsx", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try Sakip.run(["rank", "samples/workbooks"])
        #expect(text.stdout.contains("kota-bandung") && text.stdout.contains("kab-merauke"))
        #expect(FileManager.default.fileExists(atPath: output))
    }
}
