import Foundation
import Hummingbird
import SakipCore
import SakipRendering

/// A period's agencies with how far each stage is (evaluators and the office), and its results
/// (ranking with movement, the report, gaps, a candidate rubric, sensitivity; every table also
/// as xlsx and CSV from the API).
enum ProgressPages {
    static func add(to pages: RouterGroup<SakipRequestContext>, state: AppState) {
        pages.get("periods/:year/agencies") { request, context in
            try await progress(request, context, state)
        }
        pages.get("periods/:year/results") { _, context in
            try await results(context, state)
        }
        pages.get("periods/:year/results/:analysis") { request, context in
            try await analysis(request, context, state)
        }
    }

    static func periodLinks(_ periods: [Period], current: Int, suffix: String) -> [[String: Any]] {
        periods.sorted { $0.year > $1.year }.map { ["year": $0.year, "href": "/periods/\($0.year)/\(suffix)", "current": $0.year == current] }
    }

    static func progress(_ request: Request, _ context: SakipRequestContext, _ state: AppState) async throws -> Response {
        let period = try await state.period(try context.parameters.require("year", as: Int.self))
        let (identity, frame) = try PageContext.frame(context, state, current: "/periods/\(period.year)/agencies")
        let l = frame.labels
        guard identity.role == .office || identity.role == .evaluator else {
            throw PageProblem(.forbidden, l("Nothing to show: this page is for another role."))
        }
        let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        let visible = try await state.store.agencies().filter { Access.sees(identity, $0) }
            .filter { query.isEmpty || $0.name.localizedCaseInsensitiveContains(query) || $0.id.localizedCaseInsensitiveContains(query) || $0.region.localizedCaseInsensitiveContains(query) }
        let rubric = try state.rubrics.rubric(period.rubric)
        let expected = rubric.subcomponents.flatMap { LKEView.items(of: $0, in: rubric) }.count
        // As the LKE page counts: a checklist item with no flag is still answered.
        let progress = try await state.store.progress(year: period.year, emptyCounts: rubric.checklist != nil)
        let rows = visible.map { agency -> [String: Any] in
            let stages = progress[agency.id] ?? [:]
            let counts = Stage.allCases.map { stage -> [String: Any] in
                let answered = stages[stage]?.answered ?? 0
                return ["answered": answered, "expected": expected, "complete": answered >= expected]
            }
            let updated = stages.values.map(\.updatedAt).max().map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "—"
            return ["name": agency.name, "region": agency.region, "href": "/periods/\(period.year)/agencies/\(PagePath.escape(agency.id))",
                    "counts": counts, "updated": updated]
        }
        let periods = try await state.store.periods()
        return try Page(template: "agencies", title: "\(l("Agencies")) \(period.year)", view: [
            "year": period.year, "rubricTitle": rubric.title, "periodState": l(period.state.rawValue), "query": query,
            "stages": Stage.allCases.map { l($0.rawValue) }, "rows": rows,
            "periods": periodLinks(periods, current: period.year, suffix: "agencies"), "hasPeriods": periods.count > 1,
        ]).response(frame)
    }

    /// Gaps, a candidate rubric compared, or the sensitivity to the weights, as the command
    /// line's Markdown gives them in the user's language, with the same in xlsx, CSV and JSON.
    static func analysis(_ request: Request, _ context: SakipRequestContext, _ state: AppState) async throws -> Response {
        let period = try await state.period(try context.parameters.require("year", as: Int.self))
        let (identity, frame) = try PageContext.frame(context, state, current: "/periods/\(period.year)/results")
        let l = frame.labels
        guard Access.readsResults(identity, period) else {
            throw PageProblem.notice(l("No published results yet"), l("Results appear here once the office publishes a period."), status: .forbidden)
        }
        let name = try context.parameters.require("analysis")
        var view: [String: Any] = ["year": period.year]
        let kind: ResultRoutes.Analysis
        switch name {
        case "compare" where request.uri.queryParameters["candidate"] == nil:
            // First visit: the choice of rubric, nothing computed yet.
            kind = .compare(candidate: "")
        default:
            kind = try ResultRoutes.Analysis(name, request, state)
        }
        var query = ""
        switch kind {
        case .gaps: view["heading"] = l("Gaps")
        case .compare(let candidate):
            view["heading"] = l("Compare with another rubric")
            view["compare"] = ["rubrics": RubricCatalog.standard.listFiles().map(\.id).filter { $0 != period.rubric }.map { ["id": $0, "selected": $0 == candidate] }]
            query = "candidate=\(PagePath.query(candidate))&"
        case .sensitivity(let samples, let seed):
            view["heading"] = l("Sensitivity to the weights")
            view["sensitivity"] = ["samples": samples, "seed": seed]
            query = "samples=\(samples)&seed=\(seed)&"
        }
        view["download"] = "/api/v1/periods/\(period.year)/\(name)?\(query)"
        if case .compare(let candidate) = kind, candidate.isEmpty {
            view["blocks"] = [[String: Any]]()
        } else {
            let markdown = try await ResultRoutes.analysis(kind, period, identity, .markdown, state, language: frame.language)
            view["blocks"] = MarkdownBlocks.blocks(String(decoding: markdown, as: UTF8.self))
        }
        return try Page(template: "analysis", title: "\(view["heading"] ?? "") \(period.year)", view: view).response(frame)
    }

    static func results(_ context: SakipRequestContext, _ state: AppState) async throws -> Response {
        let period = try await state.period(try context.parameters.require("year", as: Int.self))
        let (identity, frame) = try PageContext.frame(context, state, current: "/periods/\(period.year)/results")
        let l = frame.labels
        guard Access.readsResults(identity, period) else {
            throw PageProblem.notice(l("No published results yet"), l("Results appear here once the office publishes a period."), status: .forbidden)
        }
        let results = PeriodResults(state: state)
        let scope = try await results.scope(period, for: identity)
        let ranking = try await results.ranking(period, scope, before: try await results.previous(period, for: identity))
        let rows = ranking.rankings.map { entry -> [String: Any] in
            var row: [String: Any] = [
                "rank": entry.rank, "name": entry.name ?? entry.agency, "region": entry.region ?? "", "total": Numbers.fixed(entry.score, 2),
                "grade": entry.grade, "stage": l(entry.stage.rawValue), "hasPrevious": ranking.previousYear != nil,
                "missing": entry.missing,
                "components": ranking.components.map { component -> [String: Any] in
                    let score = entry.componentScore(component.id)?.score ?? 0
                    return ["value": Numbers.fixed(score, 2), "heat": min(4, Int(score / max(component.weight, 1) * 5))]
                },
                "movement": entry.previous.map { ($0.delta >= 0 ? "+" : "") + Numbers.fixed($0.delta, 2) + " (\($0.rankMovement >= 0 ? "+" : "")\($0.rankMovement))" } ?? "—",
            ]
            if identity.role != .viewer { row["href"] = "/periods/\(period.year)/agencies/\(PagePath.escape(entry.agency))" }
            return row
        }
        let periods = try await state.store.periods().filter { Access.readsResults(identity, $0) }
        let rubrics = RubricCatalog.standard.listFiles().map { ["id": $0.id] }.filter { ($0["id"] ?? "") != period.rubric }
        return try Page(template: "results", title: "\(l("Results")) \(period.year)", view: [
            "year": period.year, "rubricTitle": (try? state.rubrics.rubric(period.rubric).title) ?? period.rubric,
            "periodState": l(period.state.rawValue), "previousYear": ranking.previousYear.map { [String($0)] } ?? [],
            "hasPrevious": ranking.previousYear != nil, "rows": rows,
            "componentHeads": ranking.components.map { ["id": $0.id, "name": $0.name] },
            "errors": ranking.errors.map { PageDiagnostics.row($0, l) }, "hasErrors": !ranking.errors.isEmpty,
            "api": "/api/v1/periods/\(period.year)", "analysis": true, "rubrics": rubrics,
            "periods": periodLinks(periods, current: period.year, suffix: "results"), "hasPeriods": periods.count > 1,
        ]).response(frame)
    }
}
