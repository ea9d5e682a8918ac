import Foundation
import Testing

/// `--format xlsx`: results as workbooks, opened by a real spreadsheet program when one is here.
@Suite("Results as workbooks")
struct WorkbookOutputTests {
    static let commands: [[String]] = [
        ["score", "samples/kota-bandung-2024.xml"],
        ["rank", "samples/partners/2024", "--previous", "samples/partners/2023"],
        ["compare", "samples/partners/2024", "--candidate", "samples/variants/pemanfaatan-60.yaml"],
        ["sensitivity", "samples/partners/2024", "--samples", "200"],
        ["rubrics"],
    ]

    private func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "sakip-xlsx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: commands)
    func aWorkbookIsWrittenTheSameEveryTime(_ arguments: [String]) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try Sakip.run(arguments + ["--format", "xlsx", "--output", folder + "/a.xlsx"])
        #expect(first.status == 0, "\(first.stderr)")
        _ = try Sakip.run(arguments + ["--format", "xlsx", "--output", folder + "/b.xlsx"])
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.xlsx"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.xlsx"))
        #expect(Array(a.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "a zip file")
        #expect(a == b, "the same workbook, byte for byte")
        // The result went to the file; the terminal says which, as `template` and `report` do.
        #expect(first.stdout == "wrote \(folder)/a.xlsx\n")
    }

    /// LibreOffice Calc opens the ranking workbook; its Score column holds the scores as numbers,
    /// equal to sakip's own (full precision) CSV.
    @Test(.enabled(if: Self.soffice != nil)) func libreOfficeReadsTheRankingNumbers() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Sakip.run(["rank", "samples/partners/2024", "--format", "xlsx", "--output", folder + "/rank.xlsx"])
        #expect(written.status == 0)
        let converted = try Sakip.run(["--headless", "--norestore", "-env:UserInstallation=file://\(folder)/profile",
                                       "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1",
                                       "--outdir", folder, folder + "/rank.xlsx"], executable: URL(fileURLWithPath: try #require(Self.soffice)))
        #expect(converted.status == 0, "\(converted.stderr)")
        let calc = try String(contentsOfFile: folder + "/rank-Ranking.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let sakip = try Sakip.run(["rank", "samples/partners/2024", "--format", "csv"]).stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(calc.first?.prefix(8).map(String.init) == ["Rank", "Agency", "Name", "Region", "Year", "Rubric", "Score", "Grade"])
        #expect(calc.count == sakip.count)
        for (row, expected) in zip(calc.dropFirst(), sakip.dropFirst()) {
            #expect(row[1] == expected[1])
            let score = try #require(Double(String(row[6]))), reference = try #require(Double(String(expected[6])))
            #expect(abs(score - reference) < 1e-9, "\(row[1]): \(score) vs \(reference)")
            #expect(row[7] == expected[7])
        }
    }

    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
