#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A place in an input file: 1-based line and column (column counted in bytes of UTF-8).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// Converts a byte offset into a line and column by scanning `bytes`.
    /// Only called on the error path, so readers store offsets and pay nothing up front.
    public init<Bytes: Collection>(file: String, offset: Int, in bytes: Bytes) where Bytes.Element == UInt8 {
        var line = 1
        var lineStart = 0
        var index = 0
        for byte in bytes {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        self.init(file: file, line: line, column: min(offset, index) - lineStart + 1)
    }
}

/// A byte offset in a named file: what readers keep for every value they may have to blame later.
public struct SourcePosition: Sendable, Hashable {
    public var file: String
    public var offset: Int
    /// For XML: the offset is inside a start tag, and the value blamed is this attribute's.
    public var attribute: String?

    public init(file: String, offset: Int, attribute: String? = nil) {
        self.file = file
        self.offset = offset
        self.attribute = attribute
    }

    /// Resolves the offset to line and column from the file's line index, built by reading the
    /// file again the first time one of its positions is resolved (error and warning path only).
    /// A file that can no longer be read resolves to line 1, column 1.
    public func resolve() -> SourceLocation {
        if let attribute, let bytes = LineIndexCache.bytes(of: file) {
            let exact = XMLSourceText.attributeValue(attribute, inTagAt: offset, in: bytes)
            return SourcePosition(file: file, offset: exact).resolve()
        }
        guard let starts = LineIndexCache.lineStarts(of: file) else {
            return SourceLocation(file: file, line: 1, column: 1)
        }
        // The last line start at or before the offset.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: offset - starts[low] + 1)
    }
}

/// Line-start offsets of files whose positions were resolved, so that many warnings in one large
/// file cost one read; and the bytes of the file read last, since a report's several warnings
/// usually come together. An entry is reused only while the file's size and modification time match.
enum LineIndexCache {
    private struct Stamp: Equatable {
        var size: Int
        var modified: Int
    }

    private static let starts = Mutex<[String: (stamp: Stamp, starts: [Int])]>([:])
    private static let recent = Mutex<(path: String, stamp: Stamp, bytes: [UInt8])?>(nil)

    private static func stamp(_ file: String) -> Stamp? {
        var info = stat()
        guard stat(file, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec))
    }

    /// The file's bytes, from the one-entry cache when it still matches.
    static func bytes(of file: String) -> [UInt8]? {
        guard let stamp = stamp(file) else { return nil }
        if let cached = recent.withLock({ $0 }), cached.path == file, cached.stamp == stamp { return cached.bytes }
        guard let bytes = try? FileBytes.read(file) else { return nil }
        recent.withLock { $0 = (file, stamp, bytes) }
        return bytes
    }

    static func lineStarts(of file: String) -> [Int]? {
        guard let stamp = stamp(file) else { return nil }
        if let entry = starts.withLock({ $0[file] }), entry.stamp == stamp { return entry.starts }
        guard let bytes = bytes(of: file) else { return nil }
        var lineStarts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
        starts.withLock { $0[file] = (stamp, lineStarts) }
        return lineStarts
    }
}
