import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SakipCore
import SakipRendering
import Testing
@testable import SakipServer

/// Answers through the API: versions and conflicts, letters off the scale, locking, history,
/// and uploads of every format, on every database.
@Suite struct AnswerAPITests {
    static let path = "/api/v1/periods/2024/agencies/kota-bandung/answers"

    @Test(arguments: TestDatabase.available)
    func versionsConflictsAndHistory(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await fixture.test { client in
            let first = try await client.send(.put, Self.path + "/1.1.1?stage=self", as: "bandung", json: #"{"value": "B", "note": "Renstra ada", "version": 0}"#)
            #expect(first.status == .ok, "\(first.text)")
            let answer = first.json["answer"] as? [String: Any]
            #expect(answer?["version"] as? Int == 1)
            #expect(answer?["updated_by"] as? String == "bandung")
            // The response carries the agency's new score, as `sakip score --format json` gives it.
            let reports = (first.json["score"] as? [String: Any])?["reports"] as? [[String: Any]]
            #expect(reports?.count == 1)

            // A second writer who read version 0 meets 409 and the answer as it now is.
            let stale = try await client.send(.put, Self.path + "/1.1.1?stage=self", as: "office", json: #"{"value": "A", "version": 0}"#)
            #expect(stale.status == .conflict)
            #expect((stale.json["error"] as? [String: Any])?["code"] as? String == "stale-version")
            #expect((stale.json["current"] as? [String: Any])?["value"] as? String == "B")

            let second = try await client.send(.put, Self.path + "/1.1.1?stage=self", as: "office", json: #"{"value": "A", "version": 1}"#)
            #expect((second.json["answer"] as? [String: Any])?["version"] as? Int == 2)

            // Saving what is stored again changes nothing, not even the version.
            let same = try await client.send(.put, Self.path + "/1.1.1?stage=self", as: "office", json: #"{"value": "A", "version": 2}"#)
            #expect((same.json["answer"] as? [String: Any])?["version"] as? Int == 2)

            let history = try await client.send(.get, Self.path + "/1.1.1/history", as: "eval-jabar")
            let changes = history.json["history"] as? [[String: Any]] ?? []
            #expect(changes.map { $0["new"] as? String } == ["B", "A"])
            #expect(changes.map { $0["old"] as? String } == [nil, "B"])
            #expect(changes.map { $0["changed_by"] as? String } == ["bandung", "office"])
            #expect(changes.first?["note"] as? String == "Renstra ada")
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await fixture.test { client in
            let letter = try await client.send(.put, Self.path + "/1.1.1?stage=self", as: "bandung", json: #"{"value": "Q", "version": 0}"#)
            #expect(letter.status == .unprocessableContent)
            #expect((letter.json["error"] as? [String: Any])?["code"] as? String == "unknown-letter")
            #expect(((letter.json["error"] as? [String: Any])?["message"] as? String)?.contains("AA, A, BB, B, CC, C, D, E") == true)

            let criterion = try await client.send(.put, Self.path + "/9.9.9?stage=self", as: "bandung", json: #"{"value": "A", "version": 0}"#)
            #expect((criterion.json["error"] as? [String: Any])?["code"] as? String == "unknown-criterion")

            let noStage = try await client.send(.put, Self.path + "/1.1.1", as: "bandung", json: #"{"value": "A", "version": 0}"#)
            #expect((noStage.json["error"] as? [String: Any])?["code"] as? String == "missing-stage")

            let malformed = try await client.send(.put, Self.path + "/1.1.1?stage=self", as: "bandung", json: #"{"value": 3}"#)
            #expect(malformed.status == .badRequest)

            try await client.send(.post, "/api/v1/periods/2024/lock", as: "office")
            let locked = try await client.send(.put, Self.path + "/1.1.1?stage=self", as: "bandung", json: #"{"value": "A", "version": 0}"#)
            #expect(locked.status.code == 423)
            #expect(try await client.send(.get, Self.path, as: "bandung").status == .ok)
            // Nothing of the refused writes was stored.
            #expect(try await fixture.state.store.history(year: 2024, agency: "kota-bandung", criterion: "1.1.1").isEmpty)
        }
    }

    /// A workbook with one letter off the scale: 422, the diagnostic at its cell, nothing stored.
    @Test(arguments: TestDatabase.available)
    func workbookWithABadLetter(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let (bytes, mended, count) = try Fixture.workbooks()
        try await fixture.test { client in
            let response = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office", body: bytes,
                                                 headers: [HTTPField.Name("X-Filename")!: "C:\\LKE\\lke-bandung.xlsx", .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
            #expect(response.status == .unprocessableContent)
            let diagnostics = (response.json["error"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?["file"] as? String == "lke-bandung.xlsx")
            #expect((diagnostics.first?["cell"] as? String)?.hasPrefix("LKE!") == true, "\(diagnostics)")
            #expect((diagnostics.first?["message"] as? String)?.contains("'Q'") == true, "\(diagnostics)")
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").isEmpty)

            // The same workbook, mended, is stored whole.
            let good = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office", body: mended,
                                             headers: [HTTPField.Name("X-Filename")!: "lke-bandung.xlsx"])
            #expect(good.status == .created, "\(good.text.prefix(300))")
            let stored = try await fixture.state.store.answers(year: 2024, agency: "kota-bandung")
            #expect(stored.count == count)
            #expect(stored.first { $0.criterion == "1.2.1" }?.value == "A")
        }
    }

    /// A CSV upload: its answers stored with their stages and notes (quotes, commas and line
    /// breaks kept); a file that also holds another year is refused whole.
    @Test func csvUpload() async throws {
        let fixture = try await Fixture.make()
        let csv = """
            agency,year,criterion,value,stage,note,evidence
            kota-bandung,2024,1.1.1,B,self,"Renstra ""2021-2026"", hal. 12",https://e-sakip.example/1.1.1
            kota-bandung,2024,1.1.1,BB,final,"dua
            baris",
            kab-bogor,2024,1.1.2,C,self,,

            """
        try await fixture.test { client in
            let response = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office",
                                                 body: Array(csv.utf8), headers: [.contentType: "text/csv"])
            #expect(response.status == .created, "\(response.text.prefix(400))")
            let stored = try await fixture.state.store.answers(year: 2024, agency: "kota-bandung")
            #expect(stored.map(\.value) == ["B", "BB"])
            #expect(stored.map(\.stage) == [.selfAssessment, .final])
            #expect(stored.first?.note == "Renstra \"2021-2026\", hal. 12")
            #expect(stored.first?.evidence == "https://e-sakip.example/1.1.1")
            #expect(stored.last?.note == "dua\nbaris")
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kab-bogor").count == 1)

            let partners = Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/samples/partners/csv/answers.csv")))
            let twoYears = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office", body: partners,
                                                 headers: [HTTPField.Name("X-Filename")!: "answers.csv"])
            #expect(twoYears.status == .unprocessableContent)
            #expect((twoYears.json["error"] as? [String: Any])?["code"] as? String == "wrong-year")
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").count == 2)
        }
    }

    /// Uploads are kept byte for byte with who sent them, listed to their sender, and bounded.
    @Test func uploadsAreKeptListedAndBounded() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/samples/kota-bandung-2024.xml")))
            let sent = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "eval-jabar", body: bytes,
                                             headers: [HTTPField.Name("X-Filename")!: "../../etc/bandung \"2024\".xml"])
            #expect(sent.status == .created)
            let mine = try await client.send(.get, "/api/v1/periods/2024/submissions", as: "eval-jabar")
            let listed = try #require((mine.json["submissions"] as? [[String: Any]])?.first)
            #expect(listed["sent_by"] as? String == "eval-jabar" && listed["size"] as? Int == bytes.count)
            #expect(listed["filename"] as? String == "bandung \"2024\".xml")
            let id = try #require(listed["id"] as? Int)
            let download = try await client.send(.get, "/api/v1/periods/2024/submissions/\(id)", as: "eval-jabar")
            #expect(Array(download.body.readableBytesView) == bytes)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"bandung 2024.xml\"")
            #expect(download.headers[.contentType] == "application/octet-stream")
            #expect(try await client.send(.get, "/api/v1/periods/2024/submissions", as: "eval-papua").json["submissions"] as? [Any] != nil)
            #expect((try await client.send(.get, "/api/v1/periods/2024/submissions", as: "eval-papua").json["submissions"] as? [Any])?.isEmpty == true)

            let huge = [UInt8](repeating: 0x20, count: Limits.upload + 1)
            let tooLarge = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office", body: huge)
            #expect(tooLarge.status == .contentTooLarge)
            #expect((tooLarge.json["error"] as? [String: Any])?["code"] as? String == "too-large", "\(tooLarge.text) \(tooLarge.headers)")
        }
    }

    /// An evaluator's upload naming an agency of another region stores nothing at all.
    @Test func uploadOutsideScopeStoresNothing() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/samples/kab-merauke-2024.xml")))
            let response = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "eval-jabar", body: bytes)
            #expect(response.status == .notFound)
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kab-merauke").isEmpty)
        }
    }
}

extension AnswerAPITests {
    /// A report written for another rubric is refused: scored with the period's, every answer
    /// would count as missing and the agency would rank at 0 without a word.
    @Test func aReportForAnotherRubricIsRefused() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/samples/kota-palangka-raya-2024.xml")))
            let response = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office", body: bytes,
                                                 headers: [HTTPField.Name("X-Filename")!: "kota-palangka-raya-2024.xml"])
            #expect(response.status == .unprocessableContent)
            let error = response.json["error"] as? [String: Any]
            #expect(error?["code"] as? String == "wrong-rubric")
            #expect((error?["message"] as? String)?.contains("permenpanrb-88-2021-grade") == true)
            #expect(try await fixture.state.store.agency("kota-palangka-raya") == nil)
        }
    }
}

/// Periods scored with the checklist and grade rubrics: answers take flags and sub-component
/// grades, and uploads of those rubrics' reports score as the command line scores them.
@Suite struct OtherRubricTests {
    @Test(arguments: [("permenpanrb-88-2021-checklist", "kab-lombok-barat-2024.xml", "kab-lombok-barat", "1.1.1", "met,kept_1_year", "met,sometimes"),
                      ("permenpanrb-88-2021-grade", "kota-palangka-raya-2024.xml", "kota-palangka-raya", "1.1", "A", "Q")])
    func answersAndUploads(rubric: String, sample: String, agency: String, key: String, good: String, bad: String) async throws {
        let fixture = try await Fixture.make(period: false)
        _ = try await fixture.state.store.addPeriod(year: 2024, rubric: rubric)
        let direct = try ScoreRequest(inputs: InputSelection([.path(packageRoot + "/samples/" + sample)])).run()
        try await fixture.test { client in
            let upload = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office",
                                               body: Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/samples/" + sample))))
            #expect(upload.status == .created, "\(upload.text.prefix(300))")
            let score = try await client.send(.get, "/api/v1/periods/2024/agencies/\(agency)/score", as: "office")
            let served = try JSONDecoder().decode(ScoreResult.self, from: Data(score.text.utf8))
            #expect(served.reports.first?.card.total == direct.reports.first?.card.total)

            let path = "/api/v1/periods/2024/agencies/\(agency)/answers/\(key)?stage=final"
            let current = try await client.send(.get, "/api/v1/periods/2024/agencies/\(agency)/answers", as: "office")
            let version = (current.json["answers"] as? [[String: Any]])?.first { $0["criterion"] as? String == key }?["version"] as? Int ?? 0
            let refused = try await client.send(.put, path, as: "office", json: #"{"value": "\#(bad)", "version": \#(version)}"#)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            let saved = try await client.send(.put, path, as: "office", json: #"{"value": "\#(good)", "version": \#(version)}"#)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect((saved.json["answer"] as? [String: Any])?["value"] as? String == good)
        }
    }
}
