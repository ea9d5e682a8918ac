import Foundation
import Logging
import SakipCore
import Testing
@testable import SakipServer

/// The store on its own: migrations, and what a write leaves behind.
@Suite struct StoreTests {
    @Test(arguments: TestDatabase.available)
    func migrationsRunOnceAndRefuseANewerDatabase(database: TestDatabase) async throws {
        let location = try await database.location()
        let logger = Logger(label: "test")
        let first = try await Store.open(location, logger: logger)
        _ = try await first.addPeriod(year: 2024, rubric: "permenpanrb-88-2021")
        await first.close()
        // Opening again keeps the data and runs nothing twice.
        let second = try await Store.open(location, logger: logger)
        #expect(try await second.periods().map(\.year) == [2024])
        let latest = Migrations.latest(second.kind)
        #expect(try await Migrations.version(second.backend) == latest)
        // A newer sakip moved the database on: this one refuses to touch it.
        try await second.backend.write { database in
            try await database.raw("UPDATE schema_version SET version = \(bind: latest + 1)").run()
        }
        await second.close()
        await #expect(throws: StoreError.newerSchema(database: latest + 1, binary: latest)) {
            _ = try await Store.open(location, logger: logger)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFailedSubmissionLeavesNothing(database: TestDatabase) async throws {
        let store = try await Store.open(try await database.location(), logger: Logger(label: "test"))
        _ = try await store.addPeriod(year: 2024, rubric: "permenpanrb-88-2021")
        try await store.putAgency(Agency(id: "a", name: "A", region: "R"))
        let file = SubmittedFile(filename: "f.csv", contentType: "text/csv", bytes: Array("x".utf8), sentBy: "office")
        // The second answer names an agency that does not exist: the foreign key fails mid-way.
        let answers = [SubmittedAnswer(agency: "a", criterion: "1.1.1", stage: .final, value: "A"),
                       SubmittedAnswer(agency: "missing", criterion: "1.1.1", stage: .final, value: "A")]
        await #expect(throws: (any Error).self) {
            _ = try await store.submit(year: 2024, file: file, answers: answers, create: [])
        }
        #expect(try await store.answers(year: 2024, agency: "a").isEmpty)
        #expect(try await store.period(2024)?.revision == 0)
        let kept = try await store.submit(year: 2024, file: file, answers: [answers[0]], create: [])
        #expect(kept?.id != nil)
        #expect(try await store.history(year: 2024, agency: "a", criterion: "1.1.1").first?.submission == kept?.id)
        await store.close()
    }

    @Test func criterionIdsSortAsNumbers() {
        let ids = ["1.10.1", "1.2.10", "1.2.9", "2.1", "10.1", "1.2"]
        #expect(ids.sorted(by: CriterionOrder.less) == ["1.2", "1.2.9", "1.2.10", "1.10.1", "2.1", "10.1"])
    }
}

/// Says in the test report when the PostgreSQL half of the store and API tests did not run.
@Test(.enabled(if: TestDatabase.postgresURL != nil,
               "PostgreSQL store and API tests skipped: set SAKIP_TEST_POSTGRES to an admin URL (.ci/postgres.sh starts a loopback cluster)"))
func postgreSQLIsReachable() async throws {
    let location = try await TestDatabase.postgres.location()
    let store = try await Store.open(location, logger: Logger(label: "test"))
    #expect(store.kind == .postgres)
    await store.close()
}
