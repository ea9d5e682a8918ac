/// How `sakip-serve` runs: where its data lives, where it listens, how long sessions last.
public struct ServerConfiguration: Sendable {
    public var location: StoreLocation
    public var host: String
    public var port: Int
    /// bcrypt's cost for passwords (2^cost rounds); tests lower it to stay quick.
    public var bcryptCost: UInt8
    /// How long a session lasts after sign-in.
    public var sessionLifetime: Duration
    /// Cookies marked `Secure` (set when served behind TLS).
    public var secureCookies: Bool
    /// Failed sign-ins of one user name allowed in `loginWindow` before answers are 429.
    public var loginAttempts: Int
    public var loginWindow: Duration

    public init(
        location: StoreLocation, host: String = "127.0.0.1", port: Int = 8080, bcryptCost: UInt8 = 12,
        sessionLifetime: Duration = .seconds(8 * 3600), secureCookies: Bool = false,
        loginAttempts: Int = 5, loginWindow: Duration = .seconds(15 * 60)
    ) {
        self.location = location
        self.host = host
        self.port = port
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.loginAttempts = loginAttempts
        self.loginWindow = loginWindow
    }
}

/// Bounds on what a request may make the service do.
enum Limits {
    /// An uploaded report file.
    static let upload = 20 << 20
    /// An evidence file attached to one answer.
    static let evidence = 10 << 20
    /// A JSON body.
    static let json = 1 << 20
    /// Sensitivity samples per request.
    static let samples = 100_000
}
