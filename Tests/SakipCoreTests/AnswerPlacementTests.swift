import Foundation
import Testing
@testable import SakipCore

/// Plain answers are placed on the rubric as an XML report is read; anything unusual hands them
/// back as `Answer`s. Either way a card and its diagnostics are what reading and then scoring give.
@Suite("Answers placed while reading", .serialized)
struct AnswerPlacementTests {
    static let rubric = try! RubricCatalog.standard.load(RubricCatalog.defaultRubricID)
    static let scorer = Scorer(rubric: rubric)

    /// The rubric's criteria in order, each answered with `letter`.
    static func answers(_ letter: (Int) -> String = { _ in "A" }, skip: Set<Int> = []) -> String {
        scorer.flatCriteria.enumerated().filter { !skip.contains($0.offset) }
            .map { "<answer criterion=\"\($0.element.id)\" value=\"\(letter($0.offset))\"/>" }.joined(separator: "\n")
    }

    /// A report of these answers (in one `<answers>` block unless `blocks` are given whole).
    static func report(_ answers: String, rubric: String = "", blocks: Bool = false) -> [UInt8] {
        let body = blocks ? answers : "<answers>\n\(answers)\n</answers>"
        return Array("<report agency=\"kota-x\" year=\"2024\"\(rubric)>\n\(body)\n</report>\n".utf8)
    }

    /// Both paths over the same bytes, as a ranking (no warnings) and as `score` (with them).
    func bothPaths(_ bytes: [UInt8], keepsWarnings: Bool = true) -> (placed: Evaluation, read: Evaluation) {
        let evaluator = Evaluator(options: .init(keepsWarnings: keepsWarnings))
        let source = InputSource.bytes(bytes, name: "r.xml")
        return (evaluator.evaluate([source]), evaluator.score(evaluator.read([source])))
    }

    /// - Parameter scored: whether the report is expected to score (else to fail with errors).
    func expectSame(_ bytes: [UInt8], scored: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for keepsWarnings in [true, false] {
            let (placed, read) = bothPaths(bytes, keepsWarnings: keepsWarnings)
            #expect(read.cards.isEmpty != scored, sourceLocation: sourceLocation)
            #expect(placed.cards == read.cards, sourceLocation: sourceLocation)
            #expect(placed.errors.map(\.description) == read.errors.map(\.description), sourceLocation: sourceLocation)
            #expect(placed.warnings.map(\.description) == read.warnings.map(\.description), sourceLocation: sourceLocation)
            #expect(placed.cards.map { $0.warnings.map(\.description) } == read.cards.map { $0.warnings.map(\.description) }, sourceLocation: sourceLocation)
        }
    }

    func placed(_ bytes: [UInt8]) -> Report? {
        let file = XMLReportReader.read(SourceText(name: "r.xml", bytes: bytes), placing: { _ in Self.scorer.placement }, remarks: true)
        return file.reports.first
    }

    @Test func aPlainReportIsPlacedAndScoresTheSame() throws {
        let bytes = Self.report(Self.answers { ["A", "BB", "B", "C", "CC", "D"][$0 % 6] })
        let report = try #require(placed(bytes), "the report reads")
        #expect(report.placed != nil)
        #expect(report.answers.isEmpty)
        // Handed back, the placed answers are what the full reader reads.
        var unplaced = report
        unplaced.unplace()
        #expect(unplaced.answers == XMLReportReader.read(bytes, file: "r.xml").reports.first?.answers)
        expectSame(bytes)
    }

    @Test func answersOutOfOrderAreFoundByTheirBytes() throws {
        let lines = Self.answers().split(separator: "\n").reversed().joined(separator: "\n")
        let report = try #require(placed(Self.report(lines)), "the report reads")
        #expect(report.placed != nil)
        expectSame(Self.report(lines))
    }

    /// Each of these stops the placement part-way: the answers placed before it are handed back
    /// in order, and the rest is read as ever.
    @Test(arguments: [
        ("<answer criterion=\"9.9.9\" value=\"A\"/>", true),                  // unknown criterion
        ("<answer criterion=\"1.1.1\" value=\"A\"/>", true),                  // duplicate (1.1.1 is answered above)
        ("<answer criterion=\"1.1.2\" value=\"Z\"/>", false),                 // letter off the scale
        ("<answer criterion=\"1.1.2\" value=\"a\"/>", true),                  // a letter's case (matched, on the full path)
        ("<answer criterion=\" 1.1.2\" value=\"A\"/>", true),                 // spaces around an id
        ("<answer criterion=\"1.1.2\" value=\"A \"/>", true),                 // spaces around a letter
        ("<answer criterion=\"1.1.2\"/>", false),                             // no value
        ("<answer criterion=\"\" value=\"A\"/>", false),                      // empty id
        ("<answer criterion=\"1.1.2\" value=\"A\" stage=\"self\"/>", true),   // an attribute answers do not take
        ("<answer criterion=\"1.1\" value=\"A\"/>", true),                    // a sub-component id
        ("<answer criterion=\"1.1.2\" value=\"É\"/>", false),                 // a letter outside ASCII
    ])
    func anythingUnusualHandsTheAnswersBack(line: String, scores: Bool) {
        let body = Self.answers(skip: [1]).split(separator: "\n")
        let mixed = (body.prefix(5) + [Substring(line)] + body.dropFirst(5)).joined(separator: "\n")
        expectSame(Self.report(mixed), scored: scores)
    }

    @Test func blocksOfOtherStagesAndGradesAreReadAsAnswers() {
        let finals = "<answers>\n" + Self.answers() + "\n</answers>"
        let selfBlock = "<answers stage=\"self\">\n" + Self.answers { _ in "B" } + "\n</answers>"
        expectSame(Self.report(finals + "\n" + selfBlock, blocks: true))
        expectSame(Self.report(selfBlock + "\n" + finals, blocks: true))
        expectSame(Self.report(finals + "\n<grades><grade subcomponent=\"1.1\" value=\"A\"/></grades>", blocks: true))
        expectSame(Self.report(finals + "\n<checklist><item criterion=\"1.1.1\" met=\"yes\"/></checklist>", blocks: true))
    }

    @Test func reportsNamingAnotherRubricArePlacedOnIt() {
        expectSame(Self.report(Self.answers(), rubric: " rubric=\"permenpanrb-88-2021-grade\""))
        expectSame(Self.report(Self.answers(), rubric: " rubric=\"no-such-rubric\""), scored: false)
    }

    @Test func unansweredCriteriaAreMissingEitherWay() {
        expectSame(Self.report(Self.answers(skip: [0, 7, 20])))
    }

    @Test func theBundledSamplesScoreTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = ["samples", "samples/partners/2024", "samples/stages"]
        var count = 0
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).filter { $0.hasSuffix(".xml") }
            for name in names.sorted() {
                // Every bundled sample scores.
                expectSame(try Array(Data(contentsOf: root.appendingPathComponent(folder + "/" + name))))
                count += 1
            }
        }
        #expect(count > 60)
    }
}

/// Plain answer rows of a CSV file are placed as they are read, too; fragments of one agency-year
/// from other files, chunks or rows that the placement does not take hand them back.
@Suite("CSV answer rows placed while reading", .serialized)
struct CSVAnswerPlacementTests {
    static let scorer = AnswerPlacementTests.scorer
    static let header = "agency,year,criterion,value,evidence,note"

    /// Rows answering every criterion for `agency`, `letter` by position.
    static func rows(_ agency: String = "kota-x", _ letter: (Int) -> String = { _ in "A" }, skip: Set<Int> = []) -> [String] {
        scorer.flatCriteria.enumerated().filter { !skip.contains($0.offset) }
            .map { "\(agency),2024,\($0.element.id),\(letter($0.offset)),bukti/\($0.offset).pdf,\"catatan, \"\"lengkap\"\"\"" }
    }

    static func file(_ rows: [String], header: String = header, name: String = "answers.csv") -> InputSource {
        .bytes(Array(([header] + rows).joined(separator: "\n").utf8 + [10]), name: name)
    }

    /// `evaluate` places the rows; `score(read(...))` reads them all as answers.
    func expectSame(_ sources: [InputSource], scored: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for keepsWarnings in [true, false] {
            let evaluator = Evaluator(options: .init(keepsWarnings: keepsWarnings))
            let placed = evaluator.evaluate(sources), read = evaluator.score(evaluator.read(sources))
            #expect(read.cards.count == scored, sourceLocation: sourceLocation)
            #expect(placed.cards == read.cards, sourceLocation: sourceLocation)
            #expect(placed.errors.map(\.description) == read.errors.map(\.description), sourceLocation: sourceLocation)
            #expect(placed.warnings.map(\.description) == read.warnings.map(\.description), sourceLocation: sourceLocation)
            #expect(placed.cards.map { $0.warnings.map(\.description) } == read.cards.map { $0.warnings.map(\.description) }, sourceLocation: sourceLocation)
        }
    }

    func readPlaced(_ source: InputSource, parts: Int = 1) throws -> ReportFile {
        guard case .bytes(let bytes, let name) = source else { throw CancellationError() }
        return CSVReportReader.read(SourceText(name: name, bytes: bytes), rubric: nil, parts: parts, placing: { _ in Self.scorer.placement }, remarks: true)
    }

    @Test func plainRowsArePlacedAndScoreTheSame() throws {
        let source = Self.file(Self.rows("kota-x") { ["A", "BB", "B", "C", "CC", "D"][$0 % 6] } + Self.rows("kota-y", skip: [3]))
        let file = try readPlaced(source)
        #expect(file.reports.count == 2)
        #expect(file.reports.allSatisfy { $0.placed != nil && $0.answers.isEmpty })
        // Handed back, the placed answers are what the full reader reads.
        let unplaced = file.reports.map { var report = $0; report.unplace(); return report.answers }
        guard case .bytes(let bytes, let name) = source else { return }
        #expect(unplaced == CSVReportReader.read(bytes, file: name, rubric: nil).reports.map(\.answers))
        expectSame([source], scored: 2)
    }

    /// Each of these stops the placement part-way through kota-x: its answers placed before it
    /// are handed back in order, and the rest is read as ever; kota-y stays placed.
    @Test(arguments: [
        ("kota-x,2024,9.9.9,A,,", true),            // unknown criterion
        ("kota-x,2024,1.1.1,A,,", true),            // duplicate (1.1.1 is answered above)
        ("kota-x,2024,1.1.2,Z,,", false),           // letter off the scale
        ("kota-x,2024,1.1.2,a,,", true),            // a letter's case (matched, on the full path)
        ("kota-x,2024, 1.1.2 ,A,,", true),          // spaces around an id
        ("kota-x,2024,1.1.2,\"A\",,", true),        // a quoted letter
        ("kota-x,2024,1.1.2,\"A\"\"\",,", false),   // a quote inside the letter
        ("kota-x,2024,1.1.2,,,", false),            // no value
        ("kota-x,2024,,A,,", false),                // empty id
        ("kota-x,2024,1.1,A,,", true),              // a sub-component's grade
        ("kota-x,2024,1.1.2,É,,", false),           // a letter outside ASCII
        ("kota-x,2024,1.1.2,A", false),             // a short row
    ])
    func anythingUnusualHandsTheAnswersBack(line: String, scores: Bool) {
        let rows = Self.rows("kota-x", skip: [1])
        let mixed = Array(rows.prefix(5)) + [line] + rows.dropFirst(5) + Self.rows("kota-y")
        expectSame([Self.file(mixed)], scored: scores ? 2 : 1)
    }

    @Test func stagesAreReadAsAnswers() {
        let header = Self.header + ",stage"
        let finals = Self.rows().map { $0 + "," }
        let named = Self.rows { _ in "B" }.map { $0 + ",self" }
        expectSame([Self.file(finals + named, header: header)], scored: 1)
        expectSame([Self.file(named + finals, header: header)], scored: 1)
        expectSame([Self.file(Self.rows().map { $0 + ",final" }, header: header)], scored: 1)
    }

    @Test func fragmentsFromOtherFilesMerge() {
        let rows = Self.rows()
        // Answers split across two files, in either order.
        expectSame([Self.file(Array(rows.prefix(30)), name: "a.csv"), Self.file(Array(rows.dropFirst(30)), name: "b.csv")], scored: 1)
        expectSame([Self.file(Array(rows.dropFirst(30)), name: "a.csv"), Self.file(Array(rows.prefix(30)), name: "b.csv")], scored: 1)
        // A checklist and indicators beside the answers.
        let checklist = Self.file(["kota-x,2024,1.1.1,Y"], header: "agency,year,criterion,met", name: "checklist.csv")
        let indicators = Self.file(["kota-x,2024,IKU-1,positive,80,72"], header: "agency,year,indicator,polarity,target,realization", name: "indicators.csv")
        expectSame([Self.file(rows), checklist], scored: 1)
        expectSame([checklist, Self.file(rows)], scored: 1)
        expectSame([Self.file(rows), indicators], scored: 1)
        expectSame([indicators, Self.file(rows)], scored: 1)
    }

    @Test(arguments: [2, 3, 7])
    func chunksMergeAsOnePass(parts: Int) throws {
        let source = Self.file(Self.rows("kota-x") + Self.rows("kota-y") { _ in "B" } + Self.rows("kota-z", skip: [4]))
        let whole = try readPlaced(source), chunked = try readPlaced(source, parts: parts)
        let score = { (file: ReportFile) in file.reports.map { try? Self.scorer.score($0) } }
        #expect(chunked.reports.count == 3)
        #expect(score(chunked) == score(whole))
        #expect(score(whole).allSatisfy { $0 != nil })
    }

    @Test func theBundledPartnersScoreTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("samples/partners/csv")
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            InputSource.bytes(try Array(Data(contentsOf: folder.appendingPathComponent(name))), name: name)
        }
        let read = Evaluator(options: .init()).read(sources)
        expectSame(sources, scored: read.reports.count)
        #expect(read.reports.count > 10)
    }
}
