import Foundation
import Testing

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
