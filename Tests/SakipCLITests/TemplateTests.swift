import Foundation
import Testing

/// `sakip template`: the LKE workbook's live formulas, recalculated by LibreOffice Calc, give the
/// total and the grade sakip gives for the same answers.
@Suite("LKE workbook template")
struct TemplateTests {
    /// Every sample whose rubric has a workbook template (not the checklist one).
    static var samples: [String] {
        Sakip.samples.filter { sample in
            let text = (try? String(contentsOf: Sakip.packageRoot.appendingPathComponent(sample), encoding: .utf8)) ?? ""
            return !text.contains("checklist")
        }
    }

    @Test func aTemplateIsWrittenWithItsNamesDropDownsAndFormulas() throws {
        let folder = NSTemporaryDirectory() + "sakip-lke-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Sakip.run(["template", "--rubric", "permenpanrb-88-2021", "--agency", "kota-x", "--year", "2025", "--lang", "id", "--output", folder + "/lke.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(folder)/lke.xlsx: rubric permenpanrb-88-2021, 0 answers filled\n")
        let unzip = try Sakip.run(["-p", folder + "/lke.xlsx", "xl/workbook.xml", "xl/worksheets/sheet2.xml"], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        guard unzip.status == 0 else { return }  // no unzip here: the LibreOffice test below still checks the formulas
        #expect(unzip.stdout.contains("<definedName name=\"Total\">LKE!$G$"))
        #expect(unzip.stdout.contains("<definedName name=\"Predikat\">LKE!$G$"))
        #expect(unzip.stdout.contains("<dataValidation type=\"list\""))
        #expect(unzip.stdout.contains("&quot;AA,A,BB,B,CC,C,D,E&quot;"))
        #expect(unzip.stdout.contains("Jawaban Mandiri"))
        #expect(unzip.stdout.contains("fullCalcOnLoad=\"1\""))
    }

    @Test func checklistRubricsAreRefusedClearly() throws {
        let run = try Sakip.run(["template", "--rubric", "permenpanrb-88-2021-checklist", "--output", "/tmp/never.xlsx"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("sakip: error: rubric permenpanrb-88-2021-checklist is scored by checklists"))
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
        let total = try #require(rows.first { $0.count > 6 && $0[1] == "Total" })
        let grade = try #require(rows.first { $0.count > 6 && $0[1] == "Grade" })
        let score = try Sakip.run(["score", sample, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let card = try #require((object["reports"] as? [[String: Any]])?.first)
        let expected = try #require(card["score"] as? Double)
        let computed = try #require(Double(String(total[6])))
        #expect(abs(computed - expected) < 1e-9, "\(sample): Calc \(computed), sakip \(expected)")
        #expect(String(grade[6]) == card["grade"] as? String)
    }

    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
