import Foundation
import Hummingbird
import SakipCore

/// Periods (a year and its rubric), and their state: open, locked, published. Office only,
/// apart from listing them.
enum PeriodRoutes {
    struct NewPeriod: Decodable {
        var year: Int
        var rubric: String
    }

    static func add(to group: RouterGroup<SakipRequestContext>, state: AppState) {
        group.get("periods") { _, context in
            _ = try context.signedIn()
            return JSONBody.response(["periods": try await state.store.periods()])
        }
        group.post("periods") { request, context in
            try requireOffice(context)
            let form = try await request.decode(as: NewPeriod.self, context: context)
            return JSONBody.response(try await create(form, state: state), status: .created)
        }
        for (action, target) in [("lock", PeriodState.locked), ("unlock", .open), ("publish", .published)] {
            group.post("periods/:year/\(action)") { _, context in
                try requireOffice(context)
                let year = try context.parameters.require("year", as: Int.self)
                _ = try await state.period(year)
                return JSONBody.response(try await state.store.setState(year, target))
            }
        }
    }

    /// A new period, for a year in range and a rubric that loads.
    static func create(_ form: NewPeriod, state: AppState) async throws -> Period {
        guard (2000...2100).contains(form.year) else {
            throw APIProblem(.unprocessableContent, code: "invalid", "a period's year is between 2000 and 2100, not \(form.year)")
        }
        do {
            _ = try state.rubrics.rubric(form.rubric)
        } catch {
            throw APIProblem(.unprocessableContent, code: "unknown-rubric", "\(error)")
        }
        return try await state.store.addPeriod(year: form.year, rubric: form.rubric)
    }

    static func requireOffice(_ context: SakipRequestContext) throws {
        guard Access.manages(try context.signedIn()) else { throw APIProblem.forbidden("only the office manages this") }
    }
}

/// Agencies: the office creates and moves them; everyone lists those it may see.
enum AgencyRoutes {
    struct AgencyForm: Decodable {
        var name: String
        var region: String
    }

    static func add(to group: RouterGroup<SakipRequestContext>, state: AppState) {
        group.get("agencies") { _, context in
            let identity = try context.signedIn()
            return JSONBody.response(["agencies": try await state.store.agencies().filter { Access.sees(identity, $0) }])
        }
        group.put("agencies/:agency") { request, context in
            try PeriodRoutes.requireOffice(context)
            let id = try context.parameters.require("agency")
            let form = try await request.decode(as: AgencyForm.self, context: context)
            try validate(id: id, name: form.name, region: form.region)
            return JSONBody.response(try await state.store.putAgency(Agency(id: id, name: form.name, region: form.region)))
        }
    }

    /// Ids are what file names and URLs carry: letters, digits, `-`, `_` and `.`.
    static func validate(id: String, name: String, region: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !id.isEmpty, id.count <= 100, id.allSatisfy(allowed.contains), id != ".", id != ".." else {
            throw APIProblem(.unprocessableContent, code: "invalid", "an agency id is 1 to 100 letters, digits, '-', '_' or '.', not '\(id)'")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !region.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 300, region.count <= 200 else {
            throw APIProblem(.unprocessableContent, code: "invalid", "an agency has a name and a region")
        }
    }
}

/// Users, managed by the office: the same operations as `sakip-serve users`.
enum UserRoutes {
    struct NewUser: Decodable {
        var username: String
        var role: Role
        var regions: [String]?
        var agency: String?
        var password: String?
        var language: String?
    }

    struct PasswordForm: Decodable {
        var password: String
    }

    static func add(to group: RouterGroup<SakipRequestContext>, state: AppState) {
        group.get("users") { _, context in
            try PeriodRoutes.requireOffice(context)
            return JSONBody.response(["users": try await state.store.users()])
        }
        group.post("users") { request, context in
            try PeriodRoutes.requireOffice(context)
            let form = try await request.decode(as: NewUser.self, context: context)
            let user = try await create(form, state: state)
            return JSONBody.response(user, status: .created)
        }
        group.post("users/:username/disable") { _, context in
            try PeriodRoutes.requireOffice(context)
            try await disable(try context.parameters.require("username"), by: try context.signedIn(), state: state)
            return Response(status: .noContent)
        }
        group.post("users/:username/enable") { _, context in
            try PeriodRoutes.requireOffice(context)
            try await state.store.setDisabled(try context.parameters.require("username"), false)
            return Response(status: .noContent)
        }
        group.post("users/:username/password") { request, context in
            try PeriodRoutes.requireOffice(context)
            let form = try await request.decode(as: PasswordForm.self, context: context)
            try await setPassword(try context.parameters.require("username"), form.password, state: state)
            return Response(status: .noContent)
        }
        group.post("users/:username/tokens") { _, context in
            try PeriodRoutes.requireOffice(context)
            let token = try await state.accounts.newToken(for: try context.parameters.require("username"))
            return JSONBody.response(["token": token], status: .created)
        }
    }

    static func disable(_ name: String, by identity: Identity, state: AppState) async throws {
        // The office locking itself out would leave nobody to let it back in but the shell.
        guard name != identity.username else {
            throw APIProblem(.unprocessableContent, code: "own-account", "you cannot disable your own account")
        }
        try await state.store.setDisabled(name, true)
    }

    static func setPassword(_ name: String, _ password: String, state: AppState) async throws {
        do {
            try await state.accounts.setPassword(name, password)
        } catch StoreError.configuration(let why) {
            throw APIProblem(.unprocessableContent, code: "invalid", why)
        }
    }

    static func create(_ form: NewUser, state: AppState) async throws -> User {
        let name = form.username
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.@".contains($0) }) else {
            throw APIProblem(.unprocessableContent, code: "invalid", "a user name is 1 to 64 letters, digits, '-', '_', '.' or '@'")
        }
        if form.role == .agency {
            guard let agency = form.agency, try await state.store.agency(agency) != nil else {
                throw APIProblem(.unprocessableContent, code: "invalid", "an agency user names an existing agency")
            }
        }
        if form.role == .evaluator, (form.regions ?? []).isEmpty {
            throw APIProblem(.unprocessableContent, code: "invalid", "an evaluator is given at least one region")
        }
        if let password = form.password, password.count < 8 {
            throw APIProblem(.unprocessableContent, code: "invalid", "a password has at least 8 characters")
        }
        let user = try await state.store.addUser(name, role: form.role, regions: form.regions ?? [],
                                                 agency: form.role == .agency ? form.agency : nil, language: form.language ?? "id")
        if let password = form.password { try await state.accounts.setPassword(name, password) }
        return user
    }
}
