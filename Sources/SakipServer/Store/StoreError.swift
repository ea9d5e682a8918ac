/// Why the store refused: each case is one thing a caller (a route, the command line) explains.
public enum StoreError: Error, Equatable, Sendable {
    /// The database or its URL cannot be used as given.
    case configuration(String)
    /// The database was written by a newer sakip: this binary would not understand it.
    case newerSchema(database: Int, binary: Int)
    /// Something that must be unique already exists (a user name, a period's year).
    case exists(String)
    /// What was named does not exist.
    case notFound(String)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .configuration(let text): text
        case .newerSchema(let database, let binary):
            "the database has schema version \(database), written by a newer sakip; this one knows versions up to \(binary): upgrade sakip, or restore a backup made by this version"
        case .exists(let text): "\(text) already exists"
        case .notFound(let text): "no \(text)"
        }
    }
}
