/// One year's evaluation round, scored against one rubric.
public struct Period: Sendable, Hashable, Codable {
    public var year: Int
    public var rubric: String
    public var state: PeriodState
    /// Counts every change to the period's answers: results computed at one revision stay
    /// right until the next.
    public var revision: Int
    public var createdAt: String
    public var publishedAt: String?

    enum CodingKeys: String, CodingKey {
        case year, rubric, state, revision
        case createdAt = "created_at", publishedAt = "published_at"
    }
}

/// Where a period is in its year: answers change only while it is open.
public enum PeriodState: String, Sendable, Hashable, Codable, CaseIterable {
    case open, locked, published
}
