/// A CSV file parsed per RFC 4180 (quoted fields with `""` escapes, embedded commas and
/// newlines), UTF-8 with or without a BOM, LF or CRLF line ends; blank lines are skipped.
/// Parsing records only where each field lies; a `String` is built only for the fields read.
package struct CSVTable: Sendable {
    package struct Field: Sendable, Hashable {
        package var value: String
        /// Byte offset of the field's first byte in the file.
        package var offset: Int
    }

    package struct Row: Sendable {
        package var fields: [Field]
        /// Byte offset of the row's first byte.
        package var offset: Int
    }

    /// Where one field's content lies (inside the quotes for a quoted field), in 8 bytes: a
    /// table holds one for every field of its range, and each fresh page of them is a page fault.
    struct Span: Sendable {
        /// The content's first byte; the top bit says the field is quoted.
        private var first: UInt32
        /// One past the content's last byte; the top bit says a `""` occurs inside.
        private var last: UInt32
        private static let flag: UInt32 = 1 << 31

        /// Offsets below 2 GB (`parse` refuses larger files).
        init(start: Int32, end: Int32, quoted: Bool, escaped: Bool) {
            first = UInt32(bitPattern: start) | (quoted ? Self.flag : 0)
            last = UInt32(bitPattern: end) | (escaped ? Self.flag : 0)
        }

        var start: Int32 { Int32(bitPattern: first & ~Self.flag) }
        var end: Int32 { Int32(bitPattern: last & ~Self.flag) }
        /// Byte offset of the field (its opening quote, if quoted).
        var offset: Int32 { first & Self.flag != 0 ? start - 1 : start }
        /// Quoted with at least one `""` inside: the value needs unescaping.
        var escaped: Bool { last & Self.flag != 0 }
    }

    let bytes: [UInt8]
    /// `,`, or `;` for CSV saved by Excel in an Indonesian (or other decimal-comma) locale.
    var delimiter = UInt8(ascii: ",")
    let spans: [Span]
    /// Index in `spans` of each record's first field, and one past the last record.
    let recordStarts: [Int]
    /// Byte offset of each record.
    let recordOffsets: [Int]
    /// Every line of the range is one record: no blank line, no line break inside quotes, no
    /// line ended by a carriage return alone. The record offsets are then the line starts, and
    /// a reader can hand them to its `SourceText` instead of having the file scanned again.
    var linesAreRecords = true

    package var recordCount: Int { recordStarts.count - 1 }

    func fieldCount(record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    func span(record: Int, field: Int) -> Span { spans[recordStarts[record] + field] }

    /// Bytes from a record's first field to the end of its last: what the length limits check.
    @inline(__always)
    func recordLength(_ record: Int) -> Int {
        let first = recordStarts[record], end = recordStarts[record + 1]
        guard end > first else { return 0 }
        return Int(spans[end - 1].end - spans[first].start)
    }

    /// Where the field's content lies without surrounding blanks.
    @inline(__always)
    private static func trimmed(_ span: Span, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        trimmedRange(buffer, Int(span.start)..<Int(span.end))
    }

    /// Every field of the record holds nothing but blanks.
    func isBlankRecord(_ record: Int) -> Bool { isBlank(record: record, from: 0) }

    /// Every field of the record from `field` on holds nothing but blanks.
    func isBlank(record: Int, from field: Int) -> Bool {
        (field..<fieldCount(record: record)).allSatisfy { isBlank(span(record: record, field: $0)) }
    }

    /// The field holds nothing but blanks.
    func isBlank(_ span: Span) -> Bool {
        bytes.withUnsafeBufferPointer { Self.trimmed(span, in: $0).isEmpty }
    }

    /// Two fields' bytes without surrounding blanks (raw: quoted fields are not unescaped).
    func withTrimmedBytes<R>(_ a: Span, _ b: Span, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Self.trimmed(a, in: buffer)]), UnsafeBufferPointer(rebasing: buffer[Self.trimmed(b, in: buffer)]))
        }
    }

    /// The field's text, without surrounding blanks.
    func string(_ span: Span) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[Self.trimmed(span, in: buffer)])
            guard span.escaped else { return ValueStrings.make(slice) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(slice.count)
            var i = 0
            while i < slice.count {
                unescaped.append(slice[i])
                i += slice[i] == UInt8(ascii: "\"") ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// The raw bytes of a field equal `other`'s (used to spot a repeated agency without a String).
    @inline(__always)
    func sameBytes(_ a: Span, _ b: Span) -> Bool {
        let length = Int(a.end - a.start)
        guard length == Int(b.end - b.start) else { return false }
        // Agencies and years are short: eight bytes at a time, inline, beat a call to memcmp.
        return bytes.withUnsafeBytes { buffer in
            var i = 0
            while i + 8 <= length {
                guard buffer.loadUnaligned(fromByteOffset: Int(a.start) + i, as: UInt64.self)
                        == buffer.loadUnaligned(fromByteOffset: Int(b.start) + i, as: UInt64.self) else { return false }
                i += 8
            }
            while i < length {
                guard buffer[Int(a.start) + i] == buffer[Int(b.start) + i] else { return false }
                i += 1
            }
            return true
        }
    }

    /// The field as a four-digit year, read from its bytes.
    func year(_ span: Span) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let digits = Self.trimmed(span, in: buffer)
            guard digits.count == 4 else { return nil }
            var year = 0
            for i in digits {
                let digit = Int(buffer[i]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                year = year * 10 + digit
            }
            return year
        }
    }

    package var header: [Field] { recordCount > 0 ? fields(record: 0) : [] }
    package var rows: [Row] { recordCount > 1 ? (1..<recordCount).map { Row(fields: fields(record: $0), offset: recordOffsets[$0]) } : [] }

    func fields(record: Int) -> [Field] {
        (0..<fieldCount(record: record)).map { f in
            let s = span(record: record, field: f)
            return Field(value: string(s), offset: Int(s.offset))
        }
    }

    /// Splits `bytes` into at most `parts` ranges that each start at a record boundary. Quotes
    /// decide where records end (a newline inside quotes does not), and they are rare, so the
    /// quote parity is tracked with memchr from quote to quote.
    static func recordAlignedRanges(_ bytes: [UInt8], parts: Int) -> [Range<Int>] {
        let count = bytes.count
        guard parts > 1, count > 0 else { return [0..<count] }
        return bytes.withUnsafeBufferPointer { buffer -> [Range<Int>] in
            let base = buffer.baseAddress!
            func next(_ byte: UInt8, from: Int) -> Int {
                guard from < count, let found = memchr(base + from, Int32(byte), count - from) else { return count }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var cuts = [0]
            var quotePosition = next(UInt8(ascii: "\""), from: 0)
            var inQuotes = false
            var position = 0
            for part in 1..<parts {
                let target = max(count * part / parts, cuts.last!)
                // Quote state at `target`.
                while quotePosition < target {
                    inQuotes.toggle()
                    position = quotePosition + 1
                    quotePosition = next(UInt8(ascii: "\""), from: position)
                }
                position = max(position, target)
                // The first line feed after `target` outside quotes ends a record.
                while true {
                    let newline = next(UInt8(ascii: "\n"), from: position)
                    if !inQuotes && newline < quotePosition {
                        if newline + 1 < count && newline + 1 > cuts.last! { cuts.append(newline + 1) }
                        position = newline + 1
                        break
                    }
                    if quotePosition >= count { position = count; break }
                    inQuotes.toggle()
                    position = quotePosition + 1
                    quotePosition = next(UInt8(ascii: "\""), from: position)
                }
                if position >= count { break }
            }
            cuts.append(count)
            return zip(cuts, cuts.dropFirst()).filter { $0 < $1 }.map { $0..<$1 }
        }
    }

    /// Bytes that end an unquoted field: the delimiter, line feed, carriage return and (as an error) quote.
    private static func specialBytes(_ delimiter: UInt8) -> [UInt8] {
        (0..<256).map { byte in [delimiter, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\"")].contains(UInt8(byte)) ? 1 : 0 }
    }
    private static let commaBytes = specialBytes(UInt8(ascii: ","))
    private static let semicolonBytes = specialBytes(UInt8(ascii: ";"))

    /// The delimiter, told from the header row: `;` when the first line has semicolons and no
    /// commas (Excel in an Indonesian locale saves CSV so), else `,`.
    package static func delimiter(of bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0
        for byte in bytes.prefix(4096) {
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ",") { commas += 1 } else if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > 0 && commas == 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Parses the whole table; a malformed quote throws with its location.
    package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> CSVTable {
        try parse(bytes, file: file, range: 0..<bytes.count, delimiter: delimiter(of: bytes))
    }

    /// The position of the first delimiter, quote or line break from `start`, found 16 bytes at a
    /// time; or, when none is in the whole blocks before `end`, the start of the last (partial)
    /// block, whose bytes the caller looks at one by one.
    @inline(__always)
    static func skipPlain(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8) -> Int {
        guard let base = buffer.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let separator = SIMD16<UInt8>(repeating: delimiter), quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let lf = SIMD16<UInt8>(repeating: UInt8(ascii: "\n")), cr = SIMD16<UInt8>(repeating: UInt8(ascii: "\r"))
        var j = start
        while j + 16 <= end {
            let block = raw.loadUnaligned(fromByteOffset: j, as: SIMD16<UInt8>.self)
            let hits = (block .== separator) .| (block .== quote) .| (block .== lf) .| (block .== cr)
            if any(hits) {
                // One bit per special byte, in two 8-byte halves: the lowest set bit is the first.
                let halves = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: hits), to: SIMD2<UInt64>.self)
                return halves[0] != 0 ? j + halves[0].trailingZeroBitCount / 8 : j + 8 + halves[1].trailingZeroBitCount / 8
            }
            j += 16
        }
        return j
    }

    /// Parses the records in `range`, which starts at a record boundary, or only its first
    /// `limit` records; offsets stay absolute.
    static func parse(_ bytes: [UInt8], file: String, range: Range<Int>, delimiter: UInt8 = UInt8(ascii: ","),
                      records limit: Int = .max) throws(Diagnostic) -> CSVTable {
        guard bytes.count < Int(Int32.max) else {
            throw Diagnostic(.csvSyntax, at: .wholeFile(file), "CSV file over 2 GB; split it into several files")
        }
        var spans: [Span] = []
        var recordStarts: [Int] = []
        var recordOffsets: [Int] = []
        // Capacity beyond what is used costs address space, not memory; growing would copy
        // every offset into fresh pages.
        spans.reserveCapacity(limit == .max ? range.count / 8 : 64)
        recordStarts.reserveCapacity(limit == .max ? range.count / 32 : limit + 1)
        recordOffsets.reserveCapacity(limit == .max ? range.count / 32 : limit)
        let special = delimiter == UInt8(ascii: ";") ? semicolonBytes : commaBytes
        var linesAreRecords = true
        let failure: (offset: Int, message: Message)? = bytes.withUnsafeBufferPointer { buffer in
            let count = range.upperBound
            var i = range.lowerBound == 0 && count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : range.lowerBound
            let comma = delimiter, quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
            while i < count && recordOffsets.count < limit {
                // Skip blank lines.
                if buffer[i] == lf { i += 1; linesAreRecords = false; continue }
                if buffer[i] == cr { i += 1; if i < count && buffer[i] == lf { i += 1 }; linesAreRecords = false; continue }
                recordStarts.append(spans.count)
                recordOffsets.append(i)
                while true {
                    let fieldStart = i
                    if i < count && buffer[i] == quote {
                        var j = i + 1
                        var escaped = false
                        while true {
                            // memchr finds the next quote at the speed of the C library.
                            guard j < count, let found = memchr(buffer.baseAddress! + j, Int32(quote), count - j) else {
                                return (fieldStart, "unterminated quoted field; expected a closing \" before the end of the file")
                            }
                            j = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                            if j + 1 < count && buffer[j + 1] == quote { escaped = true; j += 2; continue }
                            break
                        }
                        if linesAreRecords, Self.holdsLineBreak(buffer, from: fieldStart + 1, to: j) { linesAreRecords = false }
                        spans.append(Span(start: Int32(fieldStart + 1), end: Int32(j), quoted: true, escaped: escaped))
                        i = j + 1
                        if i < count && buffer[i] != comma && buffer[i] != lf && buffer[i] != cr {
                            return (i, "unexpected character after a closing quote; expected \(comma == UInt8(ascii: ";") ? "a semicolon" as Message : "a comma") or the end of the line")
                        }
                    } else {
                        // Sixteen bytes at a time to the first special byte (notes and evidence paths are long);
                        // in the last partial block, one table load per byte finds the end of the field (or a stray quote).
                        var j = skipPlain(buffer, from: i, to: count, delimiter: comma)
                        special.withUnsafeBufferPointer { table in
                            while j < count && table[Int(buffer[j])] == 0 { j += 1 }
                        }
                        if j < count && buffer[j] == quote {
                            return (j, "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                        }
                        spans.append(Span(start: Int32(i), end: Int32(j), quoted: false, escaped: false))
                        i = j
                    }
                    if i < count && buffer[i] == comma { i += 1; continue }
                    if i < count && buffer[i] == cr {
                        i += 1
                        if i < count && buffer[i] != lf { linesAreRecords = false }
                    }
                    if i < count && buffer[i] == lf { i += 1 }
                    break
                }
            }
            return nil
        }
        if let failure {
            throw Diagnostic(.csvSyntax, at: SourceLocation(file: file, offset: failure.offset, in: bytes), failure.message)
        }
        recordStarts.append(spans.count)
        var table = CSVTable(bytes: bytes, delimiter: delimiter, spans: spans, recordStarts: recordStarts, recordOffsets: recordOffsets)
        table.linesAreRecords = linesAreRecords
        return table
    }

    /// Whether a line feed or carriage return lies in `from..<to`.
    private static func holdsLineBreak(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard to > from, let base = buffer.baseAddress else { return false }
        return memchr(base + from, 0x0A, to - from) != nil || memchr(base + from, 0x0D, to - from) != nil
    }

    /// The start of every line of a file whose tables (its record-aligned ranges, in order) all
    /// have `linesAreRecords`: what `SourceText` would find by scanning for line feeds. Nil when
    /// any table does not.
    static func lineStarts(of tables: [CSVTable], in bytes: [UInt8]) -> [Int]? {
        lineStarts(ofRecords: tables.map { ($0.recordOffsets, $0.linesAreRecords) }, in: bytes)
    }

    /// The same from what tables of consecutive ranges said of their records, once the tables
    /// themselves are gone.
    static func lineStarts(ofRecords parts: [(offsets: [Int], linesAreRecords: Bool)], in bytes: [UInt8]) -> [Int]? {
        guard !parts.isEmpty, parts.allSatisfy(\.linesAreRecords) else { return nil }
        var starts = [0]
        starts.reserveCapacity(parts.reduce(1) { $0 + $1.offsets.count } + 1)
        for part in parts { starts += part.offsets }
        // The first record is on the first line (after a byte-order mark, perhaps).
        if starts.count > 1 { starts.remove(at: 1) }
        if bytes.last == 0x0A { starts.append(bytes.count) }
        return starts
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
