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
