import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
            walk(base, into: &found)
            files += found.sorted()
        }
        return (files, missing)
    }

    /// Report files below a folder, recursively, with POSIX calls (Foundation's enumerator costs
    /// more than parsing a small report). Hidden entries are skipped.
    private static func walk(_ folder: String, into found: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &found)
            } else if let dot = name.lastIndex(of: "."), extensions[name[name.index(after: dot)...].lowercased()] != nil {
                found.append(path)
            }
        }
    }

    /// The format of a file: by extension, else by its first non-blank byte (`<` is XML).
    public static func kind(of path: String, bytes: [UInt8]) -> Kind {
        if let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")), !path[dot...].contains("/"),
           let known = extensions[path[path.index(after: dot)...].lowercased()] {
            return known
        }
        let first = bytes.first { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "<") ? .xml : .csv
    }
}
