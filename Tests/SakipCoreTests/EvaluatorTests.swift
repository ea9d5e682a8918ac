import Foundation
import Testing
@testable import SakipCore

@Suite("Batches: nothing lost, nothing silently overwritten", .serialized)
struct EvaluatorTests {
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples").path

    @Test func xmlAndCSVGiveIdenticalScores() throws {
        let evaluator = Evaluator()
        let xml = evaluator.evaluate(paths: [samples + "/partners/2024"])
        let csv = evaluator.evaluate(paths: [samples + "/partners/csv"])
        #expect(xml.errors.isEmpty && csv.errors.isEmpty)
        let csv2024 = csv.cards.filter { $0.year == 2024 }.sorted { $0.agency < $1.agency }
        let xml2024 = xml.cards.sorted { $0.agency < $1.agency }
        #expect(xml2024.count == 56)
        #expect(xml2024.map(\.agency) == csv2024.map(\.agency))
        for (a, b) in zip(xml2024, csv2024) {
            #expect(a.total == b.total, "\(a.agency)")
            #expect(a.subcomponents.map(\.score) == b.subcomponents.map(\.score))
            #expect(a.indicatorMean == b.indicatorMean)
            #expect((a.name, a.region) == (b.name, b.region))
        }
    }

    /// A ranking keeps each card's indicator mean and efficiency, not the list: the same
    /// numbers, less held.
    @Test func cardsWithoutTheirIndicatorsKeepTheMean() throws {
        var options = Evaluator.Options(jobs: 2)
        let full = Evaluator(options: options).evaluate(paths: [samples + "/partners/2024"])
        options.keepsIndicators = false
        let lean = Evaluator(options: options).evaluate(paths: [samples + "/partners/2024"])
        #expect(full.cards.contains { !$0.indicators.isEmpty })
        #expect(lean.cards.allSatisfy { $0.indicators.isEmpty })
        #expect(lean.cards.map(\.indicatorMean) == full.cards.map(\.indicatorMean))
        #expect(lean.cards.map(\.efficiency) == full.cards.map(\.efficiency))
        #expect(lean.cards.map(\.total) == full.cards.map(\.total))
        #expect(lean.cards.map(\.missing) == full.cards.map(\.missing))
    }

    @Test func brokenFilesNeverLoseTheOthers() throws {
        let scratch = Scratch()
        for name in ["kota-bandung-2024.xml", "kab-merauke-2024.xml"] {
            try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: scratch.folder + "/" + name)
        }
        let broken = scratch.write("broken.xml", "<report agency=\"x\" year=\"2024\">\n<answers>\n")
        let badCSV = scratch.write("bad.csv", "agency,year,criterion,value\nkota-y,2024,1.1.1,A\nkota-z,20x4,1.1.1,A\n")
        let evaluation = Evaluator(options: .init(jobs: 2)).evaluate(paths: [scratch.folder])
        #expect(evaluation.fileCount == 4)
        #expect(Set(evaluation.cards.map(\.agency)) == ["kota-bandung", "kab-merauke", "kota-y"])
        #expect(evaluation.errors.map(\.location.file).sorted() == [badCSV, broken])
    }

    @Test func twoReportsForOneAgencyYearAreAnErrorNamingBoth() throws {
        let scratch = Scratch()
        let first = scratch.write("a.xml", "<report agency=\"kota-x\" year=\"2024\"/>")
        let second = scratch.write("b/second.xml", "<reports>\n  <report agency=\"kota-x\" year=\"2024\"/>\n</reports>")
        let other = scratch.write("c.xml", "<report agency=\"kota-y\" year=\"2024\"/>")
        let read = Evaluator().read(paths: [first, second, other])
        #expect(read.reports.map(\.agency) == ["kota-y"])
        #expect(read.errors.map(\.description) == [
            "\(second):2:3: error: second report for agency 'kota-x', year 2024; neither is scored\n"
                + "\(first):1:1: note: the first report for agency 'kota-x', year 2024",
        ])
        #expect(read.errors.map(\.code) == [.duplicateReport])
        #expect(read.errors.first?.notes.map(\.location) == [SourceLocation(file: first, line: 1, column: 1)])
    }

    @Test func missingPathsAreErrorsAndFoldersAreSortedRecursively() throws {
        let scratch = Scratch()
        scratch.write("z/b.xml", "<report agency=\"b\" year=\"2024\"/>")
        scratch.write("a.xml", "<report agency=\"a\" year=\"2024\"/>")
        scratch.write("notes.txt", "ignored")
        let (files, missing) = InputExpansion.expand([.path(scratch.folder), .path(scratch.folder + "/nope")])
        #expect(files == [.file(scratch.folder + "/a.xml"), .file(scratch.folder + "/z/b.xml")])
        #expect(missing.map(\.message) == ["no such file or folder"])
        #expect(missing.map(\.code) == [.noSuchInput])
    }

    /// `evaluate` scores XML reports inside the reading workers; it must give exactly what reading
    /// everything first and scoring afterwards gives, errors and their order included.
    @Test func fusedEvaluationEqualsReadThenScore() throws {
        let scratch = Scratch()
        try FileManager.default.copyItem(atPath: samples + "/kota-bandung-2024.xml", toPath: scratch.folder + "/a.xml")
        scratch.write("dup.xml", "<report agency=\"kota-bandung\" year=\"2024\"/>")
        scratch.write("broken.xml", "<report agency=\"x\" year=\"2024\">")
        scratch.write("bad.csv", "agency,year,criterion,value\nkota-y,2024,1.1.1,A\nkota-z,2024,1.1.1,Q\n")
        scratch.write("who.csv", "agency,name,region\nkota-y,Kota Y,Jawa Barat\n")
        for inputs in [[samples + "/partners"], [samples], [scratch.folder], [samples + "/partners/csv", samples + "/partners/2023"]] {
            for jobs in [1, 3] {
                let evaluator = Evaluator(options: .init(jobs: jobs))
                let fused = evaluator.evaluate(paths: inputs)
                let separate = evaluator.score(evaluator.read(paths: inputs))
                #expect(fused.cards == separate.cards, "\(inputs)")
                #expect(fused.errors == separate.errors, "\(inputs)")
                #expect(fused.warnings == separate.warnings, "\(inputs)")
                #expect(fused.fileCount == separate.fileCount)
            }
        }
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let one = Evaluator(options: .init(jobs: 1)).evaluate(paths: [samples + "/partners"])
        let four = Evaluator(options: .init(jobs: 4)).evaluate(paths: [samples + "/partners"])
        #expect(one.cards == four.cards)
        #expect(one.errors == four.errors)
    }
}

@Suite("Ranking")
struct RankingTests {
    func card(_ agency: String, _ total: Double, year: Int = 2024, components: [Double] = []) throws -> ScoreCard {
        let rubric = try bundled("permenpanrb-88-2021")
        return ScoreCard(
            agency: agency, year: year, rubricID: rubric.id, total: total, grade: rubric.grade(for: total),
            components: components.enumerated().map { ComponentScore(id: String($0 + 1), name: "", weight: 25, score: $1, groups: [], subcomponents: []) },
            indicators: [], missing: [], warnings: [], origin: SourceLocation(file: "x", line: 1, column: 1))
    }

    @Test func competitionRanksShareTiesAndSkip() {
        #expect(Ranking.competitionRanks([70, 90, 80, 80]) == [4, 1, 2, 2])
        #expect(Ranking.competitionRanks([5, 5, 5]) == [1, 1, 1])
        #expect(Ranking.competitionRanks([]) == [])
        // Exact values: a difference of 1e-12 is not a tie.
        #expect(Ranking.competitionRanks([80, 80 + 1e-12]) == [2, 1])
    }

    @Test func tiesAreListedByAgencyID() throws {
        let entries = Ranking.rank([try card("c", 80), try card("a", 80), try card("b", 90)], by: .total)
        #expect(entries.map(\.card.agency) == ["b", "a", "c"])
        #expect(entries.map(\.rank) == [1, 2, 2])
    }

    @Test func yearOverYearMovement() throws {
        let now = [try card("a", 85), try card("b", 79), try card("new", 60)]
        let before = [try card("a", 78, year: 2023), try card("b", 82, year: 2023), try card("gone", 99, year: 2023)]
        let entries = Ranking.rank(now, by: .total, previous: before)
        let a = try #require(entries.first { $0.card.agency == "a" }?.previous)
        #expect(a.delta.isClose(to: 7))
        #expect(a.gradeMovement == .up)
        #expect(a.rank == 3)
        #expect(a.rankMovement == 2)
        let b = try #require(entries.first { $0.card.agency == "b" }?.previous)
        #expect(b.gradeMovement == .down)
        #expect(b.rankMovement == 0)
        #expect(entries.first { $0.card.agency == "new" }?.previous == nil)
    }

    @Test func byComponentRanksThatComponentAndEveryComponentHasItsRank() throws {
        let entries = Ranking.rank([try card("a", 80, components: [20, 10]), try card("b", 70, components: [15, 12])], by: .component("2"))
        #expect(entries.map(\.card.agency) == ["b", "a"])
        #expect(entries[0].componentRanks == ["1": 2, "2": 1])
        #expect(RankKey("component:2") == .component("2"))
        #expect(RankKey("score") == .total)
        #expect(RankKey("component:") == nil)
    }

    /// Cards of one rubric are ranked column by column; cards whose components differ (other
    /// rubrics, other orders) by id among the cards that have each: both give each component's
    /// competition rank among its holders.
    @Test func componentRanksAmongTheCardsThatHaveTheComponent() throws {
        let alike = [try card("a", 80, components: [20, 10, 5]), try card("b", 70, components: [15, 12, 5]), try card("c", 60, components: [15, 9, 7])]
        #expect(Ranking.componentRanks(alike) == [[1, 2, 2], [2, 1, 2], [2, 3, 1]])
        var reordered = try card("d", 50, components: [30, 1])
        reordered.components.reverse()                      // "2" before "1"
        let fewer = try card("e", 40, components: [16])     // only "1"
        let mixed = alike + [reordered, fewer]
        // "1": 20 15 15 (30) 16 -> 2 4 4 1 3; "2": 10 12 9 (1) -> 2 1 3 4; "3": 5 5 7 -> 2 2 1.
        #expect(Ranking.componentRanks(mixed) == [[2, 2, 2], [4, 1, 2], [4, 3, 1], [4, 1], [3]])
        let entries = Ranking.rank(mixed, by: .total)
        #expect(entries.first { $0.card.agency == "d" }?.componentRanks == ["1": 1, "2": 4])
        // Columns ranked by several workers give the same ranks.
        for jobs in [0, 2, 3] {
            #expect(Ranking.componentRanks(alike, jobs: jobs) == Ranking.componentRanks(alike))
            #expect(Ranking.rank(mixed, by: .total, jobs: jobs).map(\.rankOfComponent) == entries.map(\.rankOfComponent))
        }
    }

    /// A third report for the same agency and year names the first as the first, not the second.
    @Test func repeatedReportsNameTheFirst() {
        let key = ReportKey(agency: "kota-x", year: 2024)
        let places = (1...3).map { (key: key, origin: SourceLocation(file: "r\($0).xml", line: $0, column: 1)) }
            + [(key: ReportKey(agency: "kota-x", year: 2023), origin: SourceLocation(file: "r4.xml", line: 4, column: 1))]
        let (keys, diagnostics) = Evaluator.duplicates(places)
        #expect(keys == [key])
        #expect(diagnostics.map(\.location.file) == ["r2.xml", "r3.xml"])
        #expect(diagnostics.map { $0.notes.map(\.location.file) } == [["r1.xml"], ["r1.xml"]])
    }

    /// Folder paths are read in `String` order: by bytes for ASCII paths, by `String` otherwise.
    @Test(arguments: [
        ["b/a.xml", "a/b.xml", "a/B.xml", "a/b.xm", "a/b.xml.csv", "a/a", "Z.xml", "a-b/c.xml", "a/b/c.xml"],
        ["kota/é.xml", "kota/e.xml", "kota/z.xml", "kota/e\u{301}.xml", "kota/f.xml"],
        [], ["only.xml"], ["same", "same"],
    ])
    func pathsAreSortedAsStringsSortThem(paths: [String]) {
        #expect(InputExpansion.sorted(paths) == paths.sorted())
    }

    @Test func summaryCountsEveryGradeAndFindsTheWeakest() throws {
        let cards = [try card("a", 91), try card("b", 55), try card("c", 60), try card("d", 10)]
        let summary = RankingSummary(cards: cards, rubric: try bundled("permenpanrb-88-2021"))
        #expect(summary.grades.map(\.grade) == ["AA", "A", "BB", "B", "CC", "C", "D"])
        #expect(summary.grades.map(\.count) == [1, 0, 0, 0, 2, 0, 1])
        #expect(summary.median == 57.5)
        #expect(summary.mean == 54)
        #expect((summary.min, summary.max) == (10, 91))
        #expect(Statistics.median([3, 1, 2]) == 2)
    }
}
