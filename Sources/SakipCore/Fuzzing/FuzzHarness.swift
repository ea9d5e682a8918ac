import Foundation
import ZIPFoundation

/// What each fuzz target does with one input: read it as the format says and score what it
/// yields, the whole path a user's file takes. The regression tests run the same functions over
/// every input that ever crashed (`Fuzz/regressions/`), so a fix stays fixed.
package enum FuzzHarness {
    /// Shared across calls: the fuzzer runs millions of inputs in one process.
    private static let rubrics = RubricCache()

    /// What one input gave: reports read, and diagnostics (from reading and scoring). An input
    /// always gives one or the other: never silence.
    package struct Outcome: Sendable {
        package var reports = 0
        package var diagnostics = 0
        /// Every diagnostic names a place in the input or the input as a whole, with a message.
        package var allLocated = true
    }

    /// Reads bytes as an XML report file and scores every report in it.
    @discardableResult
    package static func xmlReport(_ bytes: [UInt8]) -> Outcome {
        let source = SourceText(name: "fuzz.xml", bytes: bytes)
        let file = XMLReportReader.read(source)
        checkPlacement(file, XMLReportReader.read(source, placing: placement(named:)))
        return score(file)
    }

    /// Placements by rubric id, made once each.
    private static let placements = Locked<[String: AnswerPlacement?]>([:])

    private static func placement(named: String?) -> AnswerPlacement? {
        let reference = named ?? RubricCatalog.defaultRubricID
        if let known = placements.withLock({ $0[reference] }) { return known }
        let made = (try? rubrics.rubric(reference)).map { Scorer(rubric: $0).placement }
        placements.withLock { $0[reference] = made }
        return made
    }

    /// The path `rank` takes places plain answers while reading (`AnswerPlacement`, XML and
    /// CSV): every report must score to the same card, or fail with the same errors, as when
    /// read whole.
    private static func checkPlacement(_ read: ReportFile, _ placed: ReportFile) {
        precondition(read.reports.count == placed.reports.count && read.diagnostics == placed.diagnostics,
                     "placing answers changed what the file reads as")
        for (whole, fast) in zip(read.reports, placed.reports) {
            guard let rubric = try? rubrics.rubric(whole.rubric ?? RubricCatalog.defaultRubricID) else { continue }
            let scorer = Scorer(rubric: rubric)
            let a = Result { () throws(DiagnosticList) in try scorer.score(whole) }
            let b = Result { () throws(DiagnosticList) in try scorer.score(fast) }
            switch (a, b) {
            case let (.success(x), .success(y)): precondition(x == y, "a placed report scored differently")
            case let (.failure(x), .failure(y)): precondition(x.diagnostics == y.diagnostics, "a placed report failed differently")
            default: preconditionFailure("a placed report scored where the whole one failed, or the other way round")
            }
        }
    }

    /// Reads bytes as a long-form CSV file and scores the reports its rows make.
    @discardableResult
    package static func csvReport(_ bytes: [UInt8]) -> Outcome {
        let source = SourceText(name: "fuzz.csv", bytes: bytes)
        let file = CSVReportReader.read(source, rubric: RubricCatalog.defaultRubricID)
        checkPlacement(file, CSVReportReader.read(source, rubric: RubricCatalog.defaultRubricID, jobs: 1, placing: placement(named:)))
        return score(file)
    }

    /// Reads bytes as an `.xlsx` workbook when they are a zip archive; otherwise as the XML of
    /// the LKE sheet of sakip's template, put into a workbook here, so that the fuzzer reaches
    /// the sheet reader rather than stopping at the zip's checksums.
    @discardableResult
    package static func workbook(_ bytes: [UInt8]) -> Outcome {
        let archive = bytes.starts(with: [0x50, 0x4B]) ? bytes : templateWorkbook(sheet: bytes)
        return score(WorkbookReportReader.read(SourceText(name: "fuzz.xlsx", bytes: archive)))
    }

    /// A workbook whose identity sheet names an agency and year and whose LKE sheet is `sheet`.
    static func templateWorkbook(sheet: [UInt8]) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, [UInt8])] = [
            ("xl/workbook.xml", Array("<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"Identity\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"LKE\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", Array("<worksheet xmlns=\"\(main)\"><sheetData><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Agency id</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>fuzz</t></is></c></row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>Year</t></is></c><c r=\"B5\"><v>2024</v></c></row></sheetData></worksheet>".utf8)),
            ("xl/worksheets/sheet2.xml", sheet),
        ]
        guard let archive = try? Archive(data: Data(), accessMode: .create) else { return [] }
        for (path, bytes) in parts {
            try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<min(Int(position) + size, bytes.count)])
            }
        }
        return archive.data.map { [UInt8]($0) } ?? []
    }

    /// Loads bytes as a rubric and, when it loads, scores a small report against it.
    @discardableResult
    package static func yamlRubric(_ bytes: [UInt8]) -> Outcome {
        let rubric: Rubric
        do {
            rubric = try RubricLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        } catch {
            let diagnostics = error.asDiagnostics(file: "fuzz.yaml")
            return Outcome(reports: 0, diagnostics: diagnostics.count, allLocated: diagnostics.allSatisfy(located))
        }
        let answers = rubric.subcomponents.flatMap(\.criteria).prefix(40).map { Answer(id: $0.id, value: "A") }
        let report = Report(agency: "fuzz", year: 2024, answers: Array(answers), origin: SourcePosition(SourceText(name: "fuzz", bytes: []), offset: 0))
        _ = try? Scorer(rubric: rubric, strict: false).score(report)
        _ = try? Scorer(rubric: rubric, strict: true).score(report)
        return Outcome(reports: 1, diagnostics: 0)
    }

    private static func score(_ file: ReportFile) -> Outcome {
        var outcome = Outcome(reports: file.reports.count, diagnostics: file.diagnostics.count)
        outcome.allLocated = file.diagnostics.allSatisfy(located)
        for report in file.reports {
            let reference = report.rubric ?? RubricCatalog.defaultRubricID
            guard let rubric = try? rubrics.rubric(reference) else { continue }
            for strict in [false, true] {
                do {
                    let card = try Scorer(rubric: rubric, strict: strict).score(report)
                    outcome.allLocated = outcome.allLocated && card.warnings.allSatisfy(located)
                } catch {
                    outcome.diagnostics += error.diagnostics.count
                    outcome.allLocated = outcome.allLocated && error.diagnostics.allSatisfy(located)
                }
            }
        }
        return outcome
    }

    /// Placed inside the input (line and column from 1), or the input as a whole; never negative.
    private static func located(_ diagnostic: Diagnostic) -> Bool {
        let location = diagnostic.location
        return !diagnostic.message.isEmpty && !diagnostic.message.contains("\n")
            && ((location.line >= 1 && location.column >= 1) || location == .wholeFile(location.file))
    }
}
