import Hummingbird
import SakipCore

/// An agency's answers in a period: read, saved one at a time with a version, and their history.
enum AnswerRoutes {
    static func add(to group: RouterGroup<SakipRequestContext>, state: AppState) {
        let results = PeriodResults(state: state)
        group.get("periods/:year/agencies/:agency/answers") { _, context in
            let (identity, period, agency) = try await target(context, state)
            let stages = Access.readableStages(identity, period)
            guard !stages.isEmpty else { throw APIProblem.forbidden("a viewer reads published results, not answers") }
            let answers = try await state.store.answers(year: period.year, agency: agency.id).filter { stages.contains($0.stage) }
            return JSONBody.response(AgencyAnswers(year: period.year, agency: agency.id, rubric: period.rubric, answers: answers))
        }
        group.put("periods/:year/agencies/:agency/answers/:criterion") { request, context in
            let (identity, period, agency) = try await target(context, state)
            let criterion = try context.parameters.require("criterion")
            let stage = try stage(request)
            let write = try await request.decode(as: AnswerWrite.self, context: context)
            let (answer, now) = try await save(identity, period, agency, criterion: criterion, stage: stage, write: write, state: state)
            let score = try await results.score(now, agency: agency.id, for: identity)
            return JSONBody.bytes(JSONBody.object(["answer": JSONBody.encoded(answer), "score": score]))
        }
        group.get("periods/:year/agencies/:agency/answers/:criterion/history") { _, context in
            let (identity, period, agency) = try await target(context, state)
            let stages = Access.readableStages(identity, period)
            guard !stages.isEmpty else { throw APIProblem.forbidden("a viewer reads published results, not answers") }
            let criterion = try context.parameters.require("criterion")
            let changes = try await state.store.history(year: period.year, agency: agency.id, criterion: criterion)
            return JSONBody.response(["history": changes.filter { stages.contains($0.stage) }])
        }
        group.get("periods/:year/agencies/:agency/score") { _, context in
            let (identity, period, agency) = try await target(context, state)
            // An agency sees its own score so far (its self-assessment) while the period runs.
            guard Access.readsResults(identity, period) || identity.role == .agency else {
                throw APIProblem.forbidden("results are read once the period is published")
            }
            return JSONBody.bytes(try await results.score(period, agency: agency.id, for: identity))
        }
    }

    /// Saves one answer for the API and the pages alike: the caller's right to the stage, the
    /// value against the rubric, the remark's bounds, then the store's version check.
    /// - Throws: `APIProblem` 403, 422, 409 (with the current answer) or 423.
    static func save(_ identity: Identity, _ period: Period, _ agency: Agency, criterion: String, stage: Stage,
                     write: AnswerWrite, evidence file: EvidenceUpload? = nil, state: AppState) async throws -> (StoredAnswer, Period) {
        guard Access.writes(identity, stage) else {
            throw APIProblem.forbidden("a\(identity.role == .office ? "n" : "") \(identity.role.rawValue) does not write the \(stage.rawValue) stage")
        }
        if let problem = try state.items(period).problem(key: criterion, value: write.value) { throw problem }
        try checkRemark(write)
        switch try await state.store.save(year: period.year, agency: agency.id, criterion: criterion, stage: stage,
                                          write: write, by: identity.username, evidence: file) {
        case .saved(let answer, let now):
            return (answer, now)
        case .conflict(let current):
            var problem = APIProblem(.conflict, code: "stale-version",
                                     "the answer changed since version \(write.version) was read; it is now version \(current?.version ?? 0)")
            problem.extra["current"] = JSONBody.encoded(current)
            problem.current = current
            throw problem
        case .closed(let state):
            throw APIProblem(.periodLocked, code: "period-\(state.rawValue)", "the period \(period.year) is \(state.rawValue): answers change only while it is open")
        }
    }

    struct AgencyAnswers: Encodable {
        var year: Int
        var agency: String
        var rubric: String
        var answers: [StoredAnswer]
    }

    /// The caller, the period and an agency it may see (404 otherwise).
    static func target(_ context: SakipRequestContext, _ state: AppState) async throws -> (Identity, Period, Agency) {
        let identity = try context.signedIn()
        let period = try await state.period(try context.parameters.require("year", as: Int.self))
        let agency = try await state.agency(try context.parameters.require("agency"), for: identity)
        return (identity, period, agency)
    }

    static func stage(_ request: Request) throws -> Stage {
        guard let name = request.uri.queryParameters["stage"].map(String.init) else {
            throw APIProblem(.unprocessableContent, code: "missing-stage", "say which stage: ?stage=self, verified, quality or final")
        }
        guard let stage = Stage(rawValue: name) ?? Stage(name: name) else {
            throw APIProblem(.unprocessableContent, code: "unknown-stage", "'\(name)' is no stage; expected self, verified, quality or final")
        }
        return stage
    }

    static func checkRemark(_ write: AnswerWrite) throws {
        if (write.note?.count ?? 0) > 4000 || (write.evidence?.count ?? 0) > 2000 {
            throw APIProblem(.unprocessableContent, code: "too-long", "a note is at most 4000 characters and an evidence link 2000")
        }
        if write.version < 0 {
            throw APIProblem(.unprocessableContent, code: "invalid", "a version is 0 (a new answer) or the version read")
        }
    }
}
