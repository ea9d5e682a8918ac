/// A place in an input: 1-based line and column (column counted in bytes of UTF-8).
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A problem with an input as a whole (it does not exist, cannot be read, is empty), or with
    /// an option: no line or column is made up for it. Line and column are 0; it prints as the
    /// bare name, so the message reads `file: error: ...`.
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// Whether the location names a place inside the input, rather than the input as a whole.
    public var isPlaced: Bool { line > 0 }

    public var description: String { isPlaced ? "\(file):\(line):\(column)" : file }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// Converts a byte offset into a line and column by scanning `bytes` up to it.
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

/// A byte offset in an input held in memory: what readers keep for every value they may have to
/// blame later. It refers to the input's `SourceText`, so it resolves to a line and column without
/// reading anything again; once nothing refers to the text, its bytes are freed.
public struct SourcePosition: Sendable, Hashable {
    public var source: SourceText
    public var offset: Int
    /// For XML: the offset is inside a start tag, and the value blamed is this attribute's.
    public var attribute: String?

    public init(_ source: SourceText, offset: Int, attribute: String? = nil) {
        self.source = source
        self.offset = offset
        self.attribute = attribute
    }

    /// The input's display name.
    public var file: String { source.name }

    /// Line and column, from the input's bytes.
    public var location: SourceLocation {
        if let attribute { return source.location(ofAttribute: attribute, inTagAt: offset) }
        return source.location(of: offset)
    }
}
