/// What a user may do; where, is given by its regions or agency (see `Access`).
public enum Role: String, Codable, Sendable, CaseIterable {
    /// The cooperation office: everything.
    case office
    /// An inspectorate's evaluator: the agencies of its regions, the later stages.
    case evaluator
    /// An agency's own team: its self-assessment, and its results once published.
    case agency
    /// Published results only.
    case viewer
}
