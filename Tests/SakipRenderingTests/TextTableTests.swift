import Testing
@testable import SakipRendering

/// Text tables fit the terminal by cutting names, never numbers; prose wraps between words.
@Suite("Text tables that fit")
struct TextTableTests {
    static func table(name: String) -> TextTable {
        var table = TextTable([("ID", .left), ("Name", .left), ("Score", .right), ("Answers", .left)])
        table.add(["1.1", name, "12.50", "grade BB"])
        table.add(["1.2", "Short", "7.25", "3/4"])
        return table
    }

    @Test func aTableThatFitsIsUnchanged() {
        let table = Self.table(name: "Perencanaan")
        #expect(table.text(indent: "  ", fitting: 100) == table.text(indent: "  "))
    }

    @Test(arguments: [60, 45, 40])
    func theWidestNameColumnGivesWay(width: Int) throws {
        let name = String(repeating: "Kualitas dokumen ", count: 6)
        let lines = Self.table(name: name).text(indent: "  ", fitting: width).split(separator: "\n")
        for line in lines { #expect(line.count <= width, "\(line.count): \(line)") }
        let row = try #require(lines.first { $0.contains("1.1") })
        #expect(row.contains("…"))
        #expect(row.contains("12.50") && row.hasSuffix("grade BB"))
    }

    @Test func namesAreNotCutBelowTheMinimum() throws {
        let text = Self.table(name: String(repeating: "x", count: 80)).text(fitting: 10)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("1.1") })
        #expect(row.contains(String(repeating: "x", count: TextTable.minimumShrunkWidth - 1) + "…"))
        #expect(row.contains("12.50"))
    }

    @Test func withoutAWidthNothingIsCut() {
        let name = String(repeating: "panjang ", count: 20)
        #expect(Self.table(name: name).text(fitting: nil).contains(name.trimmingSuffixSpaces()))
    }

    @Test func proseWrapsBetweenWords() {
        let heading = "Comparing permenpanrb-88-2021 (self) (baseline, B) with permenpanrb-88-2021 (final) (candidate, C), 12 reports"
        let lines = heading.wrapped(to: 100).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines[1].hasPrefix("  ") && !lines[1].hasPrefix("   "))
        #expect(lines.map { $0.trimmingPrefixSpaces() }.joined(separator: " ") == heading)
        #expect(heading.wrapped(to: nil) == heading)
        #expect("short".wrapped(to: 100) == "short")
    }
}

private extension StringProtocol {
    func trimmingSuffixSpaces() -> String { String(reversed().drop { $0 == " " }.reversed()) }
    func trimmingPrefixSpaces() -> String { String(drop { $0 == " " }) }
}
