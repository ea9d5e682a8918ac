/// Who is asking: the signed-in user, with what it may reach.
public struct Identity: Sendable, Hashable, Codable {
    public var userID: Int
    public var username: String
    public var role: Role
    /// The regions an evaluator works in, or a viewer is limited to (none: every region).
    public var regions: [String]
    /// The agency an agency user belongs to.
    public var agency: String?
    public var language: String
    /// Set when signed in by a session cookie: state-changing requests must echo it.
    public var csrfToken: String?

    enum CodingKeys: String, CodingKey {
        case userID = "id", username, role, regions, agency, language
        case csrfToken = "csrf_token"
    }
}
