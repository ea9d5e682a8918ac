import Foundation
import Testing
@testable import SakipCore
import SakipFuzzing
@testable import SakipRendering
import ZIPFoundation

/// The rules that keep readers bounded and exact on hostile and odd input: Unicode blanks,
/// part targets, sizes as said, diagnostics folded, cells and text held to their limits.
@Suite("Reader bounds", .serialized)
struct ReaderBoundsTests {
    // MARK: Unicode blanks

    @Test(arguments: [
        ("\u{00A0}1.1.1\u{00A0}", "1.1.1"), ("1.1.1\u{202F}", "1.1.1"), ("\u{200B}A", "A"), ("\u{FEFF}A\u{FEFF}", "A"),
        ("\u{3000}BB\u{2009}", "BB"), (" \t A \r\n", "A"), ("\u{00A0}", ""), ("é", "é"), ("aé\u{00A0}", "aé"), ("A\u{00A0}B", "A\u{00A0}B"),
        ("\u{2060}x\u{1680}", "x"), ("\u{200D}", "\u{200D}"),
    ])
    func unicodeBlanksAreTrimmedFromBothEnds(raw: String, trimmed: String) {
        #expect(raw.trimmingSpaces() == trimmed)
        // The byte path the CSV and XML readers take agrees with the String path.
        let bytes = Array(raw.utf8)
        let range = bytes.withUnsafeBufferPointer { trimmedRange($0, 0..<$0.count) }
        #expect(String(decoding: bytes[range], as: UTF8.self) == trimmed)
    }

    @Test func aNumberWithANoBreakSpaceReadsAsTheNumber() {
        let bytes = Array("\u{00A0}82.5\u{202F}".utf8)
        #expect(bytes.withUnsafeBufferPointer { ValueSyntax.number($0) } == 82.5)
    }

    @Test func csvCodesAndLettersLoseTheirUnicodeBlanks() throws {
        let csv = "agency,year,criterion,value\nkota-a,2024,a\u{00A0},\u{200B}C\u{00A0}\nkota-a,2024,\u{FEFF}d,B\n"
        let file = CSVReportReader.read(Array(csv.utf8), file: "blanks.csv", rubric: nil)
        #expect(file.errors.isEmpty, "\(file.errors)")
        let report = try #require(file.reports.first)
        #expect(report.answers.map(\.id) == ["a", "d"])
        #expect(report.answers.map(\.value) == ["C", "B"])
    }

    @Test func xmlAttributesLoseTheirUnicodeBlanks() throws {
        let xml = "<report agency=\"kota-a\" year=\"2024\"><answers><answer criterion=\"a\u{00A0}\" value=\"\u{202F}C\"/></answers></report>"
        let file = XMLReportReader.read(Array(xml.utf8), file: "blanks.xml")
        #expect(file.errors.isEmpty, "\(file.errors)")
        let answer = try #require(file.reports.first?.answers.first)
        #expect([answer.id, answer.value] == ["a", "C"])
    }

    // MARK: Part targets

    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"), ("../xl/worksheets/sheet2.xml", "xl/worksheets/sheet2.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"), ("./worksheets//sheet1.xml", "xl/worksheets/sheet1.xml"),
        ("worksheets/sheet%201.xml", "xl/worksheets/sheet 1.xml"), ("a/../b.xml", "xl/b.xml"),
    ])
    func targetsResolveAsThePackageFormatSays(target: String, part: String) {
        #expect(SpreadsheetWorkbook.resolve(target, from: "xl/workbook.xml") == part)
    }

    @Test(arguments: ["../../sheet1.xml", "../..", "/..", ".."])
    func targetsLeavingThePackageResolveToNothing(target: String) {
        #expect(SpreadsheetWorkbook.resolve(target, from: "xl/workbook.xml") == nil)
    }

    // MARK: Sizes and counts in messages

    @Test(arguments: [(256 << 20, "256 MiB"), ((4 << 30) - 2, "4.0 GiB"), (1 << 30, "1 GiB"), (1536 << 10, "1.5 MiB"), (100, "100 bytes"), (1024, "1 KiB"),
                      (159_690_000, "152.3 MiB")])
    func sizesAreRoundedNeverTruncated(bytes: Int, text: String) {
        #expect(InputLimits.describe(bytes) == text)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (32_767, "32,767"), (1_048_576, "1,048,576"), (-1234, "-1,234")])
    func countsAreGroupedByThousands(count: Int, text: String) {
        #expect(InputLimits.grouped(count) == text)
    }

    @Test(arguments: ["H", "h", "XFD", "AA"])
    func columnLettersAreColumns(letters: String) {
        #expect(CellReference.column(named: letters) != nil)
    }

    @Test(arguments: ["H1", "1", "", "XFE", "A-", "$H"])
    func anythingElseIsNoColumn(text: String) {
        #expect(CellReference.column(named: text) == nil)
    }

    // MARK: Diagnostics folded

    func warnings(_ count: Int, code: DiagnosticCode = .duplicateAnswer, file: String = "a.xlsx") -> [Diagnostic] {
        (1...count).map { Diagnostic(code, .warning, at: SourceLocation(file: file, line: $0, column: 1), Message(verbatim: "duplicate \($0)")) }
    }

    @Test func eachKindIsFoldedAfterTheFirstOnesAcrossFiles() throws {
        let list = warnings(30) + warnings(3, code: .missingAnswer) + warnings(25, file: "b.xlsx")
        let folded = Diagnostic.folded(list, keep: 20)
        #expect(folded.count == 20 + 1 + 3)
        let summaries = folded.filter { $0.omitted > 0 }
        #expect(summaries.map(\.omitted) == [35])
        #expect(summaries[0].message == "35 more duplicate-answer warnings from here on, not listed")
        #expect(summaries[0].location == SourceLocation(file: "a.xlsx", line: 21, column: 1))
        // In place: the summary follows the last one shown of its kind.
        #expect(folded[20].omitted == 35 && folded[21].code == .missingAnswer)
        // Folding a folded list again changes nothing; the counts add up.
        #expect(Diagnostic.folded(folded, keep: 20) == folded)
        #expect(Diagnostic.folded(folded, keep: 2).filter { $0.omitted > 0 }.map(\.omitted) == [53, 1])
    }

    @Test func aFoldedCountSurvivesJSON() throws {
        let summary = try #require(Diagnostic.folded(warnings(3), keep: 1).last)
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: JSONEncoder().encode(summary))
        #expect(decoded == summary && decoded.omitted == 2)
        let plain = try #require(warnings(1).first)
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("omitted"))
    }

    @Test func messagesAreCutAtACharacter() {
        let long = String(repeating: "é", count: 2_000)
        let diagnostic = Diagnostic(.unknownCriterion, at: .wholeFile("x"), Message(verbatim: long))
        #expect(diagnostic.message.utf8.count <= Diagnostic.messageLimit)
        #expect(diagnostic.message.hasSuffix(" …"))
        #expect(diagnostic.description.count < 1_000)
    }

    @Test func listsShowTwentyAndCountTheRest() {
        #expect(Diagnostic.list((1...3).map(String.init)).description == "1, 2, 3")
        let first20: String = (1...20).map(String.init).joined(separator: ", ")
        #expect(Diagnostic.list((1...80).map(String.init)).description == first20 + ", and 60 more")
        #expect(Labels(.id)(Diagnostic.list((1...80).map(String.init))) == first20 + ", dan 60 lainnya")
    }

    @Test func aReportKeepsAThousandFindingsOfAKindAndCountsTheRest() throws {
        let rubric = try tinyRubric()
        let answers = (0..<1_500).map { _ in Answer(id: "a", value: "C") }
        let report = Report(agency: "kota-a", year: 2024, answers: answers, origin: SourcePosition(SourceText(name: "many.xml", bytes: []), offset: 0))
        let card = try Scorer(rubric: rubric).score(report)
        let duplicates = card.warnings.filter { $0.code == .duplicateAnswer }
        #expect(duplicates.count == Diagnostic.keptPerKind + 1)
        #expect(duplicates.last?.omitted == 1_499 - Diagnostic.keptPerKind)
    }

    // MARK: Workbook cells and text

    func sheetWorkbook(_ sheet: String) -> SourceText {
        SourceText(name: "w.xlsx", bytes: FuzzHarness.templateWorkbook(sheet: Array(sheet.utf8)))
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    @Test func aCellLongerThanExcelAllowsIsRefusedWhereItIs() throws {
        let text = String(repeating: "x", count: 40_000)
        let sheet = "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"3\"><c r=\"H3\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row></sheetData></worksheet>"
        let file = WorkbookReportReader.read(sheetWorkbook(sheet))
        let error = try #require(file.errors.first)
        #expect(error.code == .workbookTooLarge)
        #expect(error.message == "refused: the cell's text is longer than 32,767 characters, the most a spreadsheet cell holds")
        #expect(error.location.cell == "LKE!H3")
    }

    @Test func textPastFourBytesACharacterStopsTheParse() throws {
        let text = String(repeating: "x", count: 32_767 * 4 + 1)
        let sheet = "<worksheet xmlns=\"\(Self.main)\"><sheetData>\n<row r=\"3\"><c r=\"H3\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row></sheetData></worksheet>"
        let file = WorkbookReportReader.read(sheetWorkbook(sheet))
        let error = try #require(file.errors.first)
        #expect(error.message == "refused: text of more than 32,767 characters in one place, the most a spreadsheet cell holds")
        #expect(error.location.file == "w.xlsx(xl/worksheets/sheet2.xml)" && error.location.line == 2)
    }

    @Test func cellsPastTheWorkbookBudgetAreRefusedAtTheCellThatCrossedIt() throws {
        // Each cell counts 128 bytes and its text: 64 MiB is crossed near 500,000 cells.
        var sheet = "<worksheet xmlns=\"\(Self.main)\"><sheetData>"
        sheet.reserveCapacity(30 << 20)
        for row in 1...600_000 { sheet += "<row r=\"\(row)\"><c><v>\(row)</v></c></row>" }
        sheet += "</sheetData></worksheet>"
        let file = WorkbookReportReader.read(sheetWorkbook(sheet))
        let error = try #require(file.errors.first)
        #expect(error.code == .workbookTooLarge)
        #expect(error.message.hasPrefix("refused: the workbook's cells take more than the 64 MiB sakip keeps from one workbook by this one"))
        let row = error.location.line
        #expect(row > 450_000 && row < 600_000, "\(row)")
    }

    @Test func onlyTheSharedStringsACellUsesAreKept() throws {
        var workbook = try SpreadsheetWorkbook(bytes: try sharedStringsWorkbook(strings: (0..<10_000).map { "s\($0)" }, cells: [7, 9_999]), name: "s.xlsx")
        let sheet = try workbook.sheet(1)
        #expect(sheet[1, 1]?.text == "s7")
        #expect(sheet[2, 1]?.text == "s9999")
    }

    @Test func aSharedStringTheTableLacksIsAnErrorAtItsCell() throws {
        var workbook = try SpreadsheetWorkbook(bytes: try sharedStringsWorkbook(strings: ["a", "b"], cells: [1, 5]), name: "s.xlsx")
        #expect(throws: Diagnostic.self) { try workbook.sheet(1) }
        do {
            _ = try workbook.sheet(1)
        } catch {
            #expect(error.description == "s.xlsx:LKE!A2: error: the cell refers to shared string 5, which the workbook does not hold")
        }
    }

    /// The fuzz harness's template, with a string table and the LKE sheet's column A referring to `cells`.
    func sharedStringsWorkbook(strings: [String], cells: [Int]) throws -> [UInt8] {
        let rows = cells.enumerated().map { "<row r=\"\($0.offset + 1)\"><c r=\"A\($0.offset + 1)\" t=\"s\"><v>\($0.element)</v></c></row>" }.joined()
        let template = FuzzHarness.templateWorkbook(sheet: Array("<worksheet xmlns=\"\(Self.main)\"><sheetData>\(rows)</sheetData></worksheet>".utf8))
        let table = "<sst xmlns=\"\(Self.main)\">" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        return try addPart("xl/sharedStrings.xml", Array(table.utf8), to: template)
    }
}

/// A zip archive's bytes with one more part.
func addPart(_ path: String, _ bytes: [UInt8], to archiveBytes: [UInt8]) throws -> [UInt8] {
    let archive = try Archive(data: Data(archiveBytes), accessMode: .update)
    try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
        Data(bytes[Int(position)..<min(Int(position) + size, bytes.count)])
    }
    return Array(try #require(archive.data))
}

@Suite("Rank quantiles as shown")
struct RankQuantileTextTests {
    @Test(arguments: [(22.000000000000004, "22"), (21.999999999999996, "22"), (22.5, "22.5"), (3, "3"), (7.25, "7.3"), (10.04, "10")] as [(Double, String)])
    func aQuantileIsWholeOrOneDecimalAsRounded(value: Double, text: String) {
        #expect(SensitivityLayout.rankText(value) == text)
    }
}

@Suite("Counts in labels")
struct LabelCountTests {
    @Test(arguments: [(1, "Sensitivity of 1 report, 2024 to the weights of r:"), (2, "Sensitivity of 2 reports, 2024 to the weights of r:"),
                      (11, "Sensitivity of 11 reports, 2024 to the weights of r:"), (21, "Sensitivity of 21 reports, 2024 to the weights of r:")])
    func oneIsSingularInEnglish(count: Int, text: String) {
        #expect(Labels(.en)("Sensitivity of {} reports{} to the weights of {}:", count, ", 2024", "r") == text)
    }

    @Test func indonesianHasNoPluralToChange() {
        #expect(Labels(.id)("Sensitivity of {} reports{} to the weights of {}:", 1, ", 2024", "r").hasPrefix("Kepekaan 1 laporan"))
    }
}
