import Foundation
import Testing

/// Text output fits a 100-column terminal; `--wide` shows every column.
@Suite("Output that fits a terminal")
struct OutputWidthTests {
    /// Every bundled report: the rubrics differ in how wide their breakdowns are (a grade per
    /// sub-component, indicators with their bands, 12/2015's groups).
    static let reports = ((try? FileManager.default.contentsOfDirectory(atPath: Sakip.packageRoot.path + "/samples")) ?? [])
        .filter { $0.hasSuffix(".xml") }.sorted().map { ["score", "samples/" + $0] }

    @Test func everyBundledReportIsChecked() {
        #expect(Self.reports.count >= 7)
    }

    static let commands: [[String]] = reports + [
        ["score", "samples/stages/pa-binjai-2023.xml"],
        ["gaps", "samples/stages/partners"],
        ["compare", "samples/stages/partners", "--baseline-stage", "self", "--candidate-stage", "final"],
        ["sensitivity", "samples/partners/2024", "--samples", "256", "--indices", "--remove"],
        ["rank", "samples/partners/2024", "--previous", "samples/partners/2023"],
        ["rank", "samples/partners/2024"],
        ["compare", "samples/partners/2024", "--candidate", "samples/variants/pemanfaatan-60.yaml"],
        ["sensitivity", "samples/partners/2024", "--samples", "200"],
        ["rubrics"],
    ]

    @Test(arguments: commands + commands.map { $0 + ["--lang", "id"] })
    func fitsOneHundredColumns(_ arguments: [String]) throws {
        let run = try Sakip.run(arguments)
        #expect(run.status == 0)
        // Diagnostics are messages, not table rows; they keep their length.
        for line in run.stdout.split(separator: "\n") where !line.contains(": warning: ") {
            #expect(line.count <= 100, "\(line.count) columns: \(line)")
        }
    }

    @Test func wideShowsEveryColumn() throws {
        let wide = try Sakip.run(["rank", "samples/partners/2024", "--previous", "samples/partners/2023", "--wide"])
        #expect(wide.stdout.contains("Pemerintah Kabupaten Kolaka Timur"))
        #expect(wide.stdout.contains("C1 (rank)"))
        let compact = try Sakip.run(["rank", "samples/partners/2024", "--previous", "samples/partners/2023"])
        #expect(!compact.stdout.contains("C1 (rank)"))
        #expect(compact.stdout.contains("C1 = Perencanaan Kinerja, weight 30"))
    }

    /// 12/2015 groups are a tree: each group's sub-components right under it.
    @Test func groupsAreATree() throws {
        let run = try Sakip.run(["score", "samples/kota-banjarmasin-2020.xml"])
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let group = try #require(lines.firstIndex { $0.hasPrefix("A.I ") })
        #expect(lines[group + 1].hasPrefix("A.I.a "))
        #expect(lines[group + 4].hasPrefix("A.II "))
    }
}
