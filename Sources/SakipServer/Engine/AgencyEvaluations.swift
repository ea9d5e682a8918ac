import SakipCore

/// Each agency's evaluation (its score card, and what reading its answers said), kept until the
/// agency's revision changes. A ranking of 550 agencies after one save scores one agency again,
/// not 550: SakipCore ranks the kept evaluations (`RankRequest.rank`), so the numbers are the
/// ones `sakip rank` gives over the period's files.
actor AgencyEvaluations {
    struct Key: Hashable {
        var year: Int
        var agency: String
        /// Name and region are shown in results: a renamed agency is evaluated again.
        var name: String
        var region: String
        var stages: [Stage]
    }

    private var entries: [Key: (revision: Int, evaluation: Evaluation)] = [:]

    func get(_ key: Key, revision: Int) -> Evaluation? {
        guard let entry = entries[key], entry.revision == revision else { return nil }
        return entry.evaluation
    }

    func put(_ key: Key, revision: Int, _ evaluation: Evaluation) {
        if let entry = entries[key], entry.revision > revision { return }
        entries[key] = (revision, evaluation)
    }
}

extension PeriodResults {
    /// The evaluation of every agency in scope that has answers, in agency order: from the kept
    /// ones where the agency has not changed, computed for the others.
    func evaluation(_ period: Period, _ scope: Scope) async throws -> Evaluation {
        let revisions = try await state.store.agencyRevisions(year: period.year, agency: scope.agencies.count == 1 ? scope.agencies[0].id : nil)
        let stages = scope.stages.sorted()
        var parts: [String: Evaluation] = [:], stale: [Agency] = []
        for agency in scope.agencies {
            guard let revision = revisions[agency.id] else { continue }
            let key = AgencyEvaluations.Key(year: period.year, agency: agency.id, name: agency.name, region: agency.region, stages: stages)
            if let kept = await state.evaluations.get(key, revision: revision) { parts[agency.id] = kept } else { stale.append(agency) }
        }
        if !stale.isEmpty {
            // Many changed (a first ranking, an upload): one snapshot of the period; a few, one each.
            let snapshots: [PeriodSnapshot]
            if stale.count > 8 {
                guard let whole = try await state.store.snapshot(year: period.year) else { throw APIProblem.notFound("period \(period.year)") }
                snapshots = [whole]
            } else {
                snapshots = try await stale.asyncMap { try await state.store.snapshot(period, only: $0) }
            }
            let items = try state.items(period)
            let evaluator = Evaluator(options: options(period), rubrics: state.rubrics)
            for snapshot in snapshots {
                for agency in stale where snapshot.answers[agency.id] != nil {
                    let files = PeriodFiles(year: period.year, agencies: [agency], answers: snapshot.answers, facts: snapshot.facts,
                                            checklist: items.isChecklist, stages: scope.stages)
                    let evaluation = evaluator.evaluate(files.sources(prefix: "\(period.year)/\(agency.id)"))
                    parts[agency.id] = evaluation
                    // Kept under the revision read before the snapshot: at worst newer answers
                    // under an older revision, which the next change replaces.
                    let key = AgencyEvaluations.Key(year: period.year, agency: agency.id, name: agency.name, region: agency.region, stages: stages)
                    await state.evaluations.put(key, revision: revisions[agency.id] ?? 0, evaluation)
                }
            }
        }
        return Evaluation(merging: scope.agencies.compactMap { parts[$0.id] })
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
