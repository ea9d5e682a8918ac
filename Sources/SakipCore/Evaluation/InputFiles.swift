import Foundation

/// Turns the paths a user gave into the list of report files to read: files as given, folders
/// searched recursively for `.xml` and `.csv`, each folder's files sorted so output never depends
/// on directory order.
public enum InputFiles {
    public enum Kind: Sendable, Hashable {
        case xml, csv
    }

    public static let extensions: [String: Kind] = ["xml": .xml, "csv": .csv]

    /// The files to read and a diagnostic for each path that does not exist.
    public static func expand(_ paths: [String]) -> (files: [String], missing: [Diagnostic]) {
        var files: [String] = []
        var missing: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            var found: [String] = []
            if let walker = manager.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let ext = (relative as NSString).pathExtension.lowercased()
                    if extensions[ext] != nil { found.append(base + "/" + relative) }
                }
            }
            files += found.sorted()
        }
        return (files, missing)
    }

    /// The format of a file: by extension, else by its first non-blank byte (`<` is XML).
    public static func kind(of path: String, bytes: [UInt8]) -> Kind {
        if let known = extensions[(path as NSString).pathExtension.lowercased()] { return known }
        let first = bytes.first { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "<") ? .xml : .csv
    }
}
