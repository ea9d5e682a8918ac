import Foundation
import Testing
@testable import SakipCore

@Suite("Scoring rules")
struct ScorerTests {
    let origin = SourcePosition(SourceText(name: "nowhere.xml", bytes: []), offset: 0)

    func report(_ answers: [(String, String)]) -> Report {
        Report(agency: "x", year: 2024, answers: answers.map { Answer(id: $0.0, value: $0.1) }, origin: origin)
    }

    @Test func meanGradeAndWeightedCriteriaRollUp() throws {
        let card = try Scorer(rubric: tinyRubric()).score(report([("a", "C"), ("b", "Y"), ("1.2", "B"), ("d", "B"), ("e", "E")]))
        // 1.1: mean(0.5, 1.0) x 20 = 15; 1.2: graded B = 0.75 x 40 = 30; 2.1: (3 x 0.75 + 0) / 4 x 40 = 22.5.
        #expect(card.subcomponents.map(\.score) == [15, 30, 22.5])
        #expect(card.components.map(\.score) == [45, 22.5])
        #expect(card.total.isClose(to: 67.5))
        #expect(card.grade.grade == "Good")
        #expect(card.subcomponents[1].letter == "B")
        #expect(card.missing.isEmpty)
        #expect(card.warnings.isEmpty)
    }

    @Test func missingCriteriaCountZeroAndAreListed() throws {
        let card = try Scorer(rubric: tinyRubric()).score(report([("a", "A"), ("d", "A"), ("e", "A")]))
        #expect(card.missing == ["b", "1.2"])
        #expect(card.subcomponents.map(\.score) == [10, 0, 40])
        #expect(card.warnings.contains { $0.message == "2 of the rubric's items unanswered, each counted 0: b, 1.2" })
    }

    @Test func strictTurnsMissingUnknownAndDuplicateIntoErrors() throws {
        let scorer = try Scorer(rubric: tinyRubric(), strict: true)
        #expect(throws: DiagnosticList.self) { try scorer.score(report([("a", "A"), ("b", "Y"), ("d", "A"), ("e", "A")])) }
        let all = [("a", "A"), ("b", "Y"), ("1.2", "A"), ("d", "A"), ("e", "A")]
        _ = try scorer.score(report(all))
        let unknown = #expect(throws: DiagnosticList.self) { try scorer.score(report(all + [("zz", "A")])) }
        #expect(unknown?.diagnostics.map(\.message) == ["unknown criterion 'zz' for rubric tiny"])
        let duplicate = #expect(throws: DiagnosticList.self) { try scorer.score(report(all + [("a", "E")])) }
        #expect(duplicate?.diagnostics.first?.message.hasPrefix("duplicate answer for 'a'") == true)
    }

    @Test func lenientModeWarnsAboutUnknownAndDuplicateCriteria() throws {
        let card = try Scorer(rubric: tinyRubric()).score(report([("a", "A"), ("a", "E"), ("b", "Y"), ("1.2", "A"), ("d", "A"), ("e", "A"), ("zz", "A")]))
        // The first answer for a duplicated criterion counts.
        #expect(card.subcomponents[0].value == 1)
        #expect(card.warnings.contains { $0.message == "1 unknown criterion ignored: zz" })
        #expect(card.warnings.contains { $0.message.hasPrefix("duplicate answer for 'a'") })
    }

    @Test func answerOutsideItsScaleIsAnErrorAtItsLocation() throws {
        let scratch = Scratch()
        let rubricPath = scratch.write("tiny.yaml", tinyRubricYAML)
        let path = scratch.write("r.xml", """
        <report agency="x" year="2024" rubric="\(rubricPath)">
          <answers>
            <answer criterion="a" value="A"/>
            <answer criterion="b" value="BB"/>
          </answers>
        </report>
        """)
        let file = XMLReportReader.read(path: path)
        #expect(file.errors.isEmpty)
        let error = #expect(throws: DiagnosticList.self) { try Scorer(rubric: tinyRubric()).score(file.reports[0]) }
        #expect(error?.diagnostics.map(\.description) == ["\(path):4:34: error: answer 'BB' for criterion b is not in scale YT; expected one of Y, T"])
    }

    @Test func consistencyRulesWarnWithoutChangingTheScore() throws {
        let answers = [("a", "A"), ("b", "Y"), ("1.2", "A"), ("d", "C"), ("e", "A")]
        let card = try Scorer(rubric: tinyRubric()).score(report(answers))
        #expect(card.warnings.map(\.message) == ["kerangka logis: e (100%) scores above criterion d (50%): e needs d"])
        #expect(card.warnings.allSatisfy { $0.severity == .warning })
        let secondComponent: Double = (3 * 0.5 + 1) / 4 * 40
        #expect(card.total.isClose(to: 20 + 40 + secondComponent))
    }

    @Test func weakestAreTheLowestShareAchieved() throws {
        let card = try Scorer(rubric: tinyRubric()).score(report([("a", "A"), ("b", "T"), ("1.2", "C"), ("d", "A"), ("e", "A")]))
        #expect(card.weakest(2).map(\.id) == ["1.1", "1.2"])
        #expect(card.weakest(5).count == 3)
    }

    @Test func officialRubricScoresAFullReportOutOf100() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        let all = rubric.subcomponents.flatMap(\.criteria).map { ($0.id, "AA") }
        #expect(try Scorer(rubric: rubric).score(report(all)).total.isClose(to: 100))
        let allA = rubric.subcomponents.flatMap(\.criteria).map { ($0.id, "A") }
        let card = try Scorer(rubric: rubric).score(report(allA))
        #expect(card.total.isClose(to: 90))
        #expect(card.grade.grade == "A")
        let expected: [Double] = [27, 27, 13.5, 22.5]
        #expect(zip(card.components.map(\.score), expected).allSatisfy { $0.isClose(to: $1) })
    }

    @Test func rubric12MixesYTAndAEScalesAndGroups() throws {
        let rubric = try bundled("permenpanrb-12-2015")
        // Every Y/T answered Y (1), every A-E answered B (0.75).
        let answers = rubric.subcomponents.flatMap(\.criteria).map { ($0.id, $0.scale == "Y/T" ? "Y" : "B") }
        let card = try Scorer(rubric: rubric).score(report(answers))
        let renstra = try #require(rubric.subcomponents.first { $0.id == "A.I.a" })
        // A.I.a: 3 of 9 criteria are Y/T, so the mean is (3 x 1 + 6 x 0.75) / 9.
        #expect(renstra.criteria.filter { $0.scale == "Y/T" }.count == 3)
        #expect(card.subcomponents[0].score.isClose(to: (3 + 6 * 0.75) / 9 * 2))
        #expect(card.components[0].groups.map(\.id) == ["A.I", "A.II"])
        #expect(card.components[0].groups.reduce(0) { $0 + $1.score }.isClose(to: card.components[0].score))
    }
}

@Suite("Answer scales")
struct AnswerScaleTests {
    static let scale = AnswerScale(id: "s", full: 100, values: [("AA", 100), ("A", 90), ("B", 70), ("A", 10), ("É", 5)])

    @Test(arguments: [("AA", 100.0), ("A", 90), ("B", 70), ("É", 5)] as [(String, Double)])
    func lettersHaveTheirValues(letter: String, value: Double) {
        #expect(Self.scale.value(of: letter) == value)
    }

    /// One-byte letters come from a table, others from the list: both say nil for a letter off
    /// the scale and let the first of a repeated letter win.
    @Test(arguments: ["C", "", "AAA", "c", " "])
    func lettersOffTheScaleHaveNone(letter: String) {
        #expect(Self.scale.value(of: letter) == nil)
    }

    /// Letters match whatever their case, as a workbook's lookup matches them, in every format.
    @Test(arguments: [("a", 90.0), ("aa", 100), ("Aa", 100), ("b", 70), ("é", 5)] as [(String, Double)])
    func lettersMatchWhateverTheirCase(letter: String, value: Double) {
        #expect(Self.scale.value(of: letter) == value)
    }

    @Test func changingTheLettersChangesTheTable() {
        var scale = Self.scale
        scale.values = [("C", 50)]
        #expect(scale.value(of: "C") == 50)
        #expect(scale.value(of: "A") == nil)
    }
}

@Suite("Checklist aggregation")
struct ChecklistTests {
    func items(met: Int, of count: Int, kept1: Int? = nil, kept5: Int? = nil) -> [ChecklistAnswer] {
        (0..<count).map { i in
            ChecklistAnswer(criterion: "c\(i)", met: i < met, mandated: true, kept1Year: i < (kept1 ?? 0), kept5Years: i < (kept5 ?? 0))
        }
    }

    @Test(arguments: [
        // (met, of, kept 1 year, kept 5 years, grade)
        (4, 4, 4, 4, "AA"), (4, 4, 4, 3, "A"), (4, 4, 3, 3, "BB"), (4, 4, 0, 0, "BB"),
        (4, 5, 4, 4, "B"), (3, 4, 3, 3, "CC"), (3, 5, 0, 0, "CC"), (2, 4, 0, 0, "C"),
        (1, 3, 0, 0, "C"), (1, 4, 1, 1, "D"), (1, 5, 0, 0, "D"), (0, 4, 0, 0, "E"),
    ])
    func shareMetMapsToAGrade(met: Int, of count: Int, kept1: Int, kept5: Int, grade: String) throws {
        let rule = try #require(try bundled("permenpanrb-88-2021-checklist").checklist)
        #expect(Scorer.checklistGrade(items(met: met, of: count, kept1: kept1, kept5: kept5), criteria: count, rule: rule) == grade)
    }

    @Test func uncheckedCriteriaCountAsNotMet() throws {
        let rubric = try bundled("permenpanrb-88-2021-checklist")
        let first = rubric.subcomponents[0]
        let all = first.criteria.map { ChecklistAnswer(criterion: $0.id, met: true, kept1Year: true, kept5Years: true) }
        var report = Report(agency: "x", year: 2024, checklist: all, origin: SourcePosition(SourceText(name: "x", bytes: []), offset: 0))
        #expect(try Scorer(rubric: rubric).score(report).subcomponents[0].letter == "AA")
        report.checklist.removeLast()
        let card = try Scorer(rubric: rubric).score(report)
        // 6 of 7 met is 85.7%: B, worth 70 of 100.
        #expect(card.subcomponents[0].letter == "B")
        #expect(card.subcomponents[0].score.isClose(to: 0.7 * 6))
        #expect(card.missing.contains(first.criteria.last!.id))
    }
}

/// A score card keeps its fields in one shared allocation; these hold it to plain value semantics.
@Suite("Score card storage")
struct ScoreCardStorageTests {
    func card() throws -> ScoreCard {
        try Scorer(rubric: tinyRubric()).score(Report(agency: "x", year: 2024, answers: [Answer(id: "a", value: "C")],
                                                     origin: SourcePosition(SourceText(name: "x.xml", bytes: []), offset: 0)))
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        let original = try card()
        var copy = original
        #expect(copy == original)
        copy.name = "Kota X"
        copy.components[0].score += 1
        copy.warnings.removeAll()
        copy.total = 99
        #expect(original.name == nil)
        #expect(copy.name == "Kota X")
        #expect(original.components[0].score + 1 == copy.components[0].score)
        #expect(!original.warnings.isEmpty && copy.warnings.isEmpty)
        #expect(original.total != 99 && copy.total == 99)
        #expect(copy != original)
    }

    @Test func equalFieldsMakeEqualCardsWithEqualHashes() throws {
        let a = try card(), b = try card()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        var c = b
        c.year = 2025
        #expect(c != a)
        #expect(Set([a, b, c]).count == 2)
    }

    @Test func theJSONFormRoundTrips() throws {
        var original = try card()
        original.region = "Jawa Barat"
        let decoded = try JSONDecoder().decode(ScoreCard.self, from: JSONEncoder().encode(original))
        #expect(decoded.agency == original.agency && decoded.region == "Jawa Barat" && decoded.year == 2024)
        #expect(decoded.total == original.total && decoded.components == original.components && decoded.missing == original.missing)
        #expect(decoded.origin.file == "x.xml")
    }
}
