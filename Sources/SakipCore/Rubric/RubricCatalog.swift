import Foundation

/// Finds rubrics by id (bundled with the package, or in extra folders) or by path.
public struct RubricCatalog: Sendable {
    /// The id used when nothing names a rubric: the newest official one.
    public static let defaultRubricID = "permenpanrb-88-2021"

    /// Folders searched for `*.yaml` rubrics, in order; the bundled folder comes last.
    public var searchPaths: [String]

    /// The bundled rubrics plus any folders listed in `SAKIP_RUBRIC_PATH` (colon-separated), searched first.
    public static var standard: RubricCatalog {
        var paths: [String] = []
        if let extra = ProcessInfo.processInfo.environment["SAKIP_RUBRIC_PATH"] {
            paths += extra.split(separator: ":").map(String.init)
        }
        if let bundled = bundledDirectory { paths.append(bundled) }
        return RubricCatalog(searchPaths: paths)
    }

    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    /// The folder of rubrics shipped inside the package's resource bundle.
    public static var bundledDirectory: String? {
        ResourceBundle.directory.map { $0.appendingPathComponent("rubrics").path }
    }

    /// Every rubric file in the search paths, by id; the first folder wins for a repeated id.
    public func listFiles() -> [(id: String, path: String)] {
        var seen = Set<String>()
        var result: [(id: String, path: String)] = []
        for folder in searchPaths {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let id = String(name.prefix(upTo: name.lastIndex(of: ".")!))
                if seen.insert(id).inserted { result.append((id, folder + "/" + name)) }
            }
        }
        return result
    }

    /// Loads a rubric named by a path to a YAML file, or by id. A file found by id must declare that id.
    public func load(_ reference: String) throws(RubricError) -> Rubric {
        do {
            if Self.looksLikePath(reference) {
                return try RubricLoader.load(path: reference)
            }
            guard let entry = listFiles().first(where: { $0.id == reference }) else {
                throw RubricError.unknown(reference: reference, known: listFiles().map(\.id))
            }
            let rubric = try RubricLoader.load(path: entry.path)
            guard rubric.id == reference else {
                throw RubricError.invalid(DiagnosticList([Diagnostic(.rubricStructure, at: .wholeFile(entry.path),
                                                                     "rubric file is named \(reference) but declares id '\(rubric.id)'")]))
            }
            return rubric
        } catch let list as DiagnosticList {
            throw .invalid(list)
        } catch let error as RubricError {
            throw error
        } catch {
            preconditionFailure("loading throws only rubric errors")
        }
    }

    static func looksLikePath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
    }

}

/// Why a rubric cannot be used: no rubric has that id, or its file has problems.
public enum RubricError: Error, Sendable, CustomStringConvertible {
    /// No bundled rubric (nor one in `SAKIP_RUBRIC_PATH`) has this id; `known` are those that do.
    case unknown(reference: String, known: [String])
    /// The file cannot be read, or breaks the format: every problem, each at its place.
    case invalid(DiagnosticList)

    /// What went wrong, for a person.
    public var message: Message {
        switch self {
        case .unknown(let reference, let known):
            known.isEmpty && RubricCatalog.bundledDirectory == nil
                ? "unknown rubric '\(reference)': \(ResourceBundle.missingMessage)"
                : "unknown rubric '\(reference)'; known rubrics: \(known.joined(separator: ", "))"
        case .invalid(let list):
            Message.joined(list.diagnostics.map(\.described), separator: "\n")
        }
    }

    /// The problems as diagnostics; an unknown id is one, at `file`.
    public func diagnostics(file: String) -> [Diagnostic] {
        switch self {
        case .unknown(let reference, _): [Diagnostic(.unknownRubric, at: .wholeFile(reference), message)]
        case .invalid(let list): list.diagnostics
        }
    }

    public var description: String { message.description }
}

/// Loads each rubric once, however many reports name it; safe to share across tasks.
public final class RubricCache: Sendable {
    public let catalog: RubricCatalog
    /// One slot per reference, each with a lock of its own: a load holds only its rubric's
    /// slot, so a rubric loaded ahead (see `ScorerCache.prepareInBackground`) never delays
    /// another.
    private let slots = Locked<[String: Locked<Result<Rubric, RubricError>?>]>([:])

    public init(catalog: RubricCatalog = .standard) {
        self.catalog = catalog
    }

    public func rubric(_ reference: String) throws(RubricError) -> Rubric {
        let slot = slots.withLock { slots in
            if let slot = slots[reference] { return slot }
            let slot = Locked<Result<Rubric, RubricError>?>(nil)
            slots[reference] = slot
            return slot
        }
        // Loaded under the slot's lock: workers that start together wait for one load (a few
        // milliseconds, once per rubric in a run) rather than each parsing the same YAML.
        return try slot.withLock { loaded in
            if let loaded { return loaded }
            let result = Result { () throws(RubricError) in try catalog.load(reference) }
            loaded = result
            return result
        }.get()
    }

    /// A rubric this cache has loaded, found by its id (a card names its rubric by id, which
    /// may have been loaded from a path).
    public func loaded(id: String) -> Rubric? {
        let slots = self.slots.withLock { Array($0.values) }
        for slot in slots {
            if let rubric = try? slot.withLock({ $0 })?.get(), rubric.id == id { return rubric }
        }
        return nil
    }
}
