#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where reports come from: a path (a file, a folder searched recursively, a named pipe or a
/// process substitution such as `/dev/fd/63`), standard input, or bytes a caller already holds.
///
/// ```swift
/// let sources: [InputSource] = [.path("samples/partners/2024"), .bytes(xml, name: "upload.xml")]
/// ```
public enum InputSource: Sendable, Hashable {
    case path(String)
    case standardInput
    case bytes([UInt8], name: String)

    /// A command-line argument: `-` is standard input, anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .path(argument)
    }

    /// The name shown for standard input in diagnostics.
    public static let standardInputName = "<stdin>"
}

/// One readable input after folders are expanded: read once, into a `SourceText`.
package enum InputItem: Sendable, Hashable {
    case file(String)
    case standardInput
    case bytes([UInt8], name: String)

    package var name: String {
        switch self {
        case .file(let path): path
        case .standardInput: InputSource.standardInputName
        case .bytes(_, let name): name
        }
    }

    /// The input's bytes, or a diagnostic saying why they cannot be read.
    package func read() -> Result<SourceText, Diagnostic> {
        do {
            switch self {
            case .file(let path): return .success(SourceText(name: path, bytes: try FileBytes.read(path)))
            case .standardInput: return .success(SourceText(name: name, bytes: try FileBytes.read(descriptor: 0, name: name)))
            case .bytes(let bytes, let name): return .success(SourceText(name: name, bytes: bytes))
            }
        } catch {
            return .failure(Diagnostic(.unreadable, at: .wholeFile(name), error.message))
        }
    }
}

/// Turns sources into the inputs to read: files as given, folders searched recursively for
/// `.xml` and `.csv` (each folder's files sorted, so output never depends on directory order;
/// hidden entries skipped; a folder reached twice through links is entered once), standard input
/// at most once.
package enum InputExpansion {
    package static let extensions: [String: ReportFormat] = ["xml": .xml, "csv": .csv, "xlsx": .xlsx, "xlsm": .xlsx]

    /// Workbooks in formats sakip does not read (the old binary `.xls`, OpenDocument `.ods`):
    /// skipped in folders with a warning saying so, since a user who keeps the LKE in one would
    /// otherwise see nothing happen; refused when named.
    package static let unreadWorkbookExtensions: Set<String> = ["xls", "ods"]
    package static let unreadWorkbookAdvice: Message = "a workbook format sakip does not read; save it as Excel Workbook (.xlsx)"

    /// The inputs to read, a diagnostic for each path that does not exist (errors), and one for
    /// each workbook found in a folder and skipped (warnings).
    package static func expand(_ sources: [InputSource], fileLimit: Int = InputLimits.files) -> (items: [InputItem], problems: [Diagnostic]) {
        var items: [InputItem] = []
        var problems: [Diagnostic] = []
        var walk = FolderWalk()
        for source in sources {
            switch source {
            case .standardInput:
                if !items.contains(.standardInput) { items.append(.standardInput) }
            case .bytes(let bytes, let name):
                items.append(.bytes(bytes, name: name))
            case .path(let path):
                var info = stat()
                guard stat(path, &info) == 0 else {
                    problems.append(Diagnostic(.noSuchInput, at: .wholeFile(path), "no such file or folder"))
                    continue
                }
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    items.append(.file(path))
                    continue
                }
                let base = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                let (files, skipped) = walk.files(below: base, info: info)
                items += files.map(InputItem.file)
                problems += skipped.map { Diagnostic(.skippedFile, .warning, at: .wholeFile($0), "skipped: \(unreadWorkbookAdvice)") }
            }
        }
        if items.count > fileLimit {
            // Nothing is read: a run over a million files is almost surely the wrong folder.
            let first = sources.first.map(\.displayName) ?? ""
            return ([], problems + [Diagnostic(.tooManyFiles, at: .wholeFile(first),
                "\(items.count) input files, more than the \(fileLimit) sakip reads in one run; give fewer folders")])
        }
        return (items, problems)
    }

    /// Paths in `String` order. For ASCII paths (nearly always) that is the order of their
    /// bytes, which are compared here with `memcmp`: `String`'s comparison, which must also
    /// allow for Unicode normalization, cost several times more for a folder of thousands.
    package static func sorted(_ paths: [String]) -> [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paths.reduce(0) { $0 + $1.utf8.count })
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(paths.count)
        for path in paths {
            spans.append((bytes.count, path.utf8.count))
            bytes += path.utf8
        }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return paths.sorted() }
        let order = bytes.withUnsafeBufferPointer { all in
            paths.indices.sorted { a, b in
                let (x, y) = (spans[a], spans[b])
                let common = memcmp(all.baseAddress! + x.start, all.baseAddress! + y.start, min(x.count, y.count))
                return common != 0 ? common < 0 : x.count < y.count
            }
        }
        return order.map { paths[$0] }
    }

    /// The format of an input: by extension, else by its content (a zip archive is a workbook,
    /// `<` first is XML).
    package static func format(of name: String, bytes: [UInt8]) -> ReportFormat {
        if let ext = fileExtension(name), let known = extensions[ext] { return known }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: WorkbookArchive.compoundFileSignature) { return .xlsx }
        let first = bytes.first { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "<") ? .xml : .csv
    }

    /// The lowercased extension of a file name, if it has one.
    package static func fileExtension(_ name: String) -> String? {
        // Bytes, not `contains("/")` on a substring: that goes through Foundation's string
        // search, thousands of instructions for every file of a batch.
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), !utf8[dot...].contains(UInt8(ascii: "/")) else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// The report formats sakip reads.
public enum ReportFormat: String, Sendable, Hashable, Codable {
    case xml, csv, xlsx
}

/// A recursive folder walk with POSIX calls (Foundation's enumerator costs more than parsing a
/// small report). Folders are identified by device and inode, so a link back to a parent or to
/// an already walked folder is not followed again: no loop, no file read twice.
private struct FolderWalk {
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private var visited = Set<Identity>()

    /// Report files below a folder, sorted; and workbooks found there, sorted.
    mutating func files(below folder: String, info: stat) -> (found: [String], skipped: [String]) {
        var found: [String] = []
        var skipped: [String] = []
        walk(folder, info: info, into: &found, skipped: &skipped)
        return (InputExpansion.sorted(found), InputExpansion.sorted(skipped))
    }

    private mutating func walk(_ folder: String, info: stat, into found: inout [String], skipped: inout [String]) {
        guard visited.insert(Identity(info)).inserted, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let regular = Int(entry.pointee.d_type) == Int(DT_REG)
            let plain = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Self.plainEntry(UnsafeRawBufferPointer(rebasing: raw.prefix { $0 != 0 }), in: folder, regular: regular)
            }
            switch plain {
            case .hidden, .other: continue
            case .report(let path): found.append(path); continue
            case .unread(let path): skipped.append(path); continue
            case .unknown: break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            // Hidden entries, and the lock files Excel leaves beside an open workbook (`~$LKE.xlsx`).
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            let path = folder + "/" + name
            // A regular file needs no `stat`: the entry says what it is (links and entries of
            // unknown type are looked up, as folders are, for their identity).
            if regular {
                Self.classify(path, name: name, found: &found, skipped: &skipped)
                continue
            }
            var child = stat()
            guard stat(path, &child) == 0 else { continue }
            if (child.st_mode & S_IFMT) == S_IFDIR {
                walk(path, info: child, into: &found, skipped: &skipped)
            } else {
                Self.classify(path, name: name, found: &found, skipped: &skipped)
            }
        }
    }

    /// What an entry is, told from its name's bytes alone when the name is ASCII (nearly always),
    /// so that no `String` is made for a name and no `String` search runs on it.
    private enum PlainEntry {
        case hidden
        /// A regular file to read, or to skip with a word, at this path.
        case report(String), unread(String)
        /// A regular file of no format sakip knows.
        case other
        /// Not decided here: a folder, a link, an entry of unknown type, a name that is not ASCII.
        case unknown
    }

    private static func plainEntry(_ name: UnsafeRawBufferPointer, in folder: String, regular: Bool) -> PlainEntry {
        guard !name.isEmpty, name.allSatisfy({ $0 < 0x80 }) else { return .unknown }
        // Hidden entries, and the lock files Excel leaves beside an open workbook (`~$LKE.xlsx`).
        if name[0] == UInt8(ascii: ".") || name.count >= 2 && name[0] == UInt8(ascii: "~") && name[1] == UInt8(ascii: "$") { return .hidden }
        guard regular else { return .unknown }
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return .other }
        guard let read = isRead(bytes: name[(dot + 1)...]) else { return .other }
        let folderBytes = folder.utf8.count
        let path = String(unsafeUninitializedCapacity: folderBytes + 1 + name.count) { buffer in
            let copied = buffer.initialize(fromContentsOf: folder.utf8)
            buffer[copied] = UInt8(ascii: "/")
            return buffer[(copied + 1)...].initialize(fromContentsOf: name)
        }
        return read ? .report(path) : .unread(path)
    }

    /// A file is read by its extension, or skipped (with a word) when it is a workbook format
    /// sakip cannot read.
    private static func classify(_ path: String, name: String, found: inout [String], skipped: inout [String]) {
        switch InputExpansion.fileExtension(name).flatMap(isRead) {
        case true?: found.append(path)
        case false?: skipped.append(path)
        case nil: break
        }
    }

    /// True for a lowercased extension sakip reads, false for a workbook format it skips with a
    /// word, nil for anything else: the one rule for names told from bytes and from strings.
    private static func isRead(_ ext: String) -> Bool? {
        if InputExpansion.extensions[ext] != nil { return true }
        return InputExpansion.unreadWorkbookExtensions.contains(ext) ? false : nil
    }

    /// `isRead`'s extensions as lowercase bytes, with its answer for each.
    private static let knownExtensions: [(bytes: [UInt8], read: Bool)] = (Array(InputExpansion.extensions.keys) + InputExpansion.unreadWorkbookExtensions)
        .sorted().map { (Array($0.utf8), isRead($0)!) }

    /// `isRead` for an ASCII extension's bytes, in any case: no `String` made, no hashing.
    private static func isRead(bytes ext: Slice<UnsafeRawBufferPointer>) -> Bool? {
        for known in knownExtensions where known.bytes.count == ext.count {
            if zip(known.bytes, ext).allSatisfy({ $0 == $1 | ($1 >= 0x41 && $1 <= 0x5A ? 0x20 : 0) }) { return known.read }
        }
        return nil
    }
}
