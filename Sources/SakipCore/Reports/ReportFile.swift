/// What reading one input file gave: the reports that read cleanly and a diagnostic for every problem.
/// A report with an error is left out; the other reports of the same file are kept.
public struct ReportFile: Sendable {
    public var file: String
    public var reports: [Report]
    /// Who is who (from an agencies CSV): names and regions for reports in any file.
    public var directory: [AgencyInfo]
    public var diagnostics: [Diagnostic]

    public init(file: String, reports: [Report] = [], directory: [AgencyInfo] = [], diagnostics: [Diagnostic] = []) {
        self.file = file
        self.reports = reports
        self.directory = directory
        self.diagnostics = diagnostics
    }

    /// True when the reports are fragments (CSV rows) to merge with other files' fragments by agency and year.
    public var isFragmentary = false
    /// Agency-years with a bad row in this file: dropped everywhere, so no merge scores half a report.
    public var rejected: Set<ReportKey> = []
    /// The file was refused as a whole (its header or its syntax): of the agency-years it holds,
    /// only those in `rejected` could be read back, so reports merged from other files beside
    /// it may lack its part.
    public var refusedWhole = false

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

/// Parsing of the small value types that both report formats share, so XML and CSV accept exactly the same text.
enum ValueSyntax {
    /// A finite decimal number with a `.` separator.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ isNumberByte($0) }), let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// `number(_:)` of a value's bytes. A plain decimal (an optional sign, digits, an optional
    /// fraction: at most 15 digits in all) is converted here, as the quotient of two doubles
    /// that are both exact, which IEEE division rounds correctly: the same double the C
    /// library's correctly rounded `strtod` gives (Clinger's fast path). Anything else goes
    /// through `number(_:)` on its text.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let trimmed = trimmedRange(bytes, 0..<bytes.count)
        let end = trimmed.upperBound
        var i = trimmed.lowerBound
        let negative = i < end && bytes[i] == UInt8(ascii: "-")
        if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { i += 1 }
        var significand: UInt64 = 0, digits = 0, fractionDigits = 0, sawPoint = false
        while i < end {
            let byte = bytes[i]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                significand = significand &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard i == end, digits > 0, digits <= 15 else { return number(String(decoding: bytes, as: UTF8.self)) }
        let magnitude = Double(significand) / exactPowersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// 10^0 ... 10^15, each exactly a double.
    private static let exactPowersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// A number as Excel writes it in a decimal-comma locale (a `;` CSV): `82,5`, `1.234.567,8`
    /// (`.` grouping thousands), or with a `.` as the decimal mark when there is no comma.
    static func number(_ text: String, decimalComma: Bool) -> Double? {
        guard decimalComma else { return number(text) }
        let trimmed = text.trimmingSpaces()
        guard trimmed.contains(",") else { return number(trimmed) }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, !parts[1].contains(".") else { return nil }
        let groups = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Thousands groups: one to three digits, then groups of exactly three.
            let head = groups[0].drop { $0 == "-" || $0 == "+" }
            guard (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        }
        return number(groups.joined() + "." + parts[1])
    }

    static func year(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.utf8.count == 4, let year = Int(trimmed) else { return nil }
        return year
    }

    /// yes/no in English or Indonesian (ya/tidak), or 1/0. A bare `T` is refused: it means *tidak* in Indonesian forms but *true* elsewhere.
    static func flag(_ text: String) -> Bool? {
        switch text.trimmingSpaces().lowercased() {
        case "yes", "ya", "y", "true", "1": true
        case "no", "tidak", "false", "0": false
        default: nil
        }
    }

    static let numberExpectation: Message = "expected a number such as 82.5 (with '.' for decimals)"
    static let decimalCommaExpectation: Message = "expected a number such as 82,5 or 1.234,5 (',' for decimals in a ';' file)"
    static let flagExpectation: Message = "expected yes or no (ya/tidak, true/false, 1/0)"

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}

extension String {
    /// Without leading and trailing blanks (ASCII white space, and the Unicode spaces and
    /// invisible marks pasted text carries: no-break spaces, zero-width space, a BOM inside a
    /// cell); the same string (no copy) when there are none.
    func trimmingSpaces() -> String {
        let utf8 = self.utf8
        // Most values have no blanks around them: decide from the first and last byte, read
        // from contiguous storage (the collection's `last` walks a native string's index).
        // A byte past ASCII at either end may start or end a Unicode space: the slow path decides.
        let untouched = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count > 0 && bytes[0] < 0x80 && !isSpace(bytes[0]) && bytes[bytes.count - 1] < 0x80 && !isSpace(bytes[bytes.count - 1])
        }
        if untouched == true { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isBlank })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// White space per Unicode (NBSP, narrow NBSP, ideographic space, line separators, ...) and
    /// the invisible marks that stand where a space was: zero-width space, word joiner, BOM.
    var isBlank: Bool {
        properties.isWhitespace || value == 0x200B || value == 0x2060 || value == 0xFEFF
    }
}

@inline(__always)
func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
}

/// Where `bytes[range]` lies without blanks around it, the blanks being what
/// `String.trimmingSpaces` trims, found in UTF-8 without decoding (the readers' byte paths).
@inline(__always)
func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound, end = range.upperBound
    // Most fields start and end with a printable ASCII byte: nothing to trim, decided at once
    // (every blank's first and last byte is at most 0x20 or past ASCII).
    guard start < end else { return range }
    let first = bytes[start], last = bytes[end - 1]
    if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return range }
    while start < end {
        let length = blankLength(bytes, startingAt: start, end: end)
        if length == 0 { break }
        start += length
    }
    while end > start {
        let length = blankLength(bytes, endingAt: end, start: start)
        if length == 0 { break }
        end -= length
    }
    return start..<end
}

/// Bytes of the blank that starts at `i` (before `end`), 0 when none.
@inline(__always)
func blankLength(_ bytes: UnsafeBufferPointer<UInt8>, startingAt i: Int, end: Int) -> Int {
    let lead = bytes[i]
    if lead < 0x80 { return isSpace(lead) || lead == 0x0B || lead == 0x0C ? 1 : 0 }
    if lead == 0xC2, i + 1 < end { return bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85 ? 2 : 0 }
    guard lead >= 0xE1, lead <= 0xEF, i + 2 < end else { return 0 }
    return isBlank3(lead, bytes[i + 1], bytes[i + 2]) ? 3 : 0
}

/// Bytes of the blank that ends just before `end` (at or after `start`), 0 when none.
@inline(__always)
func blankLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, start: Int) -> Int {
    let last = bytes[end - 1]
    if last < 0x80 { return isSpace(last) || last == 0x0B || last == 0x0C ? 1 : 0 }
    if end - 2 >= start, bytes[end - 2] == 0xC2, last == 0xA0 || last == 0x85 { return 2 }
    guard end - 3 >= start else { return 0 }
    return isBlank3(bytes[end - 3], bytes[end - 2], last) ? 3 : 0
}

/// The three-byte UTF-8 forms of `Unicode.Scalar.isBlank`: U+1680, U+2000-200B, U+2028-2029,
/// U+202F, U+205F-2060, U+3000, U+FEFF.
@inline(__always)
private func isBlank3(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
    switch (a, b) {
    case (0xE1, 0x9A): c == 0x80
    case (0xE2, 0x80): (0x80...0x8B).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF
    case (0xE2, 0x81): c == 0x9F || c == 0xA0
    case (0xE3, 0x80): c == 0x80
    case (0xEF, 0xBB): c == 0xBF
    default: false
    }
}
