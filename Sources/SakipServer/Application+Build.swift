import Hummingbird
import Logging
import ServiceLifecycle

/// The service's routes, for the running server and the tests alike.
///
/// ```swift
/// let store = try await Store.open(.sqlite(directory: "sakip-data"), logger: logger)
/// let app = buildApplication(state: AppState(store: store, configuration: configuration), logger: logger)
/// try await app.runService()
/// ```
public func buildRouter(state: AppState) -> Router<SakipRequestContext> {
    let router = Router(context: SakipRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.get("health") { _, _ in
        JSONBody.response(["status": "ok"])
    }
    router.get("openapi.yaml") { _, _ in
        JSONBody.bytes(Array(OpenAPIDocument.yaml.utf8), contentType: "application/yaml; charset=utf-8")
    }
    let api = router.group("api/v1")
    let signedIn = api.group().add(middleware: AuthMiddleware(state: state))
    SessionRoutes.add(open: api, signedIn: signedIn, state: state)
    PeriodRoutes.add(to: signedIn, state: state)
    AgencyRoutes.add(to: signedIn, state: state)
    UserRoutes.add(to: signedIn, state: state)
    AnswerRoutes.add(to: signedIn, state: state)
    SubmissionRoutes.add(to: signedIn, state: state)
    SubmissionRoutes.addListing(to: signedIn, state: state)
    ResultRoutes.add(to: signedIn, state: state)
    PageRoutes.add(to: router, state: state)
    return router
}

/// The whole service: the routes on `configuration`'s address, and the store's connections as
/// a service of their own, closed after the last request in flight has been answered.
public func buildApplication(state: AppState, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildRouter(state: state),
        configuration: ApplicationConfiguration(address: .hostname(state.configuration.host, port: state.configuration.port), serverName: "sakip"),
        services: [StoreService(store: state.store)],
        logger: logger
    )
}

/// Keeps the store's connections open while the service runs.
struct StoreService: Service {
    let store: Store

    func run() async throws {
        try await store.run()
    }
}
