/// A CSV file parsed per RFC 4180 (quoted fields with `""` escapes, embedded commas and
/// newlines), UTF-8 with or without a BOM, LF or CRLF line ends; blank lines are skipped.
/// It scans bytes and builds a `String` only for each field's value.
public struct CSVTable: Sendable {
    public struct Field: Sendable, Hashable {
        public var value: String
        /// Byte offset of the field's first byte in the file.
        public var offset: Int
    }

    public struct Row: Sendable {
        public var fields: [Field]
        /// Byte offset of the row's first byte.
        public var offset: Int
    }

    public var header: [Field]
    public var rows: [Row]

    /// Parses the whole table; a malformed quote throws with its location.
    public static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> CSVTable {
        var records: [Row] = []
        try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) in
            var scanner = CSVScanner(buffer: buffer)
            while let record = try scanner.nextRecord() {
                records.append(record)
            }
            if let failure = scanner.failure {
                throw Diagnostic(at: SourceLocation(file: file, offset: failure.offset, in: bytes), failure.message)
            }
        }
        guard let header = records.first else { return CSVTable(header: [], rows: []) }
        return CSVTable(header: header.fields, rows: Array(records.dropFirst()))
    }
}

/// Record-at-a-time scanner over a byte buffer (used only inside `withUnsafeBufferPointer`).
private struct CSVScanner {
    let buffer: UnsafeBufferPointer<UInt8>
    var position = 0
    var failure: (offset: Int, message: String)?

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// The next non-blank record, or nil at the end (or after a failure).
    mutating func nextRecord() throws(Diagnostic) -> CSVTable.Row? {
        while position < buffer.count, failure == nil {
            let start = position
            var fields: [CSVTable.Field] = []
            var endOfRecord = false
            while !endOfRecord {
                guard let field = nextField() else { return nil }
                fields.append(field.field)
                endOfRecord = field.endsRecord
            }
            // A blank line is a single empty, unquoted field.
            if fields.count == 1, fields[0].value.isEmpty, position - start <= 2 { continue }
            return CSVTable.Row(fields: fields, offset: start)
        }
        return nil
    }

    /// Reads one field and the separator after it.
    private mutating func nextField() -> (field: CSVTable.Field, endsRecord: Bool)? {
        let start = position
        if position < buffer.count, buffer[position] == Self.quote {
            var value: [UInt8] = []
            var i = position + 1
            var segment = i
            while true {
                guard i < buffer.count else {
                    failure = (start, "unterminated quoted field; expected a closing \" before the end of the file")
                    return nil
                }
                if buffer[i] == Self.quote {
                    value.append(contentsOf: buffer[segment..<i])
                    if i + 1 < buffer.count, buffer[i + 1] == Self.quote {
                        value.append(Self.quote)
                        i += 2
                        segment = i
                        continue
                    }
                    i += 1
                    break
                }
                i += 1
            }
            position = i
            guard let ends = separator() else {
                failure = (position, "unexpected character after a closing quote; expected a comma or the end of the line")
                return nil
            }
            return (CSVTable.Field(value: String(decoding: value, as: UTF8.self), offset: start), ends)
        }
        var i = position
        while i < buffer.count {
            let byte = buffer[i]
            if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
            if byte == Self.quote {
                failure = (i, "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                return nil
            }
            i += 1
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<i]), as: UTF8.self)
        position = i
        let ends = separator() ?? true
        return (CSVTable.Field(value: value, offset: start), ends)
    }

    /// Consumes a comma (false) or a line end / end of file (true); nil if neither is here.
    private mutating func separator() -> Bool? {
        guard position < buffer.count else { return true }
        switch buffer[position] {
        case Self.comma:
            position += 1
            return false
        case Self.lf:
            position += 1
            return true
        case Self.cr:
            position += 1
            if position < buffer.count, buffer[position] == Self.lf { position += 1 }
            return true
        default:
            return nil
        }
    }
}
