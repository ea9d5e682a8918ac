import Foundation
import Testing

@Suite("sakip rank")
struct RankTests {
    @Test func goldenRankingOfThePartners() throws {
        let text = try Sakip.run(["rank", "samples/partners/2024/", "--previous", "samples/partners/2023/"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.isEmpty, "no progress bar or noise when stderr is not a terminal")
        try Sakip.expectGolden(text.stdout, "samples/partners/expected-rank-2024.txt")
        let json = try Sakip.run(["rank", "samples/partners/2024/", "--previous", "samples/partners/2023/", "--format", "json"])
        try Sakip.expectGolden(json.stdout, "samples/partners/expected-rank-2024.json")
    }

    @Test func csvGivesTheSameRankingAsXML() throws {
        let xml = try Sakip.run(["rank", "samples/partners/2024/", "--previous", "samples/partners/2023/", "--format", "json"])
        let csv = try Sakip.run(["rank", "samples/partners/csv/answers.csv", "samples/partners/csv/indicators.csv", "samples/partners/csv/agencies.csv", "--year", "2024", "--format", "json"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(xml.stdout == csv.stdout)
        #expect(xml.stdout.contains("\"previous_year\": 2023"))
    }

    @Test func jsonShape() throws {
        let run = try Sakip.run(["rank", "samples/partners/2024/", "--format", "json", "--top", "3"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rankings = try #require(object["rankings"] as? [[String: Any]])
        #expect(rankings.count == 3)
        #expect(rankings.map { $0["rank"] as? Int } == [1, 2, 3])
        for key in ["agency", "year", "score", "grade", "components"] { #expect(rankings[0][key] != nil) }
        let component = try #require((rankings[0]["components"] as? [[String: Any]])?.first)
        #expect(component["rank"] is Int)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["count"] as? Int == 56, "the summary covers every ranked report, not only the top rows")
        #expect((summary["grades"] as? [String: Int])?.values.reduce(0, +) == 56)
        #expect(object["errors"] as? [Any] != nil)
    }

    @Test func regionByComponentAndCSVFormat() throws {
        let run = try Sakip.run(["rank", "samples/partners/2024/", "--region", "jawa barat", "--by", "component:2", "--format", "csv"])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 10)
        #expect(rows.allSatisfy { $0[3] == "Jawa Barat" })
        // Ordered by component 2's score: its rank column is 1, 2, 3, ...
        let header = run.stdout.split(separator: "\n")[0].split(separator: ",")
        let rankColumn = try #require(header.firstIndex(of: "component_2_rank"))
        #expect(rows.map { Int($0[rankColumn])! } == Array(1...10))
    }

    @Test func brokenFilesAreListedAndTheRestRanked() throws {
        let scratch = NSTemporaryDirectory() + "sakip-rank-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        for name in ["kota-bandung.xml", "kab-garut.xml", "kota-bekasi.xml"] {
            try FileManager.default.copyItem(atPath: Sakip.packageRoot.path + "/samples/partners/2024/" + name, toPath: scratch + "/" + name)
        }
        try Data("<report agency=\"kab-x\" year=\"2024\">\n  <answers>\n".utf8).write(to: URL(fileURLWithPath: scratch + "/broken.xml"))
        try Data("agency,year,criterion,value\nkab-y,2024,1.1.1,Z\n".utf8).write(to: URL(fileURLWithPath: scratch + "/bad.csv"))
        let run = try Sakip.run(["rank", scratch, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["rankings"] as? [Any])?.count == 3)
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 2)
        #expect(run.stderr.contains("\(scratch)/bad.csv:2:18: error: answer 'Z' for criterion 1.1.1 is not in scale AA-E"))
        #expect(run.stderr.contains("\(scratch)/broken.xml:3:1: error: malformed XML"))
    }

    @Test func emptyInputIsAUsageError() throws {
        let scratch = NSTemporaryDirectory() + "sakip-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let run = try Sakip.run(["rank", scratch])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no report files"))
        #expect(try Sakip.run(["rank"]).status == 2)
        #expect(try Sakip.run(["rank", "samples/partners/2024", "--by", "weight"]).status == 2)
    }
}

@Suite("Progress bar")
struct ProgressBarTests {
    /// `script` runs the binary on a pseudo-terminal, so stderr is a terminal as for a person.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func drawnOnATerminalAndClearedAtTheEnd() throws {
        let transcript = NSTemporaryDirectory() + "sakip-tty-" + UUID().uuidString
        let command = "cd '\(Sakip.packageRoot.path)' && SAKIP_PROGRESS_AFTER_MS=0 '\(Sakip.binary.path)' rank samples/partners/2024 --format csv > /dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, transcript]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let seen = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(seen.contains("reading ["))
        #expect(seen.contains("] 56/56"))
        #expect(seen.contains("\r\u{1B}[K"), "the bar's line is cleared when reading ends")
    }

    @Test func silentWhenStderrIsNotATerminal() throws {
        let run = try Sakip.run(["rank", "samples/partners/2024", "--format", "csv"], environment: ["SAKIP_PROGRESS_AFTER_MS": "0"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }
}
