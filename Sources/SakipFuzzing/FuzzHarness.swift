import Foundation
import SakipCore

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
        checkPlacement(file, XMLReportReader.read(source, placing: placement(named:), remarks: false))
        return score(file)
    }

    /// Scorers by rubric id, made once each: a fuzzer runs hundreds of inputs a second, and
    /// making a scorer (its indexes and rules) for each report of each had taken most of that.
    private static let scorerCache = Locked<[String: (lenient: Scorer, strict: Scorer)?]>([:])

    private static func scorers(for named: String?) -> (lenient: Scorer, strict: Scorer)? {
        let reference = named ?? RubricCatalog.defaultRubricID
        if let known = scorerCache.withLock({ $0[reference] }) { return known }
        let made = (try? rubrics.rubric(reference)).map { (Scorer(rubric: $0), Scorer(rubric: $0, strict: true)) }
        // Names the fuzzer made up are not kept past a bound: the cache is for real rubrics.
        scorerCache.withLock { if $0.count < 64 || made != nil { $0[reference] = made } }
        return made
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
                     "placing answers (and dropping notes) changed what the file reads as")
        for (whole, fast) in zip(read.reports, placed.reports) {
            guard let scorer = scorers(for: whole.rubric)?.lenient else { continue }
            let a = Result { () throws(DiagnosticList) in try scorer.score(whole) }
            let b = Result { () throws(DiagnosticList) in try scorer.score(fast) }
            switch (a, b) {
            case let (.success(x), .success(y)):
                var kept = x
                kept.remarks = []
                precondition(kept == y, "a placed report read without remarks scored differently")
            case let (.failure(x), .failure(y)): precondition(x.diagnostics == y.diagnostics, "a placed report failed differently")
            default: preconditionFailure("a placed report scored where the whole one failed, or the other way round")
            }
        }
    }

    /// Reads bytes as a long-form CSV file and scores the reports its rows make.
    @discardableResult
    package static func csvReport(_ bytes: [UInt8]) -> Outcome {
        let source = SourceText(name: "fuzz.csv", bytes: bytes)
        let file = CSVReportReader.read(source, rubric: RubricCatalog.defaultRubricID, jobs: 1)
        checkPlacement(file, CSVReportReader.read(source, rubric: RubricCatalog.defaultRubricID, jobs: 1, placing: placement(named:), remarks: false))
        return score(file)
    }

    /// Reads bytes as an `.xlsx` workbook when they are a zip archive; otherwise as the XML of
    /// the parts of sakip's template, put into a workbook here, so that the fuzzer reaches the
    /// sheet reader rather than stopping at the zip's checksums: the LKE sheet, then (after
    /// `partSeparator`) the identity sheet, then the shared strings table.
    @discardableResult
    package static func workbook(_ bytes: [UInt8]) -> Outcome {
        score(workbookFile(bytes))
    }

    /// What reading a workbook input (as `workbook(_:)` takes it) gives, before scoring.
    package static func workbookFile(_ bytes: [UInt8]) -> ReportFile {
        let archive: [UInt8]
        if bytes.starts(with: [0x50, 0x4B]) {
            archive = bytes
        } else {
            let parts = split(bytes, at: Array(partSeparator.utf8))
            archive = templateWorkbook(sheet: parts[0], identity: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil, strings: parts.count > 2 ? parts[2] : nil)
        }
        return WorkbookReportReader.read(SourceText(name: "fuzz.xlsx", bytes: archive))
    }

    /// Between the parts of a structured workbook input (see `workbook(_:)`); in the dictionary.
    package static let partSeparator = "<!--part-->"

    private static func split(_ bytes: [UInt8], at separator: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count, parts.count < 2 {
            if bytes[i] == separator[0], bytes[i..<(i + separator.count)].elementsEqual(separator) {
                parts.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    /// The identity sheet a structured input without one gets: an agency and a year.
    static let identitySheet = Array("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Agency id</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>fuzz</t></is></c></row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>Year</t></is></c><c r=\"B5\"><v>2024</v></c></row></sheetData></worksheet>".utf8)

    /// A workbook whose LKE sheet is `sheet`, with an identity sheet (by default one naming an
    /// agency and year) and, when given, a shared strings table.
    package static func templateWorkbook(sheet: [UInt8], identity: [UInt8]? = nil, strings: [UInt8]? = nil) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, [UInt8])] = [
            ("xl/workbook.xml", Array("<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"Identity\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"LKE\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", identity ?? identitySheet),
            ("xl/worksheets/sheet2.xml", sheet),
        ]
        if let strings { parts.append(("xl/sharedStrings.xml", strings)) }
        return storedZip(parts)
    }

    /// A zip archive of stored entries, written here: a fuzz input becomes a workbook in a few
    /// microseconds (ZIPFoundation's writer took most of each run's time).
    package static func storedZip(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        func le(_ value: Int, _ count: Int, _ bytes: inout [UInt8]) { for i in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * i))) } }
        for (name, data) in parts {
            let offset = out.count, crc = Int(ZipArchive.checksum(data)), nameBytes = Array(name.utf8)
            for (value, size) in [(0x0403_4B50, 4), (20, 2), (0, 2), (0, 2), (0, 4), (crc, 4), (data.count, 4), (data.count, 4), (nameBytes.count, 2), (0, 2)] { le(value, size, &out) }
            out += nameBytes + data
            for (value, size) in [(0x0201_4B50, 4), (20, 2), (20, 2), (0, 2), (0, 2), (0, 4), (crc, 4), (data.count, 4), (data.count, 4),
                                  (nameBytes.count, 2), (0, 2), (0, 2), (0, 2), (0, 2), (0, 4), (offset, 4)] { le(value, size, &directory) }
            directory += nameBytes
        }
        let start = out.count
        out += directory
        for (value, size) in [(0x0605_4B50, 4), (0, 2), (0, 2), (parts.count, 2), (parts.count, 2), (directory.count, 4), (start, 4), (0, 2)] { le(value, size, &out) }
        return out
    }

    /// Loads bytes as a rubric and, when it loads, scores a small report against it.
    @discardableResult
    package static func yamlRubric(_ bytes: [UInt8]) -> Outcome {
        let rubric: Rubric
        do {
            rubric = try RubricLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        } catch {
            let diagnostics = error.diagnostics
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
            guard let scorers = scorers(for: report.rubric) else { continue }
            for scorer in [scorers.lenient, scorers.strict] {
                do {
                    let card = try scorer.score(report)
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
