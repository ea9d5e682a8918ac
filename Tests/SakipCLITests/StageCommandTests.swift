import Foundation
import Testing

/// Stages through the binary: score, rank by stage, the gap view and two stages compared,
/// over samples/stages (golden files), in every format.
@Suite("Stages of an evaluation")
struct StageCommandTests {
    static let goldens: [(arguments: [String], golden: String)] = [
        (["score", "samples/stages/pa-binjai-2023.xml"], "samples/stages/expected-score-pa-binjai.txt"),
        (["score", "samples/stages/pa-binjai-2023.xml", "--format", "json"], "samples/stages/expected-score-pa-binjai.json"),
        (["gaps", "samples/stages/partners"], "samples/stages/expected-gaps.txt"),
        (["gaps", "samples/stages/partners", "--format", "json"], "samples/stages/expected-gaps.json"),
        (["rank", "samples/stages/partners", "--stage", "self"], "samples/stages/expected-rank-self.txt"),
        (["compare", "samples/stages/partners", "--baseline-stage", "self", "--candidate-stage", "final"], "samples/stages/expected-compare-stages.txt"),
    ]

    @Test(arguments: goldens)
    func golden(arguments: [String], golden: String) throws {
        let run = try Sakip.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        try Sakip.expectGolden(run.stdout, golden)
    }

    /// The CSV form of the published case scores as the XML does.
    @Test func theCSVFormScoresAsTheXML() throws {
        let csv = try Sakip.run(["score", "samples/stages/csv/pa-binjai-2023.csv", "--rubric", "permenpanrb-88-2021-grade", "--format", "csv"])
        let xml = try Sakip.run(["score", "samples/stages/pa-binjai-2023.xml", "--format", "csv"])
        #expect(csv.status == 0 && xml.status == 0)
        // The XML names the court; the CSV carries no name: every row but the total is the same.
        func rows(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.contains(",total,") } }
        #expect(rows(csv.stdout) == rows(xml.stdout))
        #expect(xml.stdout.contains(",stage,self,,100,100,,AA,,,\n") && xml.stdout.contains(",stage,final,,100,87.8,,A,,,\n"))
    }

    @Test(arguments: ["text", "json", "csv", "markdown"])
    func everyFormatShowsTheGaps(format: String) throws {
        let run = try Sakip.run(["gaps", "samples/stages/partners", "--format", format])
        #expect(run.status == 0)
        #expect(run.stdout.contains("kab-garut"))
        let xlsx = NSTemporaryDirectory() + "sakip-gaps-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: xlsx) }
        #expect(try Sakip.run(["gaps", "samples/stages/partners", "--format", "xlsx", "--output", xlsx]).status == 0)
    }

    /// A template filled from a report with stages puts the self-assessment in the agency's column
    /// and the final answers in the evaluator's: read back, both stages score as before.
    @Test func aTemplateFromAStagedReportKeepsBothStages() throws {
        let output = NSTemporaryDirectory() + "sakip-binjai-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try Sakip.run(["template", "--from", "samples/stages/pa-binjai-2023.xml", "--output", output]).status == 0)
        let fromWorkbook = try Sakip.run(["score", output, "--format", "csv"])
        let fromXML = try Sakip.run(["score", "samples/stages/pa-binjai-2023.xml", "--format", "csv"])
        func stages(_ text: String) -> [Substring] { text.split(separator: "\n").filter { $0.contains(",stage,") || $0.contains(",gap,") } }
        #expect(!stages(fromXML.stdout).isEmpty)
        #expect(stages(fromWorkbook.stdout) == stages(fromXML.stdout))
    }

    @Test func aScoreWorkbookHasStagesAndGapsSheets() throws {
        let output = NSTemporaryDirectory() + "sakip-stages-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try Sakip.run(["score", "samples/stages/pa-binjai-2023.xml", "--format", "xlsx", "--output", output]).status == 0)
        let unzip = try Sakip.run(["-p", output, "xl/workbook.xml"], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        guard unzip.status == 0 else { return }
        #expect(unzip.stdout.contains("<sheet name=\"Stages\"") && unzip.stdout.contains("<sheet name=\"Gaps\""))
    }

    @Test func aStageNoReportHasIsOneMessage() throws {
        let run = try Sakip.run(["rank", "samples/stages/partners", "--stage", "quality"])
        #expect(run.status == 2)
        #expect(run.stderr == "sakip: error: no report has answers at stage quality\n")
        let same = try Sakip.run(["compare", "samples/stages/partners", "--baseline-stage", "final", "--candidate-stage", "final"])
        #expect(same.status == 2 && same.stderr.hasPrefix("sakip: error: --baseline-stage and --candidate-stage are both final"))
        let none = try Sakip.run(["gaps", "samples/partners/2024"])
        #expect(none.status == 2 && none.stderr.hasPrefix("sakip: error: no report has both a self-assessment and a later stage"))
    }

    /// Ranking by a stage leaves out, with a warning, the reports that lack it.
    @Test func rankingByAStageNamesTheReportsWithoutIt() throws {
        let folder = NSTemporaryDirectory() + "sakip-stages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["kab-garut.xml", "kab-gowa.xml"] {
            try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/stages/partners/" + name).path, toPath: folder + "/" + name)
        }
        try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/partners/2024/kota-bandung.xml").path, toPath: folder + "/kota-bandung.xml")
        let run = try Sakip.run(["rank", folder, "--stage", "self"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("kota-bandung"))
        #expect(run.stderr.contains("--stage: warning: 1 report has no answer at stage self and is left out: kota-bandung (2024)"))
    }
}
