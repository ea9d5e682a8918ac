import Foundation
import Testing

/// `sakip template`: the LKE workbook's live formulas, recalculated by LibreOffice Calc, give the
/// total and the grade sakip gives for the same answers.
@Suite("LKE workbook template")
struct TemplateTests {
    /// Every sample, the checklist rubric's among them.
    static var samples: [String] { Sakip.samples }

    @Test func aTemplateIsWrittenWithItsNamesDropDownsAndFormulas() throws {
        let folder = NSTemporaryDirectory() + "sakip-lke-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Sakip.run(["template", "--rubric", "permenpanrb-88-2021", "--agency", "kota-x", "--year", "2025", "--lang", "id", "--output", folder + "/lke.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "menulis \(folder)/lke.xlsx: rubrik permenpanrb-88-2021, 0 jawaban terisi\n")
        let unzip = try Sakip.run(["-p", folder + "/lke.xlsx", "xl/workbook.xml", "xl/worksheets/sheet2.xml"], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        guard unzip.status == 0 else { return }  // no unzip here: the LibreOffice test below still checks the formulas
        #expect(unzip.stdout.contains("<definedName name=\"Total\">LKE!$G$"))
        #expect(unzip.stdout.contains("<definedName name=\"Predikat\">LKE!$G$"))
        #expect(unzip.stdout.contains("<dataValidation type=\"list\""))
        #expect(unzip.stdout.contains("&quot;AA,A,BB,B,CC,C,D,E&quot;"))
        #expect(unzip.stdout.contains("Jawaban Mandiri"))
        #expect(unzip.stdout.contains("fullCalcOnLoad=\"1\""))
    }

    /// A checklist rubric's workbook has the four Y/T flags per criterion and reads back to the same score.
    @Test func aChecklistTemplateHasFlagsAndReadsBack() throws {
        let folder = NSTemporaryDirectory() + "sakip-lke-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sample = "samples/kab-lombok-barat-2024.xml"
        let run = try Sakip.run(["template", "--from", sample, "--output", folder + "/lke.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        let fromWorkbook = try Sakip.run(["score", folder + "/lke.xlsx", "--format", "csv"])
        let fromXML = try Sakip.run(["score", sample, "--format", "csv"])
        #expect(fromWorkbook.status == 0)
        #expect(fromWorkbook.stdout == fromXML.stdout)
        let unzip = try Sakip.run(["-p", folder + "/lke.xlsx", "xl/worksheets/sheet2.xml"], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        guard unzip.status == 0 else { return }
        #expect(unzip.stdout.contains("Kept 5 years"))
        #expect(unzip.stdout.contains("&quot;Y,T&quot;"))
        #expect(unzip.stdout.contains("COUNTIFS("))
    }

    @Test(.enabled(if: Self.soffice != nil), arguments: samples)
    func libreOfficeComputesSakipsScore(sample: String) throws {
        let folder = NSTemporaryDirectory() + "sakip-lke-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Sakip.run(["template", "--from", sample, "--output", folder + "/lke.xlsx"])
        #expect(written.status == 0, "\(written.stderr)")
        let converted = try Sakip.run(["--headless", "--norestore", "-env:UserInstallation=file://\(folder)/profile",
                                       "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                                       "--outdir", folder, folder + "/lke.xlsx"], executable: URL(fileURLWithPath: try #require(Self.soffice)))
        #expect(converted.status == 0, "\(converted.stderr)")
        let rows = try String(contentsOfFile: folder + "/lke-LKE.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        // The evaluator's value column: G, or I in a checklist rubric's sheet (flags in D to G).
        let column = rows.first?[3] == "Met" ? 8 : 6
        let total = try #require(rows.first { $0.count > column && $0[1] == "Total" })
        let grade = try #require(rows.first { $0.count > column && $0[1] == "Grade" })
        let score = try Sakip.run(["score", sample, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let card = try #require((object["reports"] as? [[String: Any]])?.first)
        let expected = try #require(card["score"] as? Double)
        let computed = try #require(Double(String(total[column])))
        #expect(abs(computed - expected) < 1e-9, "\(sample): Calc \(computed), sakip \(expected)")
        #expect(String(grade[column]) == card["grade"] as? String)
    }

    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
