import Foundation
import Testing
@testable import SakipCore
@testable import SakipRendering

/// Stages of one evaluation: the published PA Binjai case, several stages, missing and
/// duplicated answers within a stage.
@Suite("Stages", .serialized)
struct StageTests {
    static let final = ["1.1": "A", "1.2": "BB", "1.3": "BB", "2.1": "BB", "2.2": "BB", "2.3": "A", "3.1": "BB", "3.2": "A", "3.3": "AA",
                        "4.1": "A", "4.2": "A", "4.3": "AA"]
    static let order = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"]

    static func xml(_ blocks: [(String?, [String: String])]) -> [UInt8] {
        var text = "<report agency=\"pa-binjai\" year=\"2023\" rubric=\"permenpanrb-88-2021-grade\">\n"
        for (stage, grades) in blocks {
            text += "  <grades\(stage.map { " stage=\"\($0)\"" } ?? "")>\n"
            for id in order where grades[id] != nil { text += "    <grade subcomponent=\"\(id)\" value=\"\(grades[id]!)\"/>\n" }
            text += "  </grades>\n"
        }
        return Array((text + "</report>\n").utf8)
    }

    func score(_ file: ReportFile) throws -> ScoreCard {
        #expect(file.errors.isEmpty, "\(file.errors)")
        return try Scorer(rubric: try bundled("permenpanrb-88-2021-grade")).score(try #require(file.reports.first))
    }

    static let allAA = Dictionary(uniqueKeysWithValues: order.map { ($0, "AA") })

    /// PA Binjai 2023 (issue 11): self-assessment AA everywhere, 100 AA; final 24.60 / 25.50 /
    /// 13.95 / 23.75 = 87.80, A.
    @Test func thePublishedCaseInXMLAndCSV() throws {
        let fromXML = try score(XMLReportReader.read(Self.xml([("mandiri", Self.allAA), (nil, Self.final)]), file: "binjai.xml"))
        var csv = "agency,year,criterion,value,stage\n"
        for id in Self.order { csv += "pa-binjai,2023,\(id),AA,self\n" }
        for id in Self.order { csv += "pa-binjai,2023,\(id),\(Self.final[id]!),\n" }
        let fromCSV = try score(CSVReportReader.read(Array(csv.utf8), file: "binjai.csv", rubric: "permenpanrb-88-2021-grade"))
        for card in [fromXML, fromCSV] {
            #expect(card.total.isClose(to: 87.80) && card.grade.grade == "A")
            #expect(card.components.map(\.score).enumerated().allSatisfy { $0.element.isClose(to: [24.60, 25.50, 13.95, 23.75][$0.offset]) })
            #expect(card.scoredStage == .final)
            #expect(card.stages.map(\.stage) == [.selfAssessment, .final])
            #expect(card.stages[0].score.isClose(to: 100) && card.stages[0].grade == "AA")
            // 1.3 is weighted 15: AA (15) against BB (12) is the largest over-claim.
            #expect(card.gaps.first?.subcomponent == "1.3" && card.gaps.first!.gap.isClose(to: 3))
            #expect(card.gaps.allSatisfy { $0.gap >= 0 } && card.gaps.reduce(0) { $0 + $1.gap }.isClose(to: 12.2))
        }
    }

    @Test func threeStagesAndTheLatestIsScoredWhenFinalIsMissing() throws {
        var verified = Self.final
        verified["4.3"] = "A"
        let three = try score(XMLReportReader.read(Self.xml([("self", Self.allAA), ("verifikasi", verified), ("final", Self.final)]), file: "a.xml"))
        #expect(three.stages.map(\.stage) == [.selfAssessment, .verified, .final])
        #expect(three.total.isClose(to: 87.80))
        let noFinal = try score(XMLReportReader.read(Self.xml([("self", Self.allAA), ("verified", verified)]), file: "b.xml"))
        #expect(noFinal.scoredStage == .verified)
        #expect(noFinal.total.isClose(to: 87.80 - 1.25))
        let onlySelf = try score(XMLReportReader.read(Self.xml([("self", Self.allAA)]), file: "c.xml"))
        #expect(onlySelf.scoredStage == .selfAssessment && onlySelf.total.isClose(to: 100) && onlySelf.gaps.isEmpty)
    }

    /// A stage that leaves a sub-component out counts it 0 in that stage only; two answers in one
    /// stage are a duplicate, the same id in two stages is not.
    @Test func missingAnswersAndDuplicatesAreWithinAStage() throws {
        var partial = Self.allAA
        partial["4.3"] = nil
        let card = try score(XMLReportReader.read(Self.xml([("self", partial), (nil, Self.final)]), file: "d.xml"))
        #expect(card.missing.isEmpty)
        #expect(card.stages[0].missing == 1 && card.stages[0].score.isClose(to: 87.5))
        let text = "<report agency=\"x\" year=\"2023\" rubric=\"permenpanrb-88-2021-grade\"><grades stage=\"self\"><grade subcomponent=\"1.1\" value=\"AA\"/><grade subcomponent=\"1.1\" value=\"A\"/></grades><grades><grade subcomponent=\"1.1\" value=\"A\"/></grades></report>"
        let file = XMLReportReader.read(Array(text.utf8), file: "e.xml")
        #expect(throws: DiagnosticList.self) { try Scorer(rubric: try bundled("permenpanrb-88-2021-grade"), strict: true).score(file.reports[0]) }
        do {
            _ = try Scorer(rubric: try bundled("permenpanrb-88-2021-grade"), strict: true).score(file.reports[0])
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.filter { $0.code == .duplicateAnswer }.count == 1)
        }
    }

    @Test func anUnknownStageIsAnErrorAtItsAttribute() {
        let text = "<report agency=\"x\" year=\"2023\">\n  <answers stage=\"draft\"><answer criterion=\"1.1.1\" value=\"A\"/></answers>\n</report>"
        let file = XMLReportReader.read(Array(text.utf8), file: "f.xml")
        #expect(file.errors.map(\.description) == ["f.xml:2:19: error: 'stage' is 'draft'; expected self, verified, quality or final (mandiri, verifikasi, penjaminan, final)"])
        let csv = CSVReportReader.read(Array("agency,year,criterion,value,stage\nx,2023,1.1.1,A,akhir\n".utf8), file: "g.csv", rubric: nil)
        #expect(csv.errors.first?.description == "g.csv:2:16: error: 'stage' is 'akhir'; expected self, verified, quality or final (mandiri, verifikasi, penjaminan, final)")
    }

    /// The template's two answer columns are two stages.
    @Test func aWorkbookCarriesTheSelfAssessmentAndTheEvaluatorsAnswers() throws {
        let template = LKETemplate(rubric: try bundled("permenpanrb-88-2021-grade"), agency: "pa-binjai", year: 2023, answers: Self.final)
        var workbook = LKEWorkbookRenderer().workbook(template)
        // The agency's column (D), filled as the agency would.
        let lke = workbook.sheets.firstIndex { $0.name == "LKE" }!
        for (r, row) in workbook.sheets[lke].rows.enumerated() where row.count > 3 {
            if case .text(let id) = row[0], Self.final[id] != nil { workbook.sheets[lke].rows[r][3] = .text("AA") }
        }
        let file = WorkbookReportReader.read(SourceText(name: "lke.xlsx", bytes: try workbook.data()))
        let card = try score(file)
        #expect(card.stages.map(\.stage) == [.selfAssessment, .final])
        #expect(card.total.isClose(to: 87.80) && card.stages[0].score.isClose(to: 100))
    }

    @Test(arguments: [("self", Stage.selfAssessment), ("Mandiri", .selfAssessment), ("verifikasi", .verified), ("penjaminan", .quality), ("FINAL", .final)])
    func stageNames(name: String, stage: Stage) {
        #expect(Stage(name: name) == stage)
    }
}
