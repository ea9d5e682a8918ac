import Foundation
import Testing
@testable import SakipCore
import SakipRendering

private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples").path

private func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Each job through the core API alone: a request in, a Codable result out, no command line.
@Suite("Engine: requests, sources and diagnostics", .serialized)
struct EngineTests {
    // MARK: Sources

    @Test func bytesInMemoryScoreAsTheFileDoes() throws {
        let path = samples + "/kota-bandung-2024.xml"
        let fromFile = try ScoreRequest(inputs: InputSelection([.path(path)])).run()
        let fromBytes = try ScoreRequest(inputs: InputSelection([.bytes(try bytes(path), name: "upload")])).run()
        #expect(fromFile.reports.count == 1)
        #expect(fromBytes.reports.map(\.card.total) == fromFile.reports.map(\.card.total))
        #expect(fromBytes.reports.first?.card.origin.file == "upload")
        #expect(fromBytes.errors.isEmpty)
    }

    @Test func csvWithoutAnExtensionIsToldFromItsContent() throws {
        let csv = Array("agency,year,criterion,value\nkota-a,2024,1.1.1,A\n".utf8)
        let read = Evaluator().read([.bytes(csv, name: InputSource.standardInputName)])
        #expect(read.errors.isEmpty)
        #expect(read.reports.map(\.agency) == ["kota-a"])
        #expect(InputExpansion.format(of: "/dev/fd/63", bytes: Array("  <report/>".utf8)) == .xml)
    }

    @Test func aFolderLinkedBackToItselfIsWalkedOnce() throws {
        let scratch = Scratch()
        scratch.write("a/one.xml", "<report agency=\"a\" year=\"2024\"/>")
        try FileManager.default.createSymbolicLink(atPath: scratch.folder + "/a/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: scratch.folder + "/a/current", withDestinationPath: ".")
        let (items, missing) = InputExpansion.expand([.path(scratch.folder)])
        #expect(missing.isEmpty)
        #expect(items == [.file(scratch.folder + "/a/one.xml")])
    }

    @Test func aFolderKeepsWhatItsNamesSay() throws {
        let scratch = Scratch()
        let names = ["b.xml", "A.XML", "c.Csv", "d.xlsx", "e.XLSM", "f.xls", "g.ods", "h.txt", ".hidden.xml", "~$lock.xlsx",
                     "é-laporan.xml", ".\u{301}x.xml", "noext", "report.", "sub/inner.xml", "sub/.x/deep.xml", "Z.Xml"]
        for name in names { scratch.write(name, "x") }
        let (items, problems) = InputExpansion.expand([.path(scratch.folder)])
        // ASCII names are told apart from their bytes, other names as strings: both by one rule.
        let read = ["A.XML", "Z.Xml", "b.xml", "c.Csv", "d.xlsx", "e.XLSM", ".\u{301}x.xml", "sub/inner.xml", "é-laporan.xml"]
        #expect(items == read.map { scratch.folder + "/" + $0 }.sorted().map(InputItem.file))
        #expect(problems.map(\.location.file) == ["f.xls", "g.ods"].map { scratch.folder + "/" + $0 })
        #expect(problems.allSatisfy { $0.severity == .warning })
    }

    // MARK: Diagnostics from bytes

    @Test func aBadLetterInMemoryIsLocatedExactly() throws {
        let xml = """
        <report agency="kota-a" year="2024" rubric="permenpanrb-88-2021">
          <answers>
            <answer criterion="1.1.1" value="Q"/>
          </answers>
        </report>
        """
        let result = try ScoreRequest(inputs: InputSelection([.bytes(Array(xml.utf8), name: "pipe")])).run()
        #expect(result.reports.isEmpty)
        let error = try #require(result.errors.first)
        #expect(error.code == .unknownLetter)
        #expect(error.location == SourceLocation(file: "pipe", line: 3, column: 38))
        #expect(error.message.hasPrefix("answer 'Q' for criterion 1.1.1 is not in scale"))
    }

    @Test func aDuplicateAnswerNotesWhereTheFirstIs() throws {
        let xml = "<report agency=\"a\" year=\"2024\">\n<answers>\n<answer criterion=\"1.1.1\" value=\"A\"/>\n<answer criterion=\"1.1.1\" value=\"B\"/>\n</answers>\n</report>"
        let result = try ScoreRequest(inputs: InputSelection([.bytes(Array(xml.utf8), name: "dup.xml")])).run()
        let warning = try #require(result.reports.first?.card.warnings.first { $0.code == .duplicateAnswer })
        #expect(warning.location == SourceLocation(file: "dup.xml", line: 4, column: 34))
        #expect(warning.notes == [Diagnostic.Note(Message(verbatim: "the first answer for '1.1.1', which is used"), at: SourceLocation(file: "dup.xml", line: 3, column: 34))])
        #expect(warning.severity == .warning)
    }

    @Test func unansweredCriteriaHaveTheirCode() throws {
        let xml = "<report agency=\"a\" year=\"2024\"><answers><answer criterion=\"1.1.1\" value=\"A\"/></answers></report>"
        let card = try #require(try ScoreRequest(inputs: InputSelection([.bytes(Array(xml.utf8), name: "m.xml")])).run().reports.first?.card)
        #expect(card.warnings.contains { $0.code == .missingAnswer })
        #expect(card.missing.count == 79)
    }

    @Test func csvErrorsAreLocatedInBytesHeldInMemory() throws {
        let csv = Array("agency,year,criterion,value\nkota-a,2024,1.1.1,A\nkota-a,20x4,1.1.2,B\n".utf8)
        let read = Evaluator().read([.bytes(csv, name: "answers")])
        let error = try #require(read.errors.first)
        #expect(error.code == .invalidYear)
        #expect(error.location == SourceLocation(file: "answers", line: 3, column: 8))
    }

    @Test func diagnosticsEncodeTheirCodeAndNotes() throws {
        let diagnostic = Diagnostic(.duplicateReport, at: SourceLocation(file: "b.xml", line: 2, column: 3), Message(verbatim: "second report"),
                                    notes: [Diagnostic.Note(Message(verbatim: "the first"), at: SourceLocation(file: "a.xml", line: 1, column: 1))])
        let json = try JSONWriter.encode(diagnostic)
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8))
        #expect(decoded == diagnostic)
        #expect(json.contains("\"code\": \"duplicate-report\""))
        #expect(diagnostic.description == "b.xml:2:3: error: second report\na.xml:1:1: note: the first")
    }

    // MARK: Requests

    @Test func rankRequestRanksTheLatestYearWithMovement() throws {
        let request = RankRequest(inputs: InputSelection([.path(samples + "/partners/2024")]), previous: [.path(samples + "/partners/2023")], top: 5)
        let result = try request.run()
        #expect(result.year == 2024)
        #expect(result.previousYear == 2023)
        #expect(result.rankings.count == 5)
        #expect(result.summary.count == 56)
        #expect(result.rankings.map(\.rank) == result.rankings.map(\.rank).sorted())
        #expect(result.rankings.allSatisfy { $0.movementMeasured })
        let region = try RankRequest(inputs: InputSelection([.path(samples + "/partners/2024")]), region: "jawa barat").run()
        #expect(!region.rankings.isEmpty && region.rankings.allSatisfy { $0.region == "Jawa Barat" })
    }

    @Test func valuesNoRunCouldUseAreRefusedBeforeReading() throws {
        // The input does not exist: a refusal for the value, not for the input, shows it was checked first.
        let nowhere = InputSelection([.path("/nonexistent")])
        func code(_ run: () throws(RequestError) -> Void) -> DiagnosticCode? {
            do { try run() } catch { return error.code }
            return nil
        }
        #expect(code { () throws(RequestError) in _ = try ScoreRequest(inputs: nowhere, weakest: -1).run() } == .invalidRequest)
        #expect(code { () throws(RequestError) in _ = try RankRequest(inputs: nowhere, top: 0).run() } == .invalidRequest)
        #expect(code { () throws(RequestError) in _ = try CompareRequest(inputs: nowhere, candidate: "x", topK: 0).run() } == .invalidRequest)
        #expect(code { () throws(RequestError) in _ = try SensitivityRequest(inputs: nowhere, samples: -5).run() } == .invalidRequest)
        #expect(code { () throws(RequestError) in _ = try SensitivityRequest(inputs: nowhere, spread: 1).run() } == .invalidRequest)
        #expect(code { () throws(RequestError) in _ = try ScoreRequest(inputs: InputSelection([.path("x")], options: .init(jobs: -1))).run() } == .invalidRequest)
        #expect(code { () throws(RequestError) in _ = try RankRequest(inputs: InputSelection([])).run() } == .invalidRequest)
        #expect(code { () throws(RequestError) in _ = try RankRequest(inputs: nowhere).run() } == .nothingToDo)
    }

    @Test func rankRequestWithNothingToReadIsRefused() {
        let scratch = Scratch()
        #expect(throws: RequestError.self) { try RankRequest(inputs: InputSelection([.path(scratch.folder)])).run() }
    }

    @Test func compareRequestOfARubricWithItself() throws {
        let inputs = InputSelection([.path(samples + "/partners/2024")])
        let result = try CompareRequest(inputs: inputs, baseline: "permenpanrb-88-2021", candidate: "permenpanrb-88-2021").run()
        #expect(result.agencies.count == 56)
        #expect(result.meanAbsoluteShift == 0)
        #expect(result.kendallTauB == 1)
        #expect(result.gradeTransitions.keys == ["AA", "A", "BB", "B", "CC", "C", "D"])
        let error = #expect(throws: RequestError.self) {
            try CompareRequest(inputs: inputs, candidate: "permenpanrb-88-2012").run()
        }
        #expect(error?.code == .unknownRubric)
    }

    @Test func sensitivityRequestIsTheSameWhateverTheJobs() throws {
        func run(_ jobs: Int) throws -> String {
            let inputs = InputSelection([.path(samples + "/partners/2024")], options: Evaluator.Options(jobs: jobs))
            return try JSONWriter.encode(try SensitivityRequest(inputs: inputs, samples: 200, seed: 9).run())
        }
        let one = try run(1)
        #expect(one == (try run(2)))
        let decoded = try JSONDecoder().decode(SensitivityResult.self, from: Data(one.utf8))
        #expect(decoded.agencies.count == 56)
        #expect(decoded.agencies.allSatisfy { abs($0.gradeProbabilities.values.reduce(0, +) - 1) < 1e-9 })
    }

    @Test func validateRequestChecksEachInputOnItsOwn() throws {
        let scratch = Scratch()
        let good = scratch.write("good.xml", "<report agency=\"a\" year=\"2024\"><answers><answer criterion=\"1.1.1\" value=\"A\"/></answers></report>")
        let bad = scratch.write("bad.xml", "<report agency=\"a\" year=\"2024\">\n<answers><answer criterion=\"1.1.1\"/></answers></report>")
        let rubric = samples + "/../rubrics/permenpanrb-88-2021.yaml"
        let result = try ValidateRequest(sources: [.path(good), .path(bad), .path(rubric)]).run()
        #expect(result.checks.map(\.file) == [rubric, good, bad])
        #expect(result.checks.map(\.ok) == [true, true, false])
        #expect(result.checks[1].summary == "1 XML report, 79 unanswered items counted 0")
        #expect(result.checks[1].warnings.map(\.code) == [.missingAnswer])
        #expect(result.checks[2].diagnostics.map(\.code) == [.schema])
        #expect(result.checks[2].diagnostics.first?.location.line == 2)
        #expect(result.failed)
    }

    @Test func reportRequestGathersEveryJob() throws {
        let request = ReportRequest(inputs: InputSelection([.path(samples + "/partners/2024")]), previous: [.path(samples + "/partners/2023")],
                                    candidate: samples + "/variants/pemanfaatan-60.yaml", sensitivitySamples: 100, seed: 3)
        let result = try request.run()
        #expect(result.ranking.rankings.count == 56)
        #expect(result.reports.count == 56)
        #expect(result.comparison?.agencies.count == 56)
        #expect(result.sensitivity?.agencies.count == 56)
        #expect(result.grades.map(\.grade) == ["AA", "A", "BB", "B", "CC", "C", "D"])
        #expect(result.errors.isEmpty)
        let html = HTMLReportRenderer().render(result)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let decoded = try JSONDecoder().decode(ReportResult.self, from: Data(try JSONWriter.encode(result).utf8))
        #expect(decoded.ranking.rankings == result.ranking.rankings)
        #expect(throws: RequestError.self) { try ReportRequest(inputs: InputSelection([.path(samples + "/partners/2024")]), sensitivitySamples: 0).run() }
    }

    // MARK: Results as values

    @Test func scoreResultsRoundTripThroughJSON() throws {
        let result = try ScoreRequest(inputs: InputSelection([.path(samples + "/kab-merauke-2024.xml")])).run()
        let json = try JSONWriter.encode(result)
        let decoded = try JSONDecoder().decode(ScoreResult.self, from: Data(json.utf8))
        #expect(decoded.reports.map(\.card.total) == result.reports.map(\.card.total))
        #expect(decoded.reports.map(\.card.components) == result.reports.map(\.card.components))
        #expect(decoded.reports.map(\.card.warnings) == result.reports.map(\.card.warnings))
        #expect(decoded.reports.map(\.weakest) == result.reports.map(\.weakest))
        // Encoding the decoded value gives the same bytes: the JSON form is the Codable form.
        #expect(try JSONWriter.encode(decoded) == json)
    }

    @Test func rankResultsRoundTripThroughJSON() throws {
        let result = try RankRequest(inputs: InputSelection([.path(samples + "/partners")])).run()
        let json = try JSONWriter.encode(result)
        let decoded = try JSONDecoder().decode(RankResult.self, from: Data(json.utf8))
        #expect(decoded.rankings == result.rankings)
        #expect(decoded.componentIDs == result.componentIDs)
        #expect(try JSONWriter.encode(decoded).count == json.count)
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    struct Sample: Encodable {
        var zebra = 1
        var apple: String? = nil
        var half = 0.5
        var whole = 25.0
        var text = "a \"quoted\"\n\u{01} line é"
        var empty: [Int] = []
        var nested = ["x": 1]
    }

    @Test func keysKeepTheirOrderAndNilIsNull() throws {
        let json = try JSONWriter.encode(Sample())
        #expect(json == """
        {
          "zebra": 1,
          "apple": null,
          "half": 0.5,
          "whole": 25,
          "text": "a \\"quoted\\"\\n\\u0001 line é",
          "empty": [],
          "nested": {
            "x": 1
          }
        }

        """)
    }
}

@Suite("File extensions")
struct FileExtensionTests {
    /// The part after the last dot of the file's own name, lowercased; a dot in a folder's name
    /// is not an extension.
    @Test(arguments: [("a/b.xml", "xml"), ("B.XLSX", "xlsx"), ("partners.v2/answers", nil), ("a.b/c.Csv", "csv"),
                      ("noext", nil), ("report.", ""), ("dir/.hidden", "hidden"), ("laporan-é.XML", "xml")] as [(String, String?)])
    func extensionOfTheFileItself(name: String, expected: String?) {
        #expect(InputExpansion.fileExtension(name) == expected)
    }
}
