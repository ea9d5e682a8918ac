/// A user as the office manages it (never with its password hash).
public struct User: Sendable, Hashable, Codable {
    public var id: Int
    public var username: String
    public var role: Role
    public var regions: [String]
    public var agency: String?
    public var language: String
    public var disabled: Bool
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, username, role, regions, agency, language, disabled
        case createdAt = "created_at"
    }
}
