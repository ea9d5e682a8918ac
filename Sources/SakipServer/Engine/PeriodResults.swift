import Foundation
import SakipCore
import SakipRendering

/// Runs SakipCore's jobs over a period's stored answers, for what the caller may see. Nothing
/// here scores: it hands the period's files to the same requests the command line makes.
struct PeriodResults: Sendable {
    let state: AppState

    /// The period's files, limited to the agencies the caller sees and the stages it may read.
    func files(_ period: Period, for identity: Identity, only agency: String? = nil) async throws -> (PeriodFiles, key: String) {
        guard let snapshot = try await state.store.snapshot(year: period.year) else { throw APIProblem.notFound("period \(period.year)") }
        let visible = snapshot.agencies.filter { Access.sees(identity, $0) && (agency == nil || $0.id == agency) }
        // Results use every stage once the caller may read them; before that an agency's own
        // score is its self-assessment so far.
        let stages = Access.readsResults(identity, snapshot.period) ? Set(Stage.allCases) : Access.readableStages(identity, snapshot.period)
        let items = try state.items(snapshot.period)
        let files = PeriodFiles(year: period.year, agencies: visible, answers: snapshot.answers, facts: snapshot.facts,
                                checklist: items.isChecklist, stages: stages)
        // The revision and exactly whose answers: two callers who see the same share results.
        let key = "\(period.year)@\(snapshot.period.revision):" + visible.map(\.id).joined(separator: ",") + ":" + stages.map(\.rawValue).sorted().joined(separator: ",")
        return (files, key)
    }

    func options(_ period: Period) -> InputSelection.Options {
        Evaluator.Options(rubric: period.rubric, jobs: 1)
    }

    /// One agency's score, as `sakip score --format json` gives it.
    func score(_ period: Period, agency: String, for identity: Identity) async throws -> [UInt8] {
        let (files, key) = try await files(period, for: identity, only: agency)
        return try await state.results.value("score:" + key) {
            let request = ScoreRequest(inputs: InputSelection(files.sources(prefix: "\(period.year)"), options: options(period)))
            return try run { try request.run(rubrics: state.rubrics).output(as: .json) }
        }
    }

    /// Runs a job, its refusal an API problem.
    func run(_ body: () throws -> [UInt8]) throws -> [UInt8] {
        do {
            return try body()
        } catch let error as RequestError {
            throw APIProblem(error)
        }
    }
}

extension InputSelection {
    typealias Options = Evaluator.Options
}
