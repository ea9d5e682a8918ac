import Foundation
import Testing
import SakipCore
import SakipRendering

/// The README's library example, compiled and run as written (only `print` is replaced).
@Suite("README library example")
struct LibraryExampleTests {
    @Test func scoreReportsHeldInMemoryRankThemAndEncodeJSON() throws {
        var printed: [String] = []
        func print(_ text: String) { printed.append(text) }

        // --- README example begins
        let reports: [(name: String, xml: String)] = [
            ("a.xml", #"<report agency="kota-a" year="2024"><grades><grade subcomponent="1.1" value="A"/></grades></report>"#),
            ("b.xml", #"<report agency="kota-b" year="2024"><grades><grade subcomponent="1.1" value="BB"/></grades></report>"#),
        ]
        let inputs = InputSelection(reports.map { InputSource.bytes(Array($0.xml.utf8), name: $0.name) },
                                    options: Evaluator.Options(rubric: "permenpanrb-88-2021-grade"))

        let scores = try ScoreRequest(inputs: inputs).run()
        for report in scores.reports {
            print("\(report.card.agency): \(report.card.total) \(report.card.grade.grade)")
        }
        for problem in scores.errors { print(problem.description) }   // file:line:col: error: ...

        let ranking = try RankRequest(inputs: inputs).run()
        let json: String = try JSONWriter.encode(ranking)              // what `sakip rank --format json` prints
        print(ranking.rendered(as: .markdown))
        // --- README example ends

        // 1.1 weighs 6; A is 90 and BB is 80 of 100 on the AA-E scale; nothing else is answered.
        #expect(printed.prefix(2) == ["kota-a: 5.4 D", "kota-b: 4.8 D"])
        #expect(ranking.rankings.map(\.agency) == ["kota-a", "kota-b"])
        #expect(json.contains("\"agency\": \"kota-a\""))
        #expect(printed.last?.hasPrefix("## Ranking of 2 reports, 2024") == true)
        // The README holds exactly this code.
        let readme = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md").path, encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let example = source.components(separatedBy: "// --- README example begins\n")[1].components(separatedBy: "        // --- README example ends")[0]
        let unindented = example.split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst(8) }.joined(separator: "\n")
        #expect(readme.contains(unindented), "README's library example differs from LibraryExampleTests")
    }
}
