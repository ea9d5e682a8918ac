import Foundation
import Testing

/// Text output fits a 100-column terminal; `--wide` shows every column.
@Suite("Output that fits a terminal")
struct OutputWidthTests {
    static let commands: [[String]] = [
        ["score", "samples/kota-bandung-2024.xml"],
        ["score", "samples/kota-banjarmasin-2020.xml"],
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
