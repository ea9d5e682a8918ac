import Foundation
import HTTPTypes
import Hummingbird
import SakipCore
import SakipRendering

/// `POST /api/v1/periods/{year}/submissions`: one file sakip reads, stored whole or not at all.
enum SubmissionRoutes {
    static func add(to group: RouterGroup<SakipRequestContext>, state: AppState) {
        group.post("periods/:year/submissions") { request, context in
            let identity = try context.signedIn()
            guard identity.role != .viewer else { throw APIProblem.forbidden("a viewer does not submit answers") }
            let period = try await state.period(try context.parameters.require("year", as: Int.self))
            guard period.state == .open else {
                throw APIProblem(.periodLocked, code: "period-\(period.state.rawValue)", "the period \(period.year) is \(period.state.rawValue): answers change only while it is open")
            }
            let body = try await request.body.collect(upTo: Limits.upload)
            let bytes = Array(buffer: body)
            let name = filename(request)
            return try await submit(SubmittedFile(filename: name, contentType: request.headers[.contentType] ?? "", bytes: bytes, sentBy: identity.username),
                                    period: period, identity: identity, state: state)
        }
    }

    /// Uploads are kept as they came, with who sent them. The office sees every one; anyone else
    /// only what it sent itself (a file may hold other agencies' answers).
    static func addListing(to group: RouterGroup<SakipRequestContext>, state: AppState) {
        group.get("periods/:year/submissions") { _, context in
            let identity = try context.signedIn()
            let period = try await state.period(try context.parameters.require("year", as: Int.self))
            let files = try await state.store.submissions(year: period.year, sentBy: Access.manages(identity) ? nil : identity.username)
            return JSONBody.response(["submissions": files])
        }
        group.get("periods/:year/submissions/:id") { _, context in
            let identity = try context.signedIn()
            let period = try await state.period(try context.parameters.require("year", as: Int.self))
            let id = try context.parameters.require("id", as: Int.self)
            guard let (info, bytes) = try await state.store.submission(year: period.year, id: id),
                  Access.manages(identity) || info.sentBy == identity.username
            else { throw APIProblem.notFound("submission \(id)") }
            // Always a download, never rendered: an uploaded file is not the service's page.
            var response = JSONBody.bytes(bytes, contentType: "application/octet-stream")
            let safe = info.filename.filter { $0.isLetter || $0.isNumber || "-_. ".contains($0) }
            response.headers[.contentDisposition] = "attachment; filename=\"\(safe.isEmpty ? "upload" : safe)\""
            return response
        }
    }

    /// The name diagnostics cite: the sender's file name, without any folder, or one made from
    /// the content type.
    static func filename(_ request: Request) -> String {
        if let given = request.headers[HTTPField.Name("X-Filename")!], let base = given.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last,
           !base.isEmpty, base.count <= 200 {
            return String(base)
        }
        let type = request.headers[.contentType] ?? ""
        if type.contains("spreadsheetml") { return "upload.xlsx" }
        if type.contains("csv") { return "upload.csv" }
        return "upload.xml"
    }

    static func submit(_ file: SubmittedFile, period: Period, identity: Identity, state: AppState) async throws -> Response {
        JSONBody.bytes(try await store(file, period: period, identity: identity, state: state).result.output(as: .json), status: .created)
    }

    /// Reads an uploaded file and stores its answers, for the API and the pages alike: all of
    /// them, or none when the file has an error or an answer the caller may not write.
    /// - Returns: the file's scores, as `sakip score` gives them, and how many answers were stored.
    /// - Throws: `APIProblem` with the file's diagnostics at their cells or lines.
    static func store(_ file: SubmittedFile, period: Period, identity: Identity, state: AppState) async throws -> (result: ScoreResult, stored: Int) {
        let source = InputSource.bytes(file.bytes, name: file.filename)
        // Read once: the reports are stored from the same read that is scored and shown.
        let options = Evaluator.Options(rubric: period.rubric, jobs: 1)
        let evaluator = Evaluator(options: options, rubrics: state.rubrics)
        let read = evaluator.read([source])
        let result: ScoreResult
        do {
            result = try ScoreRequest(inputs: InputSelection([source], options: options)).result(evaluator.score(read))
        } catch {
            throw APIProblem(error)
        }
        guard !read.reports.isEmpty || !result.errors.isEmpty else {
            throw APIProblem(.unprocessableContent, code: "nothing-to-do", "\(file.filename) holds no report; nothing was stored")
        }
        let errors = result.errors
        guard errors.isEmpty else {
            throw APIProblem(.unprocessableContent, code: "invalid-file", "\(file.filename) has errors; nothing was stored", diagnostics: errors)
        }
        let (answers, create) = try await plan(read.reports, period: period, identity: identity, state: state)
        var facts: [String: AgencyFacts] = [:]
        for report in read.reports where !report.indicators.isEmpty || report.budget != nil {
            facts[report.agency] = AgencyFacts(indicators: report.indicators, budget: report.budget)
        }
        guard try await state.store.submit(year: period.year, file: file, answers: answers, facts: facts, create: create) != nil else {
            throw APIProblem(.periodLocked, code: "period-closed", "the period \(period.year) closed while the file was read; nothing was stored")
        }
        return (result, answers.count)
    }

    /// What the file's reports store, after checking each against the caller's rights.
    static func plan(_ reports: [Report], period: Period, identity: Identity, state: AppState) async throws -> ([SubmittedAnswer], [Agency]) {
        var answers: [SubmittedAnswer] = [], create: [Agency] = []
        for report in reports {
            guard report.year == period.year else {
                throw APIProblem(.unprocessableContent, code: "wrong-year",
                                 "the report of \(report.agency) is for \(report.year), not the period \(period.year)",
                                 diagnostics: [Diagnostic(DiagnosticCode(rawValue: "wrong-year"), at: report.origin, "report year \(report.year) is not the period's \(period.year)")])
            }
            if let named = report.rubric, named != period.rubric {
                throw APIProblem(.unprocessableContent, code: "wrong-rubric",
                                 "the report of \(report.agency) names the rubric \(named); the period \(period.year) is scored with \(period.rubric)",
                                 diagnostics: [Diagnostic(.rubricMismatch, at: report.origin, "the report names the rubric \(named); the period \(period.year) is scored with \(period.rubric)")])
            }
            if let agency = try await state.store.agency(report.agency) {
                guard Access.sees(identity, agency) else { throw APIProblem.notFound("agency '\(report.agency)'") }
            } else if Access.manages(identity) {
                let agency = Agency(id: report.agency, name: report.name ?? report.agency, region: report.region ?? "")
                try AgencyRoutes.validate(id: agency.id, name: agency.name, region: agency.region.isEmpty ? "-" : agency.region)
                create.append(agency)
            } else {
                throw APIProblem.notFound("agency '\(report.agency)'")
            }
            answers += Self.answers(of: report)
            for stage in Set(answers.map(\.stage)) where !Access.writes(identity, stage) {
                throw APIProblem.forbidden("a\(identity.role == .office ? "n" : "") \(identity.role.rawValue) does not write the \(stage.rawValue) stage; the file has answers at it")
            }
        }
        return (answers, create)
    }

    /// A report's answers and checklist items as stored values, with their notes and evidence.
    static func answers(of report: Report) -> [SubmittedAnswer] {
        var remarks: [String: Remark] = [:]
        for remark in report.remarks { remarks["\(remark.criterion)@\(remark.stage.rawValue)"] = remark }
        func answer(_ criterion: String, _ stage: Stage, _ value: String) -> SubmittedAnswer {
            let remark = remarks["\(criterion)@\(stage.rawValue)"]
            return SubmittedAnswer(agency: report.agency, criterion: criterion, stage: stage, value: value,
                                   note: remark?.note, evidence: remark?.evidence)
        }
        var result = report.answers.map { answer($0.id, $0.stage, $0.value.trimmingCharacters(in: .whitespaces)) }
        for item in report.checklist {
            let flags = zip(RubricItems.flags, [item.met, item.mandated, item.kept1Year, item.kept5Years]).filter(\.1).map(\.0)
            result.append(answer(item.criterion, item.stage, flags.joined(separator: ",")))
        }
        return result
    }
}
