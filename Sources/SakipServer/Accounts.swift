import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Users' secrets: passwords hashed with bcrypt (off the event loops: a hash takes a quarter of
/// a second by design), API tokens and sessions kept as digests.
public struct Accounts: Sendable {
    public let store: Store
    let cost: UInt8
    /// A hash at the same cost, checked for unknown names so that timing does not tell which
    /// names exist.
    private let decoy: String

    public init(store: Store, bcryptCost: UInt8 = 12) {
        self.store = store
        self.cost = bcryptCost
        decoy = Bcrypt.hash(Credentials.secret(prefix: ""), cost: bcryptCost)
    }

    public func setPassword(_ username: String, _ password: String) async throws {
        guard password.count >= 8 else { throw StoreError.configuration("a password has at least 8 characters") }
        let cost = self.cost
        let hash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
        try await store.setPassword(username, hash: hash)
    }

    /// A new API token for the user, returned once; only its digest is kept.
    public func newToken(for username: String) async throws -> String {
        guard let user = try await store.user(named: username) else { throw StoreError.notFound("user '\(username)'") }
        let token = Credentials.secret(prefix: "sakip_t_")
        try await store.addToken(userID: user.id, digest: Credentials.digest(token))
        return token
    }

    /// The user whose name and password these are, or nil.
    func verify(_ username: String, _ password: String) async throws -> User? {
        guard let (user, hash) = try await store.passwordHash(of: username) else {
            let decoy = self.decoy
            _ = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: decoy) }
            return nil
        }
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        return matches ? user : nil
    }
}

extension User {
    func identity(csrf: String? = nil) -> Identity {
        Identity(userID: id, username: username, role: role, regions: regions, agency: agency, language: language, csrfToken: csrf)
    }
}
