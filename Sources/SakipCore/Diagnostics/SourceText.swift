#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one input (a file, standard input, a pipe, or bytes a caller holds) under the
/// name diagnostics show for it. Readers and scorers turn byte offsets into lines and columns
/// through it, so no file is ever read twice and a pipe can be reported on like a file. It lives
/// as long as a report or position refers to it: no cache outlives a run.
public final class SourceText: Sendable, Hashable {
    /// The name shown in diagnostics: a path, `<stdin>`, or what the caller chose.
    public let name: String
    package let bytes: [UInt8]
    /// Offsets of line starts, built on the first resolution that needs them (error path only).
    private let lineStarts = Locked<[Int]?>(nil)

    /// For a workbook: its sheets' names. Offsets then name cells (`cellOffset`), not bytes.
    package let sheets: [String]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        sheets = []
    }

    /// A workbook, whose positions are cells of these sheets; it keeps no bytes, since a cell
    /// is located by its reference alone.
    package init(name: String, sheets: [String]) {
        self.name = name
        bytes = []
        self.sheets = sheets
    }

    /// The offset that stands for a cell of a workbook source: sheet, row and column packed
    /// (rows up to 2^20 take 21 bits, columns 14: Excel's limits).
    package static func cellOffset(sheet: Int, _ cell: CellReference) -> Int {
        (sheet << 35) | (cell.row << 14) | (cell.column - 1)
    }

    /// The line and column of a byte offset, or for a workbook, the cell it stands for.
    public func location(of offset: Int) -> SourceLocation {
        if !sheets.isEmpty {
            let sheet = offset >> 35
            return SourceLocation(file: name, sheet: sheets[min(sheet, sheets.count - 1)], row: (offset >> 14) & (CellReference.maxRow * 2 - 1),
                                  column: (offset & (CellReference.maxColumn - 1)) + 1)
        }
        // Near the start (a report's own tag, in a file of one report) the lines are counted
        // in place: no index of the whole file is built for one location.
        if offset < 1024 { return nearStart(offset) }
        let starts = lineIndex()
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: name, line: low + 1, column: offset - starts[low] + 1)
    }

    /// The location of attribute `name`'s value in the XML start tag containing `offset`.
    package func location(ofAttribute attribute: String, inTagAt offset: Int) -> SourceLocation {
        if !sheets.isEmpty { return location(of: offset) }
        return location(of: XMLSourceText.attributeValue(attribute, inTagAt: offset, in: bytes))
    }

    private func nearStart(_ offset: Int) -> SourceLocation {
        var line = 1, lineStart = 0
        bytes.withUnsafeBufferPointer { buffer in
            let end = min(offset, buffer.count)
            var i = 0
            while i < end {
                if buffer[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        return SourceLocation(file: name, line: line, column: offset - lineStart + 1)
    }

    /// Takes the line starts a reader found while reading (see `CSVTable.lineStarts`), so that
    /// locating a position in a large file does not scan it again. They must be what scanning
    /// for line feeds would give; debug builds check.
    package func adoptLineStarts(_ starts: [Int]) {
        assert(starts == Self.scanLineStarts(bytes), "line starts differ from the file's")
        lineStarts.withLock { cached in
            if cached == nil { cached = starts }
        }
    }

    private func lineIndex() -> [Int] {
        lineStarts.withLock { cached in
            if let cached { return cached }
            let starts = Self.scanLineStarts(bytes)
            cached = starts
            return starts
        }
    }

    private static func scanLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // memchr finds each line feed far faster than a byte loop.
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset < buffer.count, let found = memchr(raw + offset, 0x0A, buffer.count - offset) {
                offset = UnsafeRawPointer(found) - raw + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// The same name over the same bytes.
    public static func == (a: SourceText, b: SourceText) -> Bool { a === b || (a.name == b.name && a.bytes == b.bytes && a.sheets == b.sheets) }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(bytes.count)
    }
}
