import Foundation

/// A1-style cell references, as spreadsheets write and show them.
///
/// ```swift
/// CellReference.columnName(13)          // "M"
/// CellReference("M12")                  // row 12, column 13
/// CellReference.sheetName("Form A")     // "'Form A'"
/// ```
public struct CellReference: Sendable, Hashable {
    /// 1-based row and column (A is 1).
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Excel's largest sheet: 1,048,576 rows of 16,384 columns (`XFD`).
    public static let maxRow = 1 << 20
    public static let maxColumn = 1 << 14

    /// Parses `M12` (or `$M$12`); nil for anything else or beyond the largest sheet.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var digits = false
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits: column = column * 26 + Int(byte - 64)
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !digits: column = column * 26 + Int(byte - 96)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = true
                row = row * 10 + Int(byte - 48)
            default: return nil
            }
            if column > Self.maxColumn || row > Self.maxRow { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// Letters of a column alone (`M` is 13); nil for anything else.
    public static func column(named letters: some StringProtocol) -> Int? {
        // Letters only: `H1` is a cell, not column H.
        guard !letters.isEmpty, letters.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) else { return nil }
        return CellReference("\(letters)1")?.column
    }

    /// `A`, `B`, ... `Z`, `AA`, ...: the letters of 1-based column `column`.
    public static func columnName(_ column: Int) -> String {
        var index = column - 1
        var letters: [UInt8] = []
        repeat {
            letters.append(UInt8(65 + index % 26))
            index = index / 26 - 1
        } while index >= 0
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// A sheet's name as a reference writes it: quoted when it holds anything but letters,
    /// digits and `_` (`'Form A'!B2`).
    public static func sheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The name inside a reference's sheet part (`'Form A'` is `Form A`).
    public static func unquotedSheetName(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }

    public var description: String { Self.columnName(column) + String(row) }
}
