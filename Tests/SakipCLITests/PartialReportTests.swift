import Foundation
import Testing
import ZIPFoundation

/// No score from part of a report: an agency any of whose files was refused is named in one
/// error and left out of every table, and the exit status says so.
@Suite("Partial reports")
struct PartialReportTests {
    /// The partners' CSV files in a fresh folder, with answers.csv replaced by `answers`.
    static func folder(answers: String) throws -> String {
        let folder = NSTemporaryDirectory() + "sakip-partial-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["agencies.csv", "indicators.csv"] {
            try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/partners/csv/\(name)").path, toPath: folder + "/\(name)")
        }
        FileManager.default.createFile(atPath: folder + "/answers.csv", contents: Data(answers.utf8))
        return folder
    }

    @Test func anAgencyWhoseAnswersFileWasRefusedIsLeftOutNotRankedAtZero() throws {
        let folder = try Self.folder(answers: "agency,year,criterion,value,note,value\nkota-bandung,2024,1.1.1,A,,\n")
        let run = try Sakip.run(["rank", folder, "--year", "2024", "--format", "csv"])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("kota-bandung"), "\(run.stdout)")
        // Agencies the refused file does not name keep their (warned) standing from the files read.
        #expect(run.stdout.contains("kab-merauke"))
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("answers.csv:1:34: error: duplicate column 'value'") }, "\(run.stderr)")
        #expect(lines.contains { $0.hasSuffix("error: the report of kota-bandung for 2024 is left out: \(folder)/answers.csv, one of the files it is made from, was refused, and no score is given from part of a report") },
                "\(run.stderr)")
        #expect(lines.contains { $0 == "\(folder)/answers.csv: note: the refused file" })
    }

    @Test func aFileThatCannotBeReadAtAllStandsForEveryReportOfItsFolder() throws {
        let folder = try Self.folder(answers: "agency,year,criterion,value\n\"kota-bandung,2024,1.1.1,A\n")
        let run = try Sakip.run(["rank", folder])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("kota-bandung"))
        #expect(run.stderr.contains("answers.csv:2:1: error: unterminated quoted field"))
        #expect(run.stderr.contains("error: the report of kota-bandung for 2023 is left out"))
        #expect(run.stderr.contains("more incomplete-report errors from here on, not listed"))
    }

    /// The same refusal for a file of the batch's other kind: checklist rows beside good answers.
    @Test func aGoodFileBesideItKeepsItsOwnAgencies() throws {
        let good = "agency,year,criterion,value\nkota-x,2024,1.1.1,A\n"
        let folder = try Self.folder(answers: good)
        let other = folder + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: other + "/answers.csv", contents: Data("agency,year,criterion,value\n\"broken\n".utf8))
        let run = try Sakip.run(["rank", folder + "/answers.csv", other + "/answers.csv", "--format", "csv"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("kota-x"), "a refused file in another folder says nothing of this one")
        #expect(!run.stderr.contains("is left out"))
    }
}

/// A workbook filled only in "Jawaban Mandiri" is ranked at its self-assessment, marked and
/// warned, or left out when a stage is required.
@Suite("Reports scored before their final stage")
struct EarlyStageTests {
    /// The bundled template, and a copy of it whose evaluator answers were typed in the
    /// self-assessment column instead (agency `kota-self`).
    static func folder() throws -> String {
        let selfOnly = try HostileWorkbookTests.patched([
            // Answer cells only: the header row's F1 stays.
            HostileWorkbookTests.lke: { $0.replacing(#/<c r="F(\d+)" s="0" t="s">/#) { "<c r=\"D\($0.1)\" s=\"0\" t=\"s\">" } },
            "xl/sharedStrings.xml": { $0.replacingOccurrences(of: ">kota-bandung<", with: ">kota-self<") },
        ], name: "self-only.xlsx")
        let folder = URL(fileURLWithPath: selfOnly).deletingLastPathComponent().path
        try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent(HostileWorkbookTests.sample).path, toPath: folder + "/bandung.xlsx")
        return folder
    }

    static let warning = "warning: agency 'kota-self', 2024: scored at stage self, the latest it has answers for; no later stage was answered (an evaluator's column left empty?), so its score and grade are not final"

    @Test func rankMarksAndWarnsOnce() throws {
        let folder = try Self.folder()
        let run = try Sakip.run(["rank", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let row = try #require(run.stdout.split(separator: "\n").first { $0.contains("kota-self") })
        #expect(row.contains(" A† "), "\(row)")
        #expect(!(run.stdout.split(separator: "\n").first { $0.contains("kota-bandung") }?.contains("†") ?? true))
        #expect(run.stdout.contains("† Not final, scored at the latest stage answered: kota-self (self)"))
        #expect(run.stderr.components(separatedBy: Self.warning).count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("self-only.xlsx:Identity!B2: " + Self.warning))
        let indonesian = try Sakip.run(["rank", folder, "--lang", "id"])
        #expect(indonesian.stdout.contains("† Belum final, dinilai pada tahap terakhir yang diisi: kota-self (mandiri)"))
    }

    @Test func jsonAndCSVSayTheStage() throws {
        let folder = try Self.folder()
        let json = try Sakip.run(["rank", folder, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rankings"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0["agency"] as! String, $0["stage"] as! String) }) == ["kota-self": "self", "kota-bandung": "final"])
        let csv = try Sakip.run(["rank", folder, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let stage = try #require(lines.first?.firstIndex(of: "stage"))
        #expect(Set(lines.dropFirst().map { "\($0[1]) \($0[stage])" }) == ["kota-bandung final", "kota-self self"])
    }

    @Test func requiringTheFinalStageLeavesTheReportOutWithAnError() throws {
        let folder = try Self.folder()
        let run = try Sakip.run(["rank", folder, "--require-stage", "final"])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("kota-self"))
        #expect(run.stdout.contains("kota-bandung"))
        #expect(run.stderr.contains("self-only.xlsx:Identity!B2: error: agency 'kota-self', 2024: left out, its latest answers are at stage self and stage final is required"))
        let both = try Sakip.run(["rank", folder, "--require-stage", "final", "--stage", "self"])
        #expect(both.status == 2)
    }

    /// A rubric can make the requirement its own (`required_stage: final`): a ranking under it
    /// leaves the self-assessment out without being asked, and says why.
    @Test func aRubricThatRequiresTheFinalStageLeavesTheReportOut() throws {
        let folder = try Self.folder()
        let bundled = try String(contentsOf: Sakip.packageRoot.appendingPathComponent("Sources/SakipCore/Resources/rubrics/permenpanrb-88-2021.yaml"), encoding: .utf8)
        let rubric = NSTemporaryDirectory() + "sakip-final-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: rubric) }
        try (bundled + "\nrequired_stage: final\n").write(toFile: rubric, atomically: true, encoding: .utf8)
        let run = try Sakip.run(["rank", folder, "--rubric", rubric])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("kota-self") && run.stdout.contains("kota-bandung"))
        #expect(run.stderr.contains("self-only.xlsx:Identity!B2: error: agency 'kota-self', 2024: left out, its latest answers are at stage self and rubric permenpanrb-88-2021 requires stage final for a ranking"), "\(run.stderr)")
        // Asked for explicitly, the run's own requirement wins.
        let asked = try Sakip.run(["rank", folder, "--rubric", rubric, "--require-stage", "self"])
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stdout.contains("kota-self"))
    }

    @Test func theRankingWorkbookHasAStageColumn() throws {
        let folder = try Self.folder()
        let output = folder + "/ranking.xlsx"
        let run = try Sakip.run(["rank", folder + "/self-only.xlsx", folder + "/bandung.xlsx", "--format", "xlsx", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let archive = try Archive(data: try Data(contentsOf: URL(fileURLWithPath: output)), accessMode: .read)
        var parts = Data()
        for entry in archive where entry.path.hasSuffix(".xml") { _ = try archive.extract(entry) { parts.append($0) } }
        let text = String(decoding: parts, as: UTF8.self)
        #expect(text.contains(">Stage<") && text.contains(">self<") && text.contains(">final<"))
    }
}

/// CSV as Excel writes it: empty columns at the end of every row, rows of separators only,
/// letters in lower case; read as what they mean.
@Suite("CSV as spreadsheets write it")
struct SpreadsheetCSVTests {
    static func score(_ csv: String) throws -> Sakip.Run {
        let folder = NSTemporaryDirectory() + "sakip-excel-csv-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/answers.csv", contents: Data(csv.utf8))
        return try Sakip.run(["score", folder + "/answers.csv", "--format", "json"])
    }

    static func total(_ run: Sakip.Run) throws -> Double {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return try #require((object?["reports"] as? [[String: Any]])?.first?["score"] as? Double)
    }

    @Test func trailingEmptyColumnsAndSeparatorRowsAreNothing() throws {
        let plain = try Self.score("agency;year;criterion;value;note\r\nkota-a;2024;1.1.1;A;\r\nkota-a;2024;1.1.2;BB;x\r\n")
        let excel = try Self.score("agency;year;criterion;value;note;;\r\nkota-a;2024;1.1.1;A;;;\r\n;;;;;;\r\n ; ;;;;;\r\nkota-a;2024;1.1.2;BB;x;;\r\n;;;;;;\r\n")
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(!excel.stderr.contains("error"), "\(excel.stderr)")
        #expect(try Self.total(excel) == (try Self.total(plain)))
    }

    @Test func lowerCaseLettersAreTheLetters() throws {
        let upper = try Self.score("agency,year,criterion,value\nkota-a,2024,1.1.1,A\nkota-a,2024,1.1.2,BB\n")
        let lower = try Self.score("agency,year,criterion,value\nkota-a,2024,1.1.1,a\nkota-a,2024,1.1.2,bb\n")
        #expect(lower.status == 0, "\(lower.stderr)")
        #expect(try Self.total(lower) == (try Self.total(upper)))
    }

    @Test func aFilledColumnPastTheHeaderIsStillAnError() throws {
        let run = try Self.score("agency,year,criterion,value,,\nkota-a,2024,1.1.1,A,,oops\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("answers.csv:2:21: error: row has 6 fields; the header has 4 (agency,year,criterion,value)"), "\(run.stderr)")
    }
}

@Suite("A rubric that fits no answer")
struct RubricMismatchTests {
    @Test func reportsOfAnotherRubricAreRefusedNotScoredAtZero() throws {
        let run = try Sakip.run(["rank", "samples/partners/2024/", "--rubric", "permenpanrb-12-2015"])
        #expect(run.status != 0)
        #expect(run.stdout == "No report ranked.\n", "\(run.stdout)")
        #expect(run.stderr.contains("samples/partners/2024/kab-balangan.xml:3:1: error: the report of kab-balangan (2024) is written for rubric permenpanrb-88-2021, and only 0 of its 80 answers name a criterion of rubric permenpanrb-12-2015, which it was asked to be scored by; it is not scored (its score would be zeros): score it by its own rubric, or see how it would fare under the other with `compare`"), "\(run.stderr)")
        #expect(run.stderr.contains("36 more rubric-mismatch errors from here on, not listed"))
        // Its own rubric, named again, scores as ever.
        let same = try Sakip.run(["rank", "samples/partners/2024/", "--rubric", "permenpanrb-88-2021"])
        #expect(same.status == 0)
    }
}

/// `validate` says what `rank` would refuse or warn about, for every input kind it reads.
@Suite("validate sees what rank sees")
struct ValidateLikeRankTests {
    @Test func layoutFilesAreCheckedAsLayoutsAndGivenWithLayout() throws {
        let layout = "samples/workbooks/kab-merauke-2024-kke.layout.yaml"
        let alone = try Sakip.run(["validate", layout])
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(alone.stdout == "\(layout): ok (workbook layout, sheet KKE)\n")
        let folder = NSTemporaryDirectory() + "sakip-validate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/workbooks/kab-merauke-2024-kke.xlsx").path, toPath: folder + "/KKE.xlsx")
        let without = try Sakip.run(["validate", folder + "/KKE.xlsx"])
        #expect(without.status == 1)
        #expect(without.stderr.contains("KKE.xlsx: error: not a sakip LKE workbook"))
        let with = try Sakip.run(["validate", folder + "/KKE.xlsx", "--layout", layout])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout == "\(folder)/KKE.xlsx: ok (1 workbook report)\n")
    }

    @Test func stagesAndConsistencyAreWarnedAsScoreWarnsThem() throws {
        let folder = try EarlyStageTests.folder()
        let run = try Sakip.run(["validate", folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("self-only.xlsx:Identity!B2: " + EarlyStageTests.warning))
        #expect(run.stderr.contains("warning: kerangka logis: sub-component 2.3 (92%) scores above sub-component 2.1 (86.7%)"))
    }
}

@Suite("Refusals explained")
struct RefusalExplainedTests {
    @Test func gapsSaysWhyNoReportIsLeft() throws {
        let folder = NSTemporaryDirectory() + "sakip-gaps-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["a.xml", "b.xml"] {
            try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/partners/2024/kota-bandung.xml").path, toPath: folder + "/" + name)
        }
        let run = try Sakip.run(["gaps", folder])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(folder)/b.xml:3:1: error: second report for agency 'kota-bandung', year 2024; neither is scored", "\(run.stderr)")
        #expect(lines.last?.hasPrefix("sakip: error: no report has both a self-assessment and a later stage") == true)
    }

    @Test func aLoneReportOfALaterYearIsNotRankedSilently() throws {
        let folder = NSTemporaryDirectory() + "sakip-year-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["kota-bandung.xml", "kab-merauke.xml", "kota-ambon.xml"] {
            try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/partners/2024/\(name)").path, toPath: folder + "/" + name)
        }
        let later = try String(contentsOf: Sakip.packageRoot.appendingPathComponent("samples/partners/2024/kota-cimahi.xml"), encoding: .utf8)
            .replacingOccurrences(of: "year=\"2024\"", with: "year=\"2025\"")
        FileManager.default.createFile(atPath: folder + "/kota-cimahi.xml", contents: Data(later.utf8))
        let run = try Sakip.run(["rank", folder])
        #expect(run.status == 0)
        #expect(run.stderr.contains("kota-cimahi.xml:3:1: warning: ranking 2025, the latest year in the inputs, which only 1 report holds (this one first); 3 reports are of 2024: choose the year to rank if 2025 is a mistake"), "\(run.stderr)")
    }
}

@Suite("Warnings at their own place")
struct WarningPlaceTests {
    @Test func unansweredItemsAndSubComponentRulesPointAtTheirRows() throws {
        let path = try HostileWorkbookTests.patched([HostileWorkbookTests.lke: { $0.replacing(#/<c r="F(1[56])" s="0" t="s"><v>\d+</v></c>/#, with: "") }])
        let run = try Sakip.run(["score", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(path):LKE!F15: warning: 2 of the rubric's items unanswered, each counted 0: 1.2.4, 1.2.5"), "\(run.stdout)")
        #expect(run.stdout.contains("\(path):LKE!F44: warning: kerangka logis: sub-component 2.3 (92%) scores above sub-component 2.1 (86.7%)"))
        #expect(!run.stdout.contains("Identity!B2: warning"))
    }
}
