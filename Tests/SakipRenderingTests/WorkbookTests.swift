import Foundation
import Testing
@testable import SakipRendering
import SakipCore

@Suite("Workbook writer")
struct WorkbookTests {
    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
    func columnLetters(index: Int, letters: String) {
        #expect(CellReference.columnName(index + 1) == letters)
        #expect(CellReference.column(named: letters) == index + 1)
    }

    @Test func sheetsHoldTypedCellsFrozenHeadersAndFilters() throws {
        let sheet = Workbook.Sheet(name: "Ranking", headers: ["Agency", "Score", "Rank"],
                                   rows: [[.text("kota <a> & \"b\"\u{07}"), .decimal(87.825), .integer(1)], [.text("x"), .empty, .integer(2)]])
        let parts = Dictionary(uniqueKeysWithValues: Workbook(sheets: [sheet]).parts())
        let xml = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<autoFilter ref=\"A1:C3\"/>"))
        #expect(xml.contains("<c r=\"B2\" s=\"2\"><v>87.825</v></c>"))
        #expect(xml.contains("<c r=\"C3\" s=\"3\"><v>2</v></c>"))
        #expect(xml.contains("<t xml:space=\"preserve\">kota &lt;a&gt; &amp; &quot;b&quot;</t>"))
        #expect(!xml.contains("B3"))
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains("<sheet name=\"Ranking\" sheetId=\"1\" r:id=\"rId1\"/>"))
        #expect(workbook.contains("fullCalcOnLoad=\"1\""))
        #expect(try Workbook(sheets: [sheet]).data() == Workbook(sheets: [sheet]).data())
    }
}

/// The sensitivity workbook's rank acceptability: a column a rank for a ranking of any size
/// would be as wide as the ranking (5,000 agencies did not finish in five minutes; 25,000 is
/// past any spreadsheet's last column).
@Suite("Sensitivity workbook")
struct SensitivityWorkbookTests {
    static let partners = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/partners/2024").path

    /// `count` copies of a partner's analysis, each taking ranks 1 to `count` alike.
    private func result(agencies count: Int) throws -> SensitivityResult {
        var result = try SensitivityRequest(inputs: InputSelection([.path(Self.partners)]), samples: 20, seed: 3).run()
        let template = try #require(result.agencies.first)
        let even = RankAcceptability(ranks: Array(1...count), shares: Array(repeating: 1 / Double(count), count: count))
        result.agencies = (1...count).map { i in
            var agency = template
            agency.agency = "agency-\(i)"
            agency.rankAcceptability = even
            return agency
        }
        return result
    }

    private func acceptabilityHeaders(_ sheet: Workbook.Sheet) -> [String] {
        sheet.headers.filter { $0.hasPrefix("P(rank") }
    }

    @Test func aRankingUpToTheCapHasAColumnForEachRank() throws {
        let sheet = try #require(try result(agencies: 56).workbook().sheets.first)
        #expect(acceptabilityHeaders(sheet) == (1...56).map { "P(rank \($0))" })
        #expect(sheet.rows.allSatisfy { $0.suffix(56) == Array(repeating: Workbook.Cell.percent(1 / 56.0), count: 56) })
    }

    @Test func aLargerRankingEndsWithTheRanksPastTheCap() throws {
        let cap = SensitivityResult.acceptabilityColumns
        let sheet = try #require(try result(agencies: 250).workbook().sheets.first)
        #expect(acceptabilityHeaders(sheet) == (1...cap).map { "P(rank \($0))" } + ["P(rank > \(cap))"])
        for row in sheet.rows {
            #expect(row.suffix(cap + 1).dropLast() == ArraySlice(Array(repeating: Workbook.Cell.percent(1 / 250.0), count: cap)))
            guard case .percent(let rest) = try #require(row.last) else { Issue.record("not a share"); continue }
            #expect(abs(rest - 150 / 250.0) < 1e-12)
        }
        #expect(try result(agencies: 250).workbook(RenderOptions(language: .id)).sheets[0].headers.last == "P(peringkat > \(cap))")
    }
}

@Suite("Workbooks that print")
struct PrintedWorkbookTests {
    static func parts(_ sheets: [Workbook.Sheet]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Workbook(sheets: sheets).parts())
    }

    @Test func aNarrowSheetIsFittedToOnePageWide() {
        let sheet = Workbook.Sheet(name: "Grades", headers: ["Grade", "Reports"], rows: [[.text("A"), .integer(3)]])
        let parts = Self.parts([sheet])
        #expect(parts["xl/worksheets/sheet1.xml"]!.contains("fitToWidth=\"1\""))
        #expect(!parts["xl/workbook.xml"]!.contains("Print_Titles"))
    }

    /// Shrunk to one page it would print under 8 points: full size across pages, header row repeated.
    @Test func aWideSheetIsSplitAcrossPagesWithItsHeaderOnEach() {
        let headers = (1...30).map { "Column number \($0)" }
        let sheet = Workbook.Sheet(name: "Ranking", headers: headers, rows: [headers.map { .text($0) }])
        let parts = Self.parts([sheet])
        #expect(!parts["xl/worksheets/sheet1.xml"]!.contains("fitToWidth"))
        #expect(!parts["xl/worksheets/sheet1.xml"]!.contains("fitToPage"))
        #expect(parts["xl/workbook.xml"]!.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Ranking'!$1:$1</definedName>"))
    }

    @Test func sharesAreShownAsPercentages() {
        let sheet = Workbook.Sheet(name: "S", headers: ["Achieved"], rows: [[.percent(0.773)]])
        let parts = Self.parts([sheet])
        #expect(parts["xl/styles.xml"]!.contains("<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/>"))
        #expect(parts["xl/worksheets/sheet1.xml"]!.contains("<c r=\"A2\" s=\"7\"><v>0.773</v></c>"))
    }
}

@Suite("The template as printed")
struct PrintedTemplateTests {
    static func lke() throws -> String {
        let template = LKETemplate(rubric: try bundled("permenpanrb-88-2021"), agency: "kota-a", name: nil, region: nil, year: 2024, answers: ["1.1.1": "BB"])
        let parts = Dictionary(uniqueKeysWithValues: LKEWorkbookRenderer(language: .id).workbook(template).parts())
        return try #require(parts["xl/worksheets/sheet2.xml"])
    }

    @Test func aWrappedCriterionRowIsAsHighAsItsLines() throws {
        let sheet = try Self.lke()
        // 1.2's text (Kualitas: ... crosscutting) takes four lines of the 60-wide column.
        #expect(sheet.contains("ht=\"60\" customHeight=\"1\""), "a four-line row")
        #expect(sheet.contains("ht=\"30\" customHeight=\"1\""), "two-line rows")
        // A one-line criterion keeps the spreadsheet's own height.
        #expect(sheet.contains("<row r=\"4\">"))
    }

    @Test func notesAndEvidenceHaveRoomAndTheSheetFitsOnePageWide() throws {
        let sheet = try Self.lke()
        #expect(sheet.contains("<col min=\"8\" max=\"8\" width=\"20\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<col min=\"9\" max=\"9\" width=\"20\" customWidth=\"1\"/>"))
        #expect(sheet.contains("fitToWidth=\"1\""))
    }

    @Test func answerLettersAreCentredApartFromTheNumbersBesideThem() throws {
        #expect(try Self.lke().contains("<c r=\"F4\" t=\"inlineStr\" s=\"8\"><is><t xml:space=\"preserve\">BB</t></is></c>"))
    }
}

@Suite("Long texts in result sheets")
struct LongTextTests {
    static func sheetXML(_ sheet: Workbook.Sheet) -> String {
        Dictionary(uniqueKeysWithValues: Workbook(sheets: [sheet]).parts())["xl/worksheets/sheet1.xml"]!
    }

    /// A partner's full name longer than a column may be is wrapped, and its row made as high
    /// as its lines, rather than cut off where the next column starts.
    @Test func aNameLongerThanTheWidestColumnWrapsInItsRow() {
        let long = "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kepulauan Seribu Utara"  // 72 characters
        let xml = Self.sheetXML(Workbook.Sheet(name: "Ranking", headers: ["Rank", "Name", "Score"],
                                               rows: [[.integer(1), .text(long), .decimal(80)], [.integer(2), .text("Kota A"), .decimal(70)]]))
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"\(SheetWriter.widest)\" customWidth=\"1\"/>"))
        // Two lines of the 50-wide column: the row is 30 points, the cell wrapped (style 6).
        #expect(xml.contains("<row r=\"2\" ht=\"30\" customHeight=\"1\">"))
        #expect(xml.contains("<c r=\"B2\" t=\"inlineStr\" s=\"6\">"))
        // The short name's row keeps the spreadsheet's own height; the header is never wrapped.
        #expect(xml.contains("<row r=\"3\">"))
        #expect(xml.contains("<row r=\"1\">"))
    }

    @Test func aSheetOfShortTextsWrapsNothing() {
        let xml = Self.sheetXML(Workbook.Sheet(name: "S", headers: ["Agency", "Name"], rows: [[.text("kota-a"), .text("Kota A")]]))
        #expect(!xml.contains("s=\"6\""))
        #expect(!xml.contains("customHeight"))
    }
}
