import Foundation
import SakipCore

/// What every route reaches: the store, the accounts, the rubrics, and what is remembered
/// between requests (computed results, failed sign-ins).
public final class AppState: Sendable {
    public let store: Store
    public let accounts: Accounts
    public let configuration: ServerConfiguration
    let rubrics = RubricCache()
    let results = ResultCache()
    let evaluations = AgencyEvaluations()
    let logins: LoginLimiter
    let flashes = FlashMessages()

    public init(store: Store, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
        accounts = Accounts(store: store, bcryptCost: configuration.bcryptCost)
        logins = LoginLimiter(attempts: configuration.loginAttempts, window: configuration.loginWindow)
    }

    /// The period, or 404.
    func period(_ year: Int) async throws -> Period {
        guard let period = try await store.period(year) else { throw APIProblem.notFound("period \(year)") }
        return period
    }

    /// The agency, or 404 when it does not exist or the caller may not see it.
    func agency(_ id: String, for identity: Identity) async throws -> Agency {
        guard let agency = try await store.agency(id), Access.sees(identity, agency) else {
            throw APIProblem.notFound("agency '\(id)'")
        }
        return agency
    }

    func items(_ period: Period) throws -> RubricItems {
        do {
            return RubricItems(try rubrics.rubric(period.rubric))
        } catch {
            throw APIProblem(.internalServerError, code: "rubric", "the period's rubric cannot be loaded: \(error)")
        }
    }
}

/// Results computed from one revision of a period, kept until the period changes: a ranking
/// asked again while nobody saves is not computed again.
actor ResultCache {
    private var entries: [String: [UInt8]] = [:]
    private var order: [String] = []
    private let capacity = 64

    func get(_ key: String) -> [UInt8]? { entries[key] }

    func put(_ key: String, _ value: [UInt8]) {
        guard entries[key] == nil else { return }
        entries[key] = value
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
    }
}

/// Failed sign-ins per user name within a window: past the limit, sign-in answers 429 until
/// the oldest failure leaves the window.
actor LoginLimiter {
    private let attempts: Int
    private let window: Duration
    private var failures: [String: [ContinuousClock.Instant]] = [:]

    init(attempts: Int, window: Duration) {
        self.attempts = attempts
        self.window = window
    }

    /// Seconds until the name may try again, or nil when it may now.
    func retryAfter(_ name: String) -> Int? {
        let now = ContinuousClock.now
        let recent = (failures[name] ?? []).filter { now - $0 < window }
        failures[name] = recent
        guard recent.count >= attempts, let oldest = recent.first else { return nil }
        return max(1, Int((window - (now - oldest)).components.seconds))
    }

    func failed(_ name: String) { failures[name, default: []].append(.now) }

    func succeeded(_ name: String) { failures[name] = nil }
}

/// What a page says after a form has redirected (`Saved.`, `Period 2025 created.`): kept under a
/// random id for the user who sent the form, read once. The address carries only the id, so
/// nobody can make the service's page say a text of their choosing.
actor FlashMessages {
    private var messages: [String: (user: String, text: String)] = [:]
    private var order: [String] = []

    func put(_ text: String, for user: String) -> String {
        let id = Credentials.secret(prefix: "").prefix(16)
        messages[String(id)] = (user, text)
        order.append(String(id))
        if order.count > 1000 { messages[order.removeFirst()] = nil }
        return String(id)
    }

    func take(_ id: String, for user: String) -> String? {
        guard let message = messages[id], message.user == user else { return nil }
        messages[id] = nil
        return message.text
    }
}
