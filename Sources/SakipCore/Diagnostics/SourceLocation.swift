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

    public init(file: String, offset: Int) {
        self.file = file
        self.offset = offset
    }

    /// Resolves the offset to line and column by reading the file again (error path only).
    /// A file that can no longer be read resolves to line 1, column 1.
    public func resolve() -> SourceLocation {
        guard let bytes = try? FileBytes.read(file) else {
            return SourceLocation(file: file, line: 1, column: 1)
        }
        return SourceLocation(file: file, offset: offset, in: bytes)
    }
}
