import Foundation
import Hummingbird
import SakipCore

/// The office's desk: periods (create, lock, unlock, publish), agencies, and users (create,
/// disable, enable, reset a password, a new API token), through the API's own operations.
enum OfficePages {
    static func add(to pages: RouterGroup<SakipRequestContext>, state: AppState) {
        pages.get("office") { request, context in
            var (identity, frame) = try office(context, state)
            if let id = request.uri.queryParameters["done"].map(String.init) {
                frame.flash = await state.flashes.take(id, for: identity.username)
            }
            return try await desk(frame, state).response(frame)
        }
        pages.post("office/periods") { _, context in
            let (_, frame) = try office(context, state)
            let form = context.form ?? FormFields()
            return try await act(frame, state) {
                let period = try await PeriodRoutes.create(PeriodRoutes.NewPeriod(year: Int(form["year"] ?? "") ?? 0, rubric: form["rubric"] ?? ""), state: state)
                return frame.labels("Period {} created.", period.year)
            }
        }
        pages.post("office/periods/:year") { _, context in
            let (_, frame) = try office(context, state)
            let year = try context.parameters.require("year", as: Int.self)
            return try await act(frame, state) {
                guard let target = PeriodState(rawValue: context.form?["to"] ?? "") else { throw APIProblem(.unprocessableContent, code: "invalid", "no such state") }
                _ = try await state.period(year)
                let period = try await state.store.setState(year, target)
                return frame.labels("Period {} is now {}.", period.year, frame.labels(period.state.rawValue))
            }
        }
        pages.post("office/agencies") { _, context in
            let (_, frame) = try office(context, state)
            let form = context.form ?? FormFields()
            return try await act(frame, state) {
                let agency = Agency(id: form["id"] ?? "", name: form["name"] ?? "", region: form["region"] ?? "")
                try AgencyRoutes.validate(id: agency.id, name: agency.name, region: agency.region)
                _ = try await state.store.putAgency(agency)
                return frame.labels("Agency {} saved.", agency.id)
            }
        }
        pages.post("office/users") { _, context in
            let (_, frame) = try office(context, state)
            let form = context.form ?? FormFields()
            return try await act(frame, state) {
                guard let role = Role(rawValue: form["role"] ?? "") else { throw APIProblem(.unprocessableContent, code: "invalid", "no such role") }
                let regions = (form["regions"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let user = try await UserRoutes.create(UserRoutes.NewUser(username: form["username"] ?? "", role: role, regions: regions,
                                                                          agency: (form["agency"] ?? "").nilIfEmpty, password: form["password"] ?? "",
                                                                          language: nil), state: state)
                return frame.labels("User {} created.", user.username)
            }
        }
        pages.post("office/users/:username") { _, context in
            let (identity, frame) = try office(context, state)
            let name = try context.parameters.require("username")
            let form = context.form ?? FormFields()
            if form["do"] == "token" {
                // Shown once, on this page, never stored in the clear.
                let token = try await state.accounts.newToken(for: name)
                var page = try await desk(frame, state)
                page.view["newToken"] = ["user": name, "token": token]
                return try page.response(frame)
            }
            return try await act(frame, state) {
                switch form["do"] {
                case "disable": try await UserRoutes.disable(name, by: identity, state: state)
                case "enable": try await state.store.setDisabled(name, false)
                case "password": try await UserRoutes.setPassword(name, form["password"] ?? "", state: state)
                default: throw APIProblem(.unprocessableContent, code: "invalid", "no such action")
                }
                return frame.labels("User {} updated.", name)
            }
        }
    }

    static func office(_ context: SakipRequestContext, _ state: AppState) throws -> (Identity, PageFrame) {
        let (identity, frame) = try PageContext.frame(context, state, current: "/office")
        guard Access.manages(identity) else { throw PageProblem(.forbidden, frame.labels("Nothing to show: this page is for another role.")) }
        return (identity, frame)
    }

    /// Runs one office action: on success back to the desk with what was done; refused, the desk
    /// again with why, and nothing changed.
    static func act(_ frame: PageFrame, _ state: AppState, _ body: () async throws -> String) async throws -> Response {
        var frame = frame
        var status = HTTPResponse.Status.seeOther
        do {
            frame.flash = try await body()
        } catch let problem as APIProblem where problem.status.code < 500 {
            frame.flash = problem.message
            frame.flashIsError = true
            status = problem.status
        } catch let error as StoreError {
            let problem = APIProblem(error)
            frame.flash = problem.message
            frame.flashIsError = true
            status = problem.status
        }
        if status == .seeOther {
            let id = await state.flashes.put(frame.flash ?? "", for: frame.identity?.username ?? "")
            return Page.redirect("/office?done=" + id)
        }
        var page = try await desk(frame, state)
        page.status = status
        return try page.response(frame)
    }

    static func desk(_ frame: PageFrame, _ state: AppState) async throws -> Page {
        let l = frame.labels
        let periods = try await state.store.periods().sorted { $0.year > $1.year }
        let agencies = try await state.store.agencies()
        let users = try await state.store.users()
        let periodRows = periods.map { period -> [String: Any] in
            let actions: [(String, PeriodState)] = switch period.state {
            case .open: [("Lock", .locked)]
            case .locked: [("Unlock", .open), ("Publish", .published)]
            case .published: [("Unlock", .open)]
            }
            return ["year": period.year, "rubric": period.rubric, "stateLabel": l(period.state.rawValue),
                    "progressURL": "/periods/\(period.year)/agencies", "resultsURL": "/periods/\(period.year)/results",
                    "actions": actions.map { ["label": l($0.0), "to": $0.1.rawValue, "action": "/office/periods/\(period.year)"] }]
        }
        let userRows = users.map { user -> [String: Any] in
            let scope = user.agency ?? (user.regions.isEmpty ? l("all regions") : user.regions.joined(separator: ", "))
            return ["username": user.username, "roleLabel": PageFrame.roleLabel(user.role, l), "scope": scope,
                    "stateLabel": l(user.disabled ? "disabled" : "active"), "action": "/office/users/\(PagePath.escape(user.username))",
                    "toggle": user.disabled ? "enable" : "disable", "toggleLabel": l(user.disabled ? "Enable" : "Disable")]
        }
        let rubrics = RubricCatalog.standard.listFiles().map { file -> [String: Any] in
            ["id": file.id, "title": (try? state.rubrics.rubric(file.id).title) ?? "", "selected": file.id == RubricCatalog.defaultRubricID]
        }
        return Page(template: "office", title: l("Office"), view: [
            "periods": periodRows, "agencies": agencies.map { ["id": $0.id, "name": $0.name, "region": $0.region] },
            "users": userRows, "rubrics": rubrics, "nextYear": (periods.first?.year ?? Calendar.current.component(.year, from: Date()) - 1) + 1,
            "roles": Role.allCases.map { ["value": $0.rawValue, "label": PageFrame.roleLabel($0, l)] },
        ])
    }
}
