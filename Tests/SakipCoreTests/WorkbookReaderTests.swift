import Foundation
import Testing
import ZIPFoundation
@testable import SakipCore
@testable import SakipRendering

/// Reading the LKE from `.xlsx` workbooks. libxml2's parser is used throughout, hence serialized.
@Suite("Workbook reading", .serialized)
struct WorkbookReaderTests {
    /// The tiny rubric's template; data rows from row 2: 1, 1.1, a, b, 1.2, 2, 2.1, d, e.
    static let rowOf = ["a": 4, "b": 5, "1.2": 6, "d": 9, "e": 10]

    func template(_ answers: [String: String], language: Language = .en) throws -> [UInt8] {
        let template = LKETemplate(rubric: try tinyRubric(), agency: "kota-a", name: "Kota A", region: "Jawa Barat", year: 2024, answers: answers)
        return try LKEWorkbookRenderer(language: language).workbook(template).data()
    }

    func read(_ bytes: [UInt8], layout: WorkbookLayout? = nil) -> ReportFile {
        WorkbookReportReader.read(SourceText(name: "lke.xlsx", bytes: bytes), layout: layout)
    }

    func score(_ file: ReportFile) throws -> ScoreCard {
        try Scorer(rubric: try tinyRubric()).score(try #require(file.reports.first))
    }

    @Test(arguments: Language.allCases)
    func aFilledTemplateScoresAsTheSameAnswersDo(language: Language) throws {
        let answers = ["a": "C", "b": "Y", "1.2": "B", "d": "B", "e": "E"]
        let file = read(try template(answers, language: language))
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let report = try #require(file.reports.first)
        #expect([report.agency, report.name, report.region, report.rubric] == ["kota-a", "Kota A", "Jawa Barat", "tiny"])
        #expect(report.year == 2024)
        let direct = Report(agency: "kota-a", year: 2024, answers: answers.map { Answer(id: $0.key, value: $0.value) },
                            origin: SourcePosition(SourceText(name: "x", bytes: []), offset: 0))
        let expected = try Scorer(rubric: try tinyRubric()).score(direct)
        let card = try score(file)
        #expect(card.total.isClose(to: expected.total))
        #expect(card.grade == expected.grade)
        #expect(card.warnings.isEmpty, "the template's own weights match the rubric's: \(card.warnings)")
    }

    @Test func placeholdersAndEmptyCellsAreUnansweredAndWarnedOnce() throws {
        let file = read(try template(["a": "A/B/C/E", "b": "Y/T", "1.2": "B", "d": "Belum Diisi"]))
        #expect(file.errors.isEmpty)
        let warning = try #require(file.diagnostics.first { $0.code == .placeholderAnswer })
        #expect(warning.description == "lke.xlsx:LKE!F4: warning: 3 answer cells hold placeholders (such as Y/T or A/B/C/D, 'Belum Diisi'), counted unanswered")
        #expect(file.reports.first?.answers.map(\.id) == ["1.2"])
        #expect(try score(file).missing == ["a", "b", "d", "e"])
    }

    @Test func aLetterOffTheScaleIsAnErrorAtItsCell() throws {
        let file = read(try template(["a": "Z", "b": "Y"]))
        #expect(throws: DiagnosticList.self) { try score(file) }
        do {
            _ = try score(file)
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.map(\.description) == ["lke.xlsx:LKE!F4: error: answer 'Z' for criterion a is not in scale AE; expected one of A, B, C, E"])
            #expect(list.diagnostics.first?.location.cell == "LKE!F4")
        }
    }

    @Test func lettersMatchWhateverTheirCaseAsTheWorkbooksLookupDoes() throws {
        let file = read(try template(["a": "c", "b": " y "]))
        #expect(file.reports.first?.answers.map(\.value) == ["C", "Y"])
    }

    /// A workbook laid out by hand: identity rows in another order, only the self-assessment filled: scored at that stage.
    @Test func onlyTheSelfAssessmentFilledIsScoredAtThatStage() throws {
        let headers = LKETemplateLayout.headers(.id)
        var identity = Workbook.Sheet(name: "Identitas", headers: LKETemplateLayout.identityHeaders(.id), rows: [
            [.text("Tahun"), .integer(2023)], [.text("Kode instansi"), .text("kab-b")],
        ])
        identity.filter = false
        let rows: [[Workbook.Cell]] = [
            [.text("a"), .text("first"), .decimal(1), .text("B")],
            [.text("d"), .text("fourth"), .decimal(3), .text("A")],
        ]
        let bytes = try Workbook(sheets: [identity, Workbook.Sheet(name: "LKE", headers: headers, rows: rows)]).data()
        let file = read(bytes)
        #expect(file.diagnostics.isEmpty)
        let report = try #require(file.reports.first)
        #expect(report.agency == "kab-b" && report.year == 2023 && report.origin.location.cell == "Identitas!B3")
        #expect(report.answers.map { "\($0.id)=\($0.value)" } == ["a=B", "d=A"])
        #expect(report.stages == [.selfAssessment])
    }

    @Test func aMissingAgencyOrYearIsAnErrorAtItsCell() throws {
        let template = LKETemplate(rubric: try tinyRubric(), agency: nil, name: nil, region: nil, year: 2024, answers: [:])
        let file = read(try LKEWorkbookRenderer().workbook(template).data())
        #expect(file.errors.map(\.description) == ["lke.xlsx:Identity!B2: error: expected the agency id (such as kota-bandung)"])
        let noYear = LKETemplate(rubric: try tinyRubric(), agency: "kota-a", name: nil, region: nil, year: nil, answers: [:])
        #expect(read(try LKEWorkbookRenderer().workbook(noYear).data()).errors.map(\.description)
            == ["lke.xlsx:Identity!B5: error: expected the year of the evaluation, such as 2024"])
    }

    /// A KKE-style sheet read through a layout: fractions for weights, identity from cells and values.
    @Test func aLayoutReadsAnotherWorkbookAndChecksItsWeights() throws {
        let sheet = Workbook.Sheet(name: "KKE 2024", headers: ["KODE", "BOBOT", "MANDIRI", "FINAL", "CATATAN"], rows: [
            [.text("kab-c"), .empty, .empty, .empty, .empty],
            [.text("1"), .decimal(0.6), .empty, .empty, .empty],
            [.text("1.1"), .decimal(0.25), .empty, .empty, .empty],
            [.text("a"), .empty, .text("A"), .text("B"), .empty],
            [.text("1.2"), .decimal(0.4), .text("A"), .text("AA/A/B"), .empty],
        ])
        let layout = try WorkbookLayout.parse("""
            sheet: KKE 2024
            header_row: 2
            code: A
            answers: {self: C, final: D}
            weight: B
            weights: fractions
            agency: "='KKE 2024'!A2"
            year: 2024
            """, file: "kke.yaml")
        let file = read(try Workbook(sheets: [sheet]).data(), layout: layout)
        #expect(file.errors.isEmpty)
        #expect(file.diagnostics.map(\.description) == ["lke.xlsx:'KKE 2024'!D6: warning: 1 answer cell holds a placeholder (such as Y/T or A/B/C/D, 'Belum Diisi'), counted unanswered"])
        let report = try #require(file.reports.first)
        #expect(report.agency == "kab-c" && report.at(.final).answers.map(\.value) == ["B"] && report.stages == [.selfAssessment, .final])
        let card = try score(file)
        #expect(card.warnings.map(\.description) == [
            "lke.xlsx:'KKE 2024'!A2: warning: 4 of the rubric's items unanswered, each counted 0: b, 1.2, d, e",
            "lke.xlsx:'KKE 2024'!B4: warning: the workbook gives 1.1 a weight of 0.25 (25 points); rubric tiny gives it 20, which is used (a workbook for another rubric, or a local variant?)"])
    }

    /// A checklist sheet by hand: Y/T flags (T is *tidak*), a placeholder, and a flag that is neither.
    @Test func checklistFlagsAreReadAndABadFlagIsAnErrorAtItsCell() throws {
        var identity = Workbook.Sheet(name: "Identity", headers: LKETemplateLayout.identityHeaders(.en), rows: [
            [.text("Agency id"), .text("kab-d")], [.text("Year"), .integer(2024)],
        ])
        identity.filter = false
        func workbook(_ third: String) throws -> [UInt8] {
            let rows: [[Workbook.Cell]] = [
                [.text("1.1.1"), .text("first"), .decimal(1), .text("Y"), .text("t"), .text("ya"), .empty],
                [.text("1.1.2"), .text("second"), .decimal(1), .text("T")],
                [.text("1.1.3"), .text("third"), .decimal(1), .text(third)],
            ]
            return try Workbook(sheets: [identity, Workbook.Sheet(name: "LKE", headers: LKETemplateLayout.checklistHeaders(.en), rows: rows)]).data()
        }
        let file = read(try workbook("Y/T"))
        #expect(file.diagnostics.map(\.description) == ["lke.xlsx:LKE!D4: warning: 1 answer cell holds a placeholder (such as Y/T or A/B/C/D, 'Belum Diisi'), counted unanswered"])
        let items = try #require(file.reports.first).checklist
        #expect(items.map { [$0.met, $0.mandated, $0.kept1Year, $0.kept5Years] } == [[true, false, true, false], [false, false, false, false]])
        let bad = read(try workbook("X"))
        #expect(bad.reports.isEmpty)
        #expect(bad.errors.map(\.description) == ["lke.xlsx:LKE!D4: error: 'X' for 1.1.3 is not a flag; expected Y or T (ya/tidak)"])
    }

    @Test func aLayoutMayNameChecklistFlagColumns() throws {
        let layout = try WorkbookLayout.parse("sheet: K\nheader_row: 3\ncode: B\nflags: {met: H, kept_5_years: K}", file: "k.yaml")
        #expect(layout.flags == [8, 0, 0, 11])
        #expect(layout.answers.isEmpty)
        #expect(throws: RequestError(.invalidRequest, Message(verbatim: "k.yaml: 'flags' needs the met column, such as met: D"))) {
            try WorkbookLayout.parse("sheet: K\nheader_row: 3\ncode: B\nflags: {mandated: H}", file: "k.yaml")
        }
    }

    @Test func withoutALayoutAnUnknownWorkbookIsRefusedSayingWhatToDo() throws {
        let bytes = try Workbook(sheets: [Workbook.Sheet(name: "Sheet1", headers: ["x"], rows: [])]).data()
        #expect(read(bytes).errors.first?.message.hasPrefix("not a sakip LKE workbook (no sheet 'LKE' with the template's headers)") == true)
    }

    @Test(arguments: [
        ("header_row: 1\ncode: A\nanswers: {final: B}", "kke.yaml: 'sheet' is missing; expected the name of the sheet holding the LKE"),
        ("sheet: K\nheader_row: 1\ncode: A\nanswers: {final: 7}", "kke.yaml: 'answers.final' expected a column letter such as A or M, not '7'"),
        ("sheet: K\nheader_row: 1\ncode: A\nanswers: {draft: B}", "kke.yaml: 'answers' has stage 'draft'; expected self, verified, quality or final (mandiri, verifikasi, penjaminan, final)"),
        ("sheet: K\nheader_row: 1\ncode: A\nanswers: {final: B}\nweights: percent", "kke.yaml: 'weights' expected points or fractions, not 'percent'"),
        ("sheet: K\nheader_row: 1\ncode: A\nanswers: {final: B}\nagency: =K!ZZZZ1", "kke.yaml: 'agency' expected a cell such as =Identitas!C3, not '=K!ZZZZ1'"),
        ("sheet: K\nheader_rows: 1", "kke.yaml: 'header_rows' is not a layout key; expected one of agency, answers, code, evidence, flags, header_row, name, notes, region, rubric, sheet, weight, weights, year"),
    ])
    func layoutMistakesNameTheKey(yaml: String, message: String) {
        #expect(throws: RequestError(.invalidRequest, Message(verbatim: message))) { try WorkbookLayout.parse(yaml, file: "kke.yaml") }
    }

    @Test func notAZipArchiveIsSaidPlainly() {
        let file = read(Array("agency,year\n".utf8))
        #expect(file.errors.map(\.message) == ["not an .xlsx workbook (not a zip archive); save it from the spreadsheet as Excel Workbook (.xlsx)"])
        #expect(read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).errors.first?.message == "not a readable .xlsx workbook: it has no zip directory")
    }

    /// 8 MiB of one byte deflates about a thousand times: refused from the directory, before expanding.
    @Test func aZipBombIsRefused() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let size: Int64 = 8 << 20
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate) { position, chunk in
            Data(repeating: 0x20, count: min(chunk, Int(size - position)))
        }
        let file = read([UInt8](try #require(archive.data)))
        let error = try #require(file.errors.first)
        #expect(error.code == .workbookTooLarge)
        #expect(error.message.hasPrefix("refused: the workbook's part xl/workbook.xml expands "))
        #expect(error.message.hasSuffix("times (more than 200), as a zip bomb does"))
    }

    @Test(arguments: [("M12", 12, 13), ("$A$1", 1, 1), ("xfd1048576", 1_048_576, 16_384), ("AA10", 10, 27)])
    func cellReferences(text: String, row: Int, column: Int) {
        #expect(CellReference(text) == CellReference(row: row, column: column))
    }

    @Test(arguments: ["XFE1", "A0", "1A", "A1048577", "", "A-1"])
    func notCellReferences(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func sheetNamesAreQuotedAsSpreadsheetsQuoteThem() {
        #expect(CellReference.sheetName("LKE") == "LKE")
        #expect(CellReference.sheetName("KKE 2024") == "'KKE 2024'")
        #expect(CellReference.sheetName("Bob's") == "'Bob''s'")
        #expect(CellReference.unquotedSheetName("'Bob''s'") == "Bob's")
        let location = SourceLocation(file: "a.xlsx", sheet: "KKE 2024", row: 7, column: 28)
        #expect(location.description == "a.xlsx:'KKE 2024'!AB7")
    }

    @Test func cellLocationsSurviveTheJSONRoundTrip() throws {
        let diagnostic = Diagnostic(.unknownLetter, at: SourceLocation(file: "a.xlsx", sheet: "LKE", row: 12, column: 6), Message(verbatim: "x"))
        let data = try JSONEncoder().encode(diagnostic)
        #expect(String(decoding: data, as: UTF8.self).contains("\"cell\":\"LKE!F12\""))
        #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == diagnostic)
    }
}
