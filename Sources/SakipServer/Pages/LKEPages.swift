import Foundation
import Hummingbird
import SakipCore
import SakipRendering

/// An agency's LKE in a period: read, answered one item at a time, uploaded as a workbook,
/// downloaded as one, and each answer's history. Every write goes through the API's own
/// operations (`AnswerRoutes.save`, `SubmissionRoutes.store`), so the rules are the API's.
enum LKEPages {
    static func add(to pages: RouterGroup<SakipRequestContext>, state: AppState) {
        pages.get("periods/:year/agencies/:agency") { request, context in
            let page = try await Target(request, context, state)
            return try await page.render(marks: [:], saved: request.uri.queryParameters["saved"].map(String.init))
        }
        pages.post("periods/:year/agencies/:agency/answers/:criterion") { request, context in
            try await save(request, context, state)
        }
        pages.post("periods/:year/agencies/:agency/upload") { request, context in
            try await upload(request, context, state)
        }
        pages.get("periods/:year/agencies/:agency/template.xlsx") { request, context in
            try await template(try await Target(request, context, state))
        }
        pages.get("periods/:year/agencies/:agency/evidence/:id") { request, context in
            try await evidence(try await Target(request, context, state), id: try context.parameters.require("id", as: Int.self))
        }
        pages.get("periods/:year/agencies/:agency/answers/:criterion/history") { request, context in
            try await history(try await Target(request, context, state), criterion: try context.parameters.require("criterion"))
        }
    }

    /// The caller, the period, an agency it may see (404 otherwise), and the stage it is at.
    struct Target {
        var identity: Identity
        var period: Period
        var agency: Agency
        var frame: PageFrame
        var state: AppState
        var stage: Stage
        var readable: [Stage]
        var component: String?

        init(_ request: Request, _ context: SakipRequestContext, _ state: AppState) async throws {
            let (identity, period, agency) = try await AnswerRoutes.target(context, state)
            let (_, frame) = try PageContext.frame(context, state, current: "/periods/\(period.year)/agencies/\(PagePath.escape(agency.id))")
            let readable = Access.readableStages(identity, period).sorted()
            guard !readable.isEmpty else { throw PageProblem(.forbidden, frame.labels("Nothing to show: this page is for another role.")) }
            let form = context.form
            let asked = (form?["stage"] ?? request.uri.queryParameters["stage"].map(String.init)).flatMap { Stage(rawValue: $0) }
            let preferred: Stage = switch identity.role {
            case .agency: period.state == .published ? .final : .selfAssessment
            case .evaluator: .verified
            case .office, .viewer: .final
            }
            self.identity = identity
            self.period = period
            self.agency = agency
            self.frame = frame
            self.state = state
            self.readable = readable
            if let posted = form?["stage"] {
                // A form sets exactly the stage it names: refused (403) if the caller may not, never moved to another.
                guard let named = Stage(rawValue: posted) else {
                    throw PageProblem(.unprocessableContent, "'\(posted)' is no stage; expected self, verified, quality or final")
                }
                stage = named
            } else {
                stage = asked.flatMap { readable.contains($0) ? $0 : nil } ?? (readable.contains(preferred) ? preferred : readable.last!)
            }
            component = form?["component"] ?? request.uri.queryParameters["component"].map(String.init)
        }

        var editable: Bool { period.state == .open && Access.writes(identity, stage) }

        func view(marks: [String: LKEView.Mark]) async throws -> LKEView {
            let rubric = try state.rubrics.rubric(period.rubric)
            let answers = try await state.store.answers(year: period.year, agency: agency.id).filter { readable.contains($0.stage) }
            let card = try await scoreCard()
            return LKEView(identity: identity, period: period, agency: agency, rubric: rubric, stage: stage, editable: editable,
                           readable: readable, answers: answers, componentID: componentID(rubric), card: card, labels: frame.labels, marks: marks)
        }

        /// The component asked for, or the first.
        func componentID(_ rubric: Rubric) -> String {
            rubric.components.contains { $0.id == component } ? component! : rubric.components[0].id
        }

        /// This page's address (its component and stage), read from nothing but the request.
        func address() throws -> String {
            "/periods/\(period.year)/agencies/\(PagePath.escape(agency.id))?component=\(PagePath.query(componentID(try state.rubrics.rubric(period.rubric))))&stage=\(stage.rawValue)"
        }

        /// The agency's score from what the caller may read, as SakipCore scores it (nil before any answer).
        func scoreCard() async throws -> ScoreCard? {
            let results = PeriodResults(state: state)
            let scope = try await results.scope(period, for: identity, only: agency.id)
            let evaluation = try await results.evaluation(period, scope)
            guard !evaluation.cards.isEmpty else { return nil }
            let result = try? ScoreRequest(inputs: InputSelection([], options: results.options(period))).result(evaluation)
            return result?.reports.first?.card
        }

        func render(marks: [String: LKEView.Mark], saved: String? = nil, status: HTTPResponse.Status = .ok,
                    extra: [String: Any] = [:]) async throws -> Response {
            var marks = marks
            if let saved { marks[saved, default: LKEView.Mark()].saved = true }
            var values = try await view(marks: marks).values()
            for (key, value) in extra { values[key] = value }
            var frame = frame
            if let saved { frame.flash = frame.labels("Saved {}.", saved) }
            return try Page(template: "lke", title: "\(frame.labels("LKE")) \(agency.name) \(period.year)", view: values, status: status).response(frame)
        }
    }

    static func save(_ request: Request, _ context: SakipRequestContext, _ state: AppState) async throws -> Response {
        let target = try await Target(request, context, state)
        let criterion = try context.parameters.require("criterion")
        let form = context.form ?? FormFields()
        let items = try state.items(target.period)
        let value = items.kinds[criterion] == .checklist ? form.all("flags").joined(separator: ",") : (form["value"] ?? "")
        let write = AnswerWrite(value: value, note: (form["note"] ?? "").nilIfEmpty, evidence: (form["evidence"] ?? "").nilIfEmpty,
                                version: Int(form["version"] ?? "") ?? 0)
        let l = target.frame.labels
        var evidence: EvidenceUpload?
        if let file = form.files.first(where: { $0.field == "evidence_file" && !$0.bytes.isEmpty }) {
            guard file.bytes.count <= Limits.evidence else {
                var mark = LKEView.Mark(typed: write)
                mark.error = l("A file of evidence is at most {} MB.", Limits.evidence >> 20)
                return try await target.render(marks: [criterion: mark], status: .contentTooLarge)
            }
            let base = "/periods/\(target.period.year)/agencies/\(PagePath.escape(target.agency.id))/evidence/"
            evidence = EvidenceUpload(filename: file.filename.isEmpty ? "evidence" : file.filename, contentType: file.contentType,
                                      bytes: file.bytes, link: { base + String($0) })
        }
        do {
            let (answer, _) = try await AnswerRoutes.save(target.identity, target.period, target.agency, criterion: criterion,
                                                          stage: target.stage, write: write, evidence: evidence, state: state)
            if request.headers[.accept]?.contains("application/json") == true {
                let card = try await target.scoreCard()
                let summary = card.map { "\(Numbers.fixed($0.total, 2)) / 100 · \(l("Grade")) \($0.grade.grade)" }
                return JSONBody.response(SavedReply(version: answer.version, message: l("Saved"), summary: summary))
            }
            return Page.redirect(try target.address() + "&saved=\(PagePath.query(criterion))#c-\(LKEView.anchor(criterion))")
        } catch let problem as APIProblem {
            var mark = LKEView.Mark(typed: write)
            switch problem.status {
            case .conflict: mark.conflict = .some(problem.current)
            case .unprocessableContent where problem.code == "unknown-letter":
                mark.error = l("'{}' is not on the scale of {}; choose one of {}.", write.value, criterion,
                               (items.rubric.subcomponents.first { $0.id == criterion }.map { items.rubric.scale($0.scale) }
                                ?? items.rubric.scale(items.rubric.subcomponents.flatMap(\.criteria).first { $0.id == criterion }?.scale ?? "")).letters.joined(separator: ", "))
            case .periodLocked: mark.error = l("This period is {}: answers change only while it is open.", l(target.period.state.rawValue))
            case .unprocessableContent: mark.error = problem.message
            default: throw problem
            }
            var page = target
            page.frame.flash = mark.conflict != nil ? l("{}: saved by someone else meanwhile; check it below.", criterion) : l("{}: not saved; see why below.", criterion)
            page.frame.flashIsError = true
            page.frame.flashLink = "#c-" + LKEView.anchor(criterion)
            return try await page.render(marks: [criterion: mark], status: problem.status)
        }
    }

    struct SavedReply: Encodable {
        var version: Int
        var message: String
        var summary: String?
    }

    static func upload(_ request: Request, _ context: SakipRequestContext, _ state: AppState) async throws -> Response {
        let target = try await Target(request, context, state)
        let l = target.frame.labels
        guard let file = context.form?.files.first(where: { $0.field == "file" && !$0.bytes.isEmpty }) else {
            return try await target.render(marks: [:], status: .unprocessableContent,
                                           extra: ["uploadError": ["message": l("Choose a file to upload."), "diagnostics": [Any]()]])
        }
        let name = file.filename.isEmpty ? "upload" : file.filename
        do {
            let (_, stored) = try await SubmissionRoutes.store(
                SubmittedFile(filename: name, contentType: file.contentType, bytes: file.bytes, sentBy: target.identity.username),
                period: target.period, identity: target.identity, state: state)
            var frame = target.frame
            frame.flash = l("Stored {} answers from {}.", stored, name)
            var page = target
            page.frame = frame
            return try await page.render(marks: [:])
        } catch let problem as APIProblem where problem.status != .internalServerError {
            return try await target.render(marks: [:], status: problem.status, extra: ["uploadError": [
                "message": problem.message, "diagnostics": problem.diagnostics.map { PageDiagnostics.row($0, l) },
            ]])
        }
    }

    /// The LKE workbook of the rubric, filled with the stored answers the caller may read.
    static func template(_ target: Target) async throws -> Response {
        let answers = try await target.state.store.answers(year: target.period.year, agency: target.agency.id)
        let readable = Set(target.readable)
        let files = PeriodFiles(year: target.period.year, agencies: [target.agency], answers: [target.agency.id: answers],
                                checklist: try target.state.items(target.period).isChecklist, stages: readable)
        let prefill: InputSource? = answers.contains { readable.contains($0.stage) } ? .bytes(files.answers, name: files.answersName) : nil
        let request = TemplateRequest(rubric: target.period.rubric, agency: target.agency.id, name: target.agency.name,
                                      region: target.agency.region, year: target.period.year, prefill: prefill)
        let bytes: [UInt8]
        do {
            bytes = try LKEWorkbookRenderer(language: target.frame.language).workbook(try request.run(rubrics: target.state.rubrics)).data()
        } catch let error as RequestError {
            throw APIProblem(error)
        }
        var response = JSONBody.bytes(bytes, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers[.contentDisposition] = "attachment; filename=\"LKE-\(target.agency.id)-\(target.period.year).xlsx\""
        return response
    }

    /// An evidence file, to whoever may read the stage it was attached at; always a download,
    /// never shown as a page of the service.
    static func evidence(_ target: Target, id: Int) async throws -> Response {
        guard let (info, bytes) = try await target.state.store.evidenceFile(year: target.period.year, agency: target.agency.id, id: id),
              let stage = Stage(rawValue: info.stage), target.readable.contains(stage)
        else { throw APIProblem.notFound("evidence file \(id)") }
        var response = JSONBody.bytes(bytes, contentType: "application/octet-stream")
        let safe = info.filename.filter { $0.isLetter || $0.isNumber || "-_. ".contains($0) }
        response.headers[.contentDisposition] = "attachment; filename=\"\(safe.isEmpty ? "evidence" : safe)\""
        return response
    }

    static func history(_ target: Target, criterion: String) async throws -> Response {
        let l = target.frame.labels
        let readable = Set(target.readable)
        let changes = try await target.state.store.history(year: target.period.year, agency: target.agency.id, criterion: criterion)
            .filter { readable.contains($0.stage) }.reversed()
        let rows = changes.map { change -> [String: Any] in
            ["at": change.changedAt.prefix(19).replacingOccurrences(of: "T", with: " "), "by": change.changedBy, "stage": l(change.stage.rawValue),
             "old": change.old ?? "—", "new": change.new.isEmpty ? "—" : change.new, "note": change.note ?? "", "version": change.version,
             "upload": change.submission != nil]
        }
        let base = "/periods/\(target.period.year)/agencies/\(PagePath.escape(target.agency.id))"
        return try Page(template: "history", title: "\(l("History")) \(criterion)", view: [
            "criterion": criterion, "agencyName": target.agency.name, "year": target.period.year, "changes": rows,
            "hasChanges": !rows.isEmpty, "back": "\(base)?stage=\(target.stage.rawValue)#c-\(LKEView.anchor(criterion))",
        ]).response(target.frame)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
