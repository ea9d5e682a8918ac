/// A place in an input: 1-based line and column (column counted in bytes of UTF-8), or in a
/// workbook, a cell: the sheet, its row as the line and its column number as the column.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The worksheet, for a cell of a workbook; the location then prints as `file:Sheet!C12`.
    public var sheet: String?
    /// The request's field a problem is about, rather than an input (`stage`, `candidate`): a
    /// front end names it its own way (the command line as `--stage`).
    public var field: String?

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A cell of a workbook: 1-based row and column (A is 1).
    public init(file: String, sheet: String, row: Int, column: Int) {
        self.init(file: file, line: row, column: column)
        self.sheet = sheet
    }

    /// `Sheet!C12` for a cell, nil otherwise.
    public var cell: String? {
        guard let sheet, isPlaced else { return nil }
        return "\(CellReference.sheetName(sheet))!\(CellReference.columnName(column))\(line)"
    }

    /// A problem with an input as a whole (it does not exist, cannot be read, is empty), or with
    /// an option: no line or column is made up for it. Line and column are 0; it prints as the
    /// bare name, so the message reads `file: error: ...`.
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// A request's field, as a place: it prints as the field's name, which `Labels` gives as
    /// the front end names it.
    public static func field(_ name: String) -> SourceLocation {
        var location = SourceLocation(file: name, line: 0, column: 0)
        location.field = name
        return location
    }

    /// Whether the location names a place inside the input, rather than the input as a whole.
    public var isPlaced: Bool { line > 0 }

    public var description: String {
        if let cell { return "\(file):\(cell)" }
        return isPlaced ? "\(file):\(line):\(column)" : file
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.sheet ?? "", a.line, a.column) < (b.file, b.sheet ?? "", b.line, b.column)
    }

    // `sheet` is written only for cells, so line-based locations keep their JSON form.
    private enum CodingKeys: String, CodingKey { case file, line, column, sheet, field }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        if let sheet { try container.encode(sheet, forKey: .sheet) }
        if let field { try container.encode(field, forKey: .field) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
        sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        field = try container.decodeIfPresent(String.self, forKey: .field)
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
