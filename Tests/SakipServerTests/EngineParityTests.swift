import Foundation
import SakipCore
import Testing
@testable import SakipServer

/// The service scores nothing itself: its ranking over stored answers equals `sakip rank` over
/// the files they came from, entry for entry, and its export reads back to the same answers.
@Suite struct EngineParityTests {
    static let samples = ["kota-bandung-2024.xml", "kab-merauke-2024.xml", "kota-pekanbaru-2024.xml"]

    @Test(arguments: TestDatabase.available)
    func rankingEqualsTheCommandLines(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let direct = try RankRequest(
            inputs: InputSelection(Self.samples.map { .path(packageRoot + "/samples/" + $0) }, options: Evaluator.Options(rubric: Fixture.rubric)),
            year: 2024
        ).run()
        try await fixture.test { client in
            try await AccessTableTests.seedFiles(client)
            let response = try await client.send(.get, "/api/v1/periods/2024/ranking", as: "office")
            #expect(response.status == .ok)
            let served = try JSONDecoder().decode(RankResult.self, from: Data(response.text.utf8))
            #expect(served.rankings.count == 3)
            #expect(served.rankings == direct.rankings)
            // The same warnings, placed in the period's files rather than the samples.
            #expect(served.errors.isEmpty)
            #expect(served.warnings.map { "\($0.code) \($0.message)" } == direct.warnings.map { "\($0.code) \($0.message)" })

            // The CSV download is the command line's CSV too.
            let csv = try await client.send(.get, "/api/v1/periods/2024/ranking?format=csv", as: "office")
            #expect(csv.text == direct.rendered(as: .csv))
            #expect(csv.headers[.contentDisposition]?.contains("ranking-2024.csv") == true)
        }
    }

    /// Scores read from the exported files equal the served scores: the export is the input.
    @Test func exportReadsBackToTheSameScores() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            try await AccessTableTests.seedFiles(client)
            let agencies = try await client.send(.get, "/api/v1/periods/2024/export/agencies.csv", as: "office")
            let answers = try await client.send(.get, "/api/v1/periods/2024/export/answers.csv", as: "office")
            let fromExport = try ScoreRequest(inputs: InputSelection(
                [.bytes(Array(agencies.body.readableBytesView), name: "agencies.csv"), .bytes(Array(answers.body.readableBytesView), name: "answers.csv")],
                options: Evaluator.Options(rubric: Fixture.rubric))).run()
            let fromSamples = try ScoreRequest(inputs: InputSelection(Self.samples.map { .path(packageRoot + "/samples/" + $0) })).run()
            let exported = Dictionary(uniqueKeysWithValues: fromExport.reports.map { ($0.card.agency, $0.card.total) })
            for report in fromSamples.reports {
                #expect(exported[report.card.agency] == report.card.total, "\(report.card.agency)")
            }
        }
    }
}

extension EngineParityTests {
    /// Twelve agencies (more than are evaluated one by one), saved, ranked, changed and ranked
    /// again: every ranking equals `sakip rank` over the same reports, the kept evaluations
    /// never stale.
    static func standing(_ entry: RankResult.Entry) -> String { "\(entry.rank) \(entry.agency) \(entry.score) \(entry.grade)" }

    @Test func keptEvaluationsRankAsTheCommandLine() async throws {
        let fixture = try await Fixture.make()
        let xml = try String(contentsOfFile: packageRoot + "/samples/kota-bandung-2024.xml", encoding: .utf8)
        let letters = ["AA", "A", "BB", "B", "CC", "C"]
        func variant(_ i: Int, bump: Bool = false) -> [UInt8] {
            var text = xml.replacingOccurrences(of: "agency=\"kota-bandung\"", with: "agency=\"kota-\(i)\"")
                .replacingOccurrences(of: "name=\"Pemerintah Kota Bandung\"", with: "name=\"Kota \(i)\"")
            text = text.replacingOccurrences(of: "criterion=\"1.1.1\" value=\"AA\"", with: "criterion=\"1.1.1\" value=\"\(letters[(i + (bump ? 3 : 0)) % 6])\"")
                .replacingOccurrences(of: "criterion=\"2.1.1\" value=", with: "criterion=\"2.1.1\" value=\"\(letters[i % 6])\" old=")
            return Array(text.utf8)
        }
        var files = (0..<12).map { variant($0) }
        func direct() throws -> [RankResult.Entry] {
            try RankRequest(inputs: InputSelection(files.enumerated().map { .bytes($1, name: "kota-\($0).xml") }, options: Evaluator.Options(rubric: Fixture.rubric)),
                            year: 2024).run().rankings
        }
        let first = try direct()
        files[5] = variant(5, bump: true)
        let second = try direct()
        #expect(first.map(Self.standing) != second.map(Self.standing))
        let changed = files[5]
        let original = (0..<12).map { variant($0) }
        try await fixture.test { client in
            for (i, bytes) in original.enumerated() {
                let posted = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office", body: bytes)
                #expect(posted.status == .created, "kota-\(i)")
            }
            let served = try JSONDecoder().decode(RankResult.self, from: Data(try await client.send(.get, "/api/v1/periods/2024/ranking", as: "office").text.utf8))
            #expect(served.rankings.map(Self.standing) == first.map(Self.standing))
            // One agency changes; the next ranking has its new score and everyone's new rank.
            let posted = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office", body: changed)
            #expect(posted.status == .created)
            let again = try JSONDecoder().decode(RankResult.self, from: Data(try await client.send(.get, "/api/v1/periods/2024/ranking", as: "office").text.utf8))
            #expect(again.rankings.map(Self.standing) == second.map(Self.standing))
        }
    }
}
