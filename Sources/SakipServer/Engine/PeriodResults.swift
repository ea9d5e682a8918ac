import Foundation
import SakipCore
import SakipRendering

/// Runs SakipCore's jobs over a period's stored answers, for what the caller may see. Nothing
/// here scores: it hands the period's files to the same requests the command line makes.
///
/// Results are kept by the period's revision: asked again while nobody writes, a result is not
/// computed again, and the cache is checked before anything is read from the store.
struct PeriodResults: Sendable {
    let state: AppState

    /// Which agencies and stages a caller's result covers.
    struct Scope: Sendable {
        var agencies: [Agency]
        var stages: Set<Stage>
        /// Two callers with the same scope share results.
        var key: String
    }

    func scope(_ period: Period, for identity: Identity, only agency: String? = nil) async throws -> Scope {
        let candidates = if let agency { try await state.store.agency(agency).map { [$0] } ?? [] } else { try await state.store.agencies() }
        let visible = candidates.filter { Access.sees(identity, $0) }
        // Results use every stage once the caller may read them; before that an agency's own
        // score is its self-assessment so far.
        let stages = Access.readsResults(identity, period) ? Set(Stage.allCases) : Access.readableStages(identity, period)
        let key = visible.map(\.id).joined(separator: ",") + ":" + stages.map(\.rawValue).sorted().joined(separator: ",")
        return Scope(agencies: visible, stages: stages, key: key)
    }

    /// The period's files for a scope, and the revision they were read at.
    func files(_ period: Period, _ scope: Scope) async throws -> (PeriodFiles, revision: Int) {
        let only = scope.agencies.count == 1 ? scope.agencies[0].id : nil
        guard let snapshot = try await state.store.snapshot(year: period.year, agency: only) else {
            throw APIProblem.notFound("period \(period.year)")
        }
        let files = PeriodFiles(year: period.year, agencies: scope.agencies, answers: snapshot.answers, facts: snapshot.facts,
                                checklist: try state.items(snapshot.period).isChecklist, stages: scope.stages)
        return (files, snapshot.period.revision)
    }

    /// A job's bytes over a scope of a period: from the cache at the period's revision, or
    /// computed from a snapshot and kept under the snapshot's revision.
    func result(_ job: String, _ period: Period, _ scope: Scope, _ make: @Sendable (PeriodFiles) async throws -> [UInt8]) async throws -> [UInt8] {
        let prefix = "\(job)|\(period.year)@"
        let suffix = "|\(scope.key)"
        if let hit = await state.results.get(prefix + "\(period.revision)" + suffix) { return hit }
        let (files, revision) = try await files(period, scope)
        let bytes: [UInt8]
        do {
            bytes = try await make(files)
        } catch let error as RequestError {
            throw APIProblem(error)
        }
        await state.results.put(prefix + "\(revision)" + suffix, bytes)
        return bytes
    }

    func options(_ period: Period) -> Evaluator.Options {
        Evaluator.Options(rubric: period.rubric, jobs: 1)
    }

    /// One agency's score, as `sakip score --format json` gives it, from its kept evaluation.
    func score(_ period: Period, agency: String, for identity: Identity) async throws -> [UInt8] {
        let scope = try await scope(period, for: identity, only: agency)
        let evaluation = try await evaluation(period, scope)
        do {
            return try ScoreRequest(inputs: InputSelection([], options: options(period))).result(evaluation).output(as: .json)
        } catch let error as RequestError {
            throw APIProblem(error)
        }
    }

    /// The year before, when the caller may read its results: what a ranking's movement is measured against.
    func previous(_ period: Period, for identity: Identity) async throws -> (Period, Scope)? {
        guard let earlier = try await state.store.period(period.year - 1), Access.readsResults(identity, earlier) else { return nil }
        return (earlier, try await scope(earlier, for: identity))
    }

    /// The ranking of a scope, with movement since `before`: each agency's kept evaluation,
    /// ranked by SakipCore as `sakip rank` ranks the period's files.
    func ranking(_ period: Period, _ scope: Scope, before: (Period, Scope)?, stage: Stage? = nil, region: String? = nil) async throws -> RankResult {
        let evaluation = try await evaluation(period, scope)
        var earlier: Evaluation?
        if let (year, scope) = before { earlier = try await self.evaluation(year, scope) }
        var request = RankRequest(inputs: InputSelection([], options: options(period)), year: period.year, region: region)
        request.stage = stage
        return try Self.rank(request, evaluation, earlier: earlier, rubrics: state.rubrics)
    }

    private static func rank(_ request: RankRequest, _ evaluation: Evaluation, earlier: Evaluation?, rubrics: RubricCache) throws -> RankResult {
        do {
            return try request.rank(evaluation, earlier: earlier, rubrics: rubrics)
        } catch {
            throw APIProblem(error)
        }
    }
}
