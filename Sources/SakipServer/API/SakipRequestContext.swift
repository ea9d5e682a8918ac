import Hummingbird

/// A request's context: Hummingbird's own, plus who is asking once `AuthMiddleware` has said.
public struct SakipRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user; nil only on the routes open to everyone (`/health`, signing in).
    public var identity: Identity?
    /// A page's posted form, read and its CSRF token checked by `PageSessionMiddleware`.
    var form: FormFields?
    /// The newest period's year, for the pages' navigation (read once per page request).
    var newestYear: Int?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        identity = nil
        form = nil
        newestYear = nil
    }

    /// Uploads are read with their own bound (`Limits.upload`); JSON bodies are small.
    public var maxUploadSize: Int { 1 << 20 }

    /// The identity, for routes behind `AuthMiddleware` (which refuses requests without one).
    func signedIn() throws -> Identity {
        guard let identity else { throw APIProblem(.unauthorized, code: "unauthenticated", "sign in, or send Authorization: Bearer TOKEN") }
        return identity
    }
}
