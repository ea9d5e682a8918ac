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
