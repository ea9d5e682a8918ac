/// How CSV output is written.
public enum CSVDialect: String, CaseIterable, Sendable {
    /// `,` between fields, `.` for decimals, LF line ends, no BOM: what programs read.
    case standard
    /// `;` between fields, `,` for decimals, CRLF and a UTF-8 BOM: what Excel opens directly
    /// in an Indonesian (or other decimal-comma) locale.
    case excelID = "excel-id"
}

struct CSVWriter {
    let dialect: CSVDialect

    /// `;` in a decimal-comma locale, `,` otherwise.
    var separator: UInt8 { dialect == .excelID ? 0x3B : 0x2C }

    /// One record, its line end included, appended as UTF-8.
    func append(_ cells: [String], numbers: Bool, to bytes: inout [UInt8]) {
        for (i, cell) in cells.enumerated() { appendField(cell, number: numbers, first: i == 0, to: &bytes) }
        endRecord(&bytes)
    }

    /// One field, after a separator unless it opens its record. `number` says the field is
    /// data, whose `.` becomes `,` in a decimal-comma locale when it holds a decimal.
    func appendField(_ cell: String, number: Bool, first: Bool = false, to bytes: inout [UInt8]) {
        let separator = self.separator
        if !first { bytes.append(separator) }
        // Cells that need neither quotes nor a decimal comma (nearly all) are copied as they are.
        if !(dialect == .excelID && number), appendPlain(cell, separator: separator, to: &bytes) { return }
        bytes += field(cell, number: number).utf8
    }

    /// A whole number, written as `String(value)` writes it: digits need neither quotes nor a
    /// decimal comma, so no `String` is made.
    func appendField(_ value: Int, first: Bool = false, to bytes: inout [UInt8]) {
        if !first { bytes.append(separator) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var unit: UInt = 1
        while unit <= magnitude / 10 { unit *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / unit % 10))
            unit /= 10
        } while unit > 0
    }

    /// The line end: CRLF in a decimal-comma locale (as Excel writes it), LF otherwise.
    func endRecord(_ bytes: inout [UInt8]) {
        if dialect == .excelID { bytes.append(0x0D) }
        bytes.append(0x0A)
    }

    func field(_ cell: String, number: Bool) -> String {
        var cell = cell
        if dialect == .excelID && number && Self.isDecimal(cell) { cell = cell.replacingAll(".", with: ",") }
        guard needsQuotes(cell) else { return cell }
        return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Appends a cell holding no separator, quote or line break, in one pass over its bytes;
    /// false (nothing appended) for any other cell.
    private func appendPlain(_ cell: String, separator: UInt8, to bytes: inout [UInt8]) -> Bool {
        cell.utf8.withContiguousStorageIfAvailable { utf8 in
            for byte in utf8 where Self.isSpecial(byte, separator: separator) { return false }
            bytes.append(contentsOf: utf8)
            return true
        } ?? false
    }

    /// Whether a field holds the separator, a quote or a line break.
    private func needsQuotes(_ cell: String) -> Bool {
        let separator = self.separator
        func special(_ byte: UInt8) -> Bool { Self.isSpecial(byte, separator: separator) }
        if let found = cell.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) { return found }
        return cell.utf8.contains(where: special)
    }

    /// The bytes that make a field need quotes: the separator, a quote and line breaks.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8, separator: UInt8) -> Bool {
        byte == separator || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }

    /// `-12.5`, `0.0625`: a number as sakip writes one, whose `.` becomes `,` in a decimal-comma locale.
    static func isDecimal(_ cell: String) -> Bool {
        var digits = 0, dots = 0
        for (i, byte) in cell.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-") where i == 0: continue
            default: return false
            }
        }
        return digits > 0 && dots == 1
    }
}
