/// An evaluated agency, and the region whose evaluators verify it.
public struct Agency: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var region: String

    public init(id: String, name: String, region: String) {
        self.id = id
        self.name = name
        self.region = region
    }
}
