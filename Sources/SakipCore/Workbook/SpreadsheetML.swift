import Foundation

/// The value of one worksheet cell, as the file stores it: spreadsheets keep the last computed
/// value of a formula beside it, and that value is what is read.
enum CellValue: Sendable, Hashable {
    case text(String)
    /// A number and the text it was stored as (`2024`, `0.06`).
    case number(Double, String)
    case bool(Bool)
    /// A formula's error value, such as `#N/A`.
    case error(String)

    /// The text a person sees, trimmed; numbers as stored (`2024`, not `2024.0`).
    var text: String {
        switch self {
        case .text(let text): text.trimmingSpaces()
        case .number(_, let stored): stored.hasSuffix(".0") ? String(stored.dropLast(2)) : stored
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .error(let error): error
        }
    }
}

/// One worksheet's non-empty cells by row, then column (both 1-based).
struct Worksheet: Sendable {
    var name: String
    var rows: [Int: [Int: CellValue]] = [:]
    /// Cells holding a formula: its stored value is what the last spreadsheet to save the file
    /// computed, or nothing (0 from libraries such as XlsxWriter) when none ever did.
    var formulas: Set<CellReference> = []

    subscript(row: Int, column: Int) -> CellValue? { rows[row]?[column] }
    subscript(cell: CellReference) -> CellValue? { rows[cell.row]?[cell.column] }

    /// Row numbers holding anything, in order.
    var rowNumbers: [Int] { rows.keys.sorted() }
}

/// An `.xlsx` workbook opened for reading: its sheets' names, its defined names, and each sheet's
/// cells on request (shared strings, inline strings, numbers, booleans and cached formula values).
/// Read with the project's libxml2 reader; no entity is resolved and nothing is fetched.
struct SpreadsheetWorkbook {
    let name: String
    private var archive: WorkbookArchive
    let sheetNames: [String]
    /// The part of each sheet, in the order of `sheetNames`.
    private let sheetParts: [String]
    /// Workbook-level defined names and what they refer to (`Total` -> `LKE!$G$90`).
    let definedNames: [String: String]
    /// The shared strings some read cell uses, by index: only those are kept (a workbook may
    /// hold millions no cell of the LKE refers to).
    private var sharedStrings: [Int: String] = [:]
    /// Sheets already parsed, by index: each part is expanded and parsed once.
    private var parsed: [Int: Worksheet] = [:]
    /// What the cells and strings kept so far take, against `InputLimits.workbookCellBytes`.
    private var kept = 0

    init(bytes: [UInt8], name: String) throws(Diagnostic) {
        self.name = name
        archive = try WorkbookArchive(bytes: bytes, name: name)
        let book = WorkbookPartHandler()
        guard try archive.parse("xl/workbook.xml", with: book) else {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not an Excel workbook: it has no xl/workbook.xml (an .ods or a Word file saved as .xlsx?)")
        }
        let relations = RelationshipsHandler()
        _ = try archive.parse("xl/_rels/workbook.xml.rels", with: relations)
        sheetNames = book.sheets.map(\.name)
        sheetParts = book.sheets.map { sheet in
            relations.targets[sheet.relation].flatMap { Self.resolve($0, from: "xl/workbook.xml") } ?? ""
        }
        definedNames = book.definedNames
    }

    /// The part a relationship's target names, as the package format resolves it: relative to
    /// the folder of the part the relationship is from (`worksheets/sheet1.xml`,
    /// `../xl/worksheets/sheet1.xml`), or from the package's root (`/xl/worksheets/sheet1.xml`),
    /// percent-escapes decoded. Nil for a target that leaves the package (more `..` than folders).
    static func resolve(_ target: String, from source: String) -> String? {
        let decoded = target.removingPercentEncoding ?? target
        var folders = decoded.hasPrefix("/") ? [] : source.split(separator: "/").dropLast().map(String.init)
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !folders.isEmpty else { return nil }
                folders.removeLast()
            default: folders.append(String(segment))
            }
        }
        return folders.isEmpty ? nil : folders.joined(separator: "/")
    }

    /// `LKE.xlsx(xl/worksheets/sheet1.xml)`: where a part's own XML errors are reported.
    static func partName(_ file: String, _ part: String) -> String { "\(file)(\(part))" }

    /// The cells of sheet `index` (into `sheetNames`).
    mutating func sheet(_ index: Int) throws(Diagnostic) -> Worksheet {
        try read([index])
        return parsed[index]!
    }

    /// Reads the sheets at `indices` not read yet, then the shared strings all of them use in
    /// one pass over the workbook's string table: a reader that will need several sheets asks
    /// for them together, so that a large table is expanded once.
    mutating func read(_ indices: [Int]) throws(Diagnostic) {
        var sheets: [(index: Int, sheet: Worksheet, shared: [(cell: CellReference, index: Int)])] = []
        for index in indices where parsed[index] == nil && !sheets.contains(where: { $0.index == index }) {
            let path = sheetParts[index]
            guard !path.isEmpty, archive.has(path) else {
                throw Diagnostic(.workbook, at: .wholeFile(name), "the workbook lists sheet '\(sheetNames[index])' but holds no part for it")
            }
            let handler = WorksheetHandler(sheet: Worksheet(name: sheetNames[index]), file: name, kept: kept)
            _ = try archive.parse(path, with: handler)
            if let problem = handler.problem { throw problem }
            kept = handler.kept
            sheets.append((index, handler.sheet, handler.shared))
        }
        try loadSharedStrings(sheets.flatMap { $0.shared.map(\.index) })
        for (index, sheet, shared) in sheets {
            var sheet = sheet
            try resolveSharedStrings(shared, into: &sheet)
            parsed[index] = sheet
        }
    }

    /// Reads the shared strings at `indices` not read yet from the workbook's string table.
    private mutating func loadSharedStrings(_ indices: [Int]) throws(Diagnostic) {
        let known = sharedStrings
        let missing = Set(indices.lazy.filter { known[$0] == nil })
        guard !missing.isEmpty else { return }
        let handler = SharedStringsHandler(wanted: missing, file: name, kept: kept)
        _ = try archive.parse("xl/sharedStrings.xml", with: handler)
        if let problem = handler.problem { throw problem }
        kept = handler.kept
        sharedStrings.merge(handler.strings) { first, _ in first }
    }

    /// Puts the text of the shared strings the sheet's cells refer to into them, reading only
    /// those from the workbook's string table; a reference to a string it lacks is an error at
    /// its cell.
    private func resolveSharedStrings(_ cells: [(cell: CellReference, index: Int)], into sheet: inout Worksheet) throws(Diagnostic) {
        for (cell, index) in cells {
            guard let text = sharedStrings[index] else {
                throw Diagnostic(.workbook, at: SourceLocation(file: name, sheet: sheet.name, row: cell.row, column: cell.column),
                                 "the cell refers to shared string \(index), which the workbook does not hold")
            }
            sheet.rows[cell.row, default: [:]][cell.column] = .text(text)
        }
    }
}

/// What one kept cell or string is counted as, beside its text: the dictionary entries and
/// headers that hold it (measured: a sheet of a million one-cell rows takes about 150 bytes a cell).
private let keptBytesPerValue = 128

/// The refusal when the cells and strings kept from one workbook pass `InputLimits.workbookCellBytes`.
private func tooManyCells(at location: SourceLocation) -> Diagnostic {
    Diagnostic(.workbookTooLarge, at: location,
               "refused: the workbook's cells take more than the \(InputLimits.describe(InputLimits.workbookCellBytes)) sakip keeps from one workbook by this one (an LKE takes well under 1 MiB)")
}

/// `xl/workbook.xml`: the sheets (name and relationship id) and the defined names.
private final class WorkbookPartHandler: XMLEventHandler {
    private enum Name: Int, CaseIterable { case sheet, name, id, definedName, localSheetId }
    let vocabulary = XMLVocabulary(Name.allCases.map { "\($0)" })
    var wantsText: Bool { true }
    var sheets: [(name: String, relation: String)] = []
    var definedNames: [String: String] = [:]
    private var definedName: String?

    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        switch element.flatMap(Name.init(rawValue:)) {
        case .sheet: sheets.append((attributes[Name.name.rawValue] ?? "", attributes[Name.id.rawValue] ?? ""))
        // A name local to one sheet is not the workbook's `Total`.
        case .definedName: definedName = attributes[Name.localSheetId.rawValue] == nil ? attributes[Name.name.rawValue] : nil
        default: break
        }
    }

    func endElement(_ element: Int?) {}

    func endElement(_ element: Int?, text: XMLText) {
        guard element == Name.definedName.rawValue, let definedName else { return }
        definedNames[definedName] = text.string
        self.definedName = nil
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship ids to part paths.
private final class RelationshipsHandler: XMLEventHandler {
    private enum Name: Int, CaseIterable { case Relationship, Id, Target }
    let vocabulary = XMLVocabulary(Name.allCases.map { "\($0)" })
    var targets: [String: String] = [:]

    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        guard element == Name.Relationship.rawValue, let id = attributes[Name.Id.rawValue], let target = attributes[Name.Target.rawValue] else { return }
        targets[id] = target
    }

    func endElement(_ element: Int?) {}
}

/// `xl/sharedStrings.xml`: the text of each wanted `<si>` (by index), its rich-text runs
/// joined, phonetic hints left out; no `String` is made for the others.
private final class SharedStringsHandler: XMLEventHandler {
    private enum Name: Int, CaseIterable { case si, t, rPh }
    let vocabulary = XMLVocabulary(Name.allCases.map { "\($0)" })
    var wantsText: Bool { true }
    var textLimit: Int { InputLimits.cellCharacters }
    private let wanted: Set<Int>
    private let file: String
    private var locator: XMLLocator?
    var strings: [Int: String] = [:]
    private(set) var kept: Int
    private(set) var problem: Diagnostic?
    private var index = -1
    private var current = ""
    private var phonetic = false

    init(wanted: Set<Int>, file: String, kept: Int) {
        self.wanted = wanted
        self.file = file
        self.kept = kept
    }

    func attach(_ locator: XMLLocator) { self.locator = locator }

    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        switch element.flatMap(Name.init(rawValue:)) {
        case .si:
            index += 1
            current = ""
        case .rPh: phonetic = true
        default: break
        }
    }

    func endElement(_ element: Int?) {}

    func endElement(_ element: Int?, text: XMLText) {
        guard problem == nil else { return }
        switch element.flatMap(Name.init(rawValue:)) {
        case .t where !phonetic && wanted.contains(index):
            current += text.string
            // Runs joined may pass a cell's limit though each alone does not.
            if current.utf16.count > InputLimits.cellCharacters {
                problem = Diagnostic(.workbookTooLarge, at: locator?.location ?? .wholeFile(file),
                                     "refused: shared string \(index) holds more than \(InputLimits.grouped(InputLimits.cellCharacters)) characters, the most a spreadsheet cell holds")
            }
        case .rPh: phonetic = false
        case .si where wanted.contains(index):
            strings[index] = current
            kept += keptBytesPerValue + current.utf8.count
            if kept > InputLimits.workbookCellBytes { problem = tooManyCells(at: locator?.location ?? .wholeFile(file)) }
        default: break
        }
    }
}

/// A worksheet part: each cell's stored value at its reference (or, where a writer leaves the
/// reference out, the position after the previous cell).
private final class WorksheetHandler: XMLEventHandler {
    private enum Name: Int, CaseIterable { case row, c, v, t, `is`, rPh, r, f }
    let vocabulary = XMLVocabulary(Name.allCases.map { "\($0)" })
    var wantsText: Bool { true }
    var textLimit: Int { InputLimits.cellCharacters }
    var sheet: Worksheet
    private(set) var problem: Diagnostic?
    /// Cells holding a shared string, by the string's index: resolved after the sheet is read.
    private(set) var shared: [(cell: CellReference, index: Int)] = []
    private(set) var kept: Int
    private let file: String
    /// Where the parser is in the sheet's XML, for a number that names no cell.
    private var locator: XMLLocator?
    private var row = 0
    private var column = 0
    private var type: String?
    private var stored: String?
    private var inline: String?
    private var formula = false
    private var phonetic = false

    init(sheet: Worksheet, file: String, kept: Int) {
        self.sheet = sheet
        self.file = file
        self.kept = kept
    }

    func attach(_ locator: XMLLocator) { self.locator = locator }

    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        // After the first problem the sheet is not read: nothing after it could be placed.
        guard problem == nil else { return }
        switch element.flatMap(Name.init(rawValue:)) {
        case .row:
            if let text = attributes[Name.r.rawValue] {
                guard let number = Int(text.trimmingSpaces()), (1...CellReference.maxRow).contains(number) else {
                    return refuse("row number '\(Self.shortened(text))' is not a row of a sheet; expected 1 to 1048576 (Excel's last row)")
                }
                row = number
            } else {
                guard row < CellReference.maxRow else {
                    return refuse("a row after the sheet's last (1048576) has no number; expected r=\"1\" to r=\"1048576\"")
                }
                row += 1
            }
            column = 0
        case .c:
            if let text = attributes[Name.r.rawValue] {
                guard let reference = CellReference(text.trimmingSpaces()) else {
                    return refuse("cell reference '\(Self.shortened(text))' names no cell of a sheet; expected A1 to XFD1048576")
                }
                row = reference.row
                column = reference.column
            } else {
                guard row >= 1, column < CellReference.maxColumn else {
                    return refuse(row < 1 ? "a cell outside any numbered row has no reference; expected r=\"A1\" or a <row r=...> around it"
                                                               : "a cell after the sheet's last column (XFD) has no reference; expected r=\"A1\" to r=\"XFD1048576\"")
                }
                column += 1
            }
            type = attributes[Name.t.rawValue]
            stored = nil
            inline = nil
            formula = false
        case .f: formula = true
        case .is: inline = ""
        case .rPh: phonetic = true
        default: break
        }
    }

    func endElement(_ element: Int?) {}

    /// Stops reading the sheet with an error at the tag just read (a number there names no cell).
    private func refuse(_ message: Message) {
        problem = Diagnostic(.workbook, at: locator?.location ?? .wholeFile(file), "sheet '\(sheet.name)': \(message)")
    }

    /// At most 40 characters of a value, for a message about it.
    static func shortened(_ text: String) -> String { text.count > 40 ? text.prefix(40) + "…" : text }

    func endElement(_ element: Int?, text: XMLText) {
        guard problem == nil else { return }
        switch element.flatMap(Name.init(rawValue:)) {
        case .v: stored = text.string
        case .t where inline != nil && !phonetic:
            inline! += text.string
            if inline!.utf16.count > InputLimits.cellCharacters {
                problem = Diagnostic(.workbookTooLarge, at: here, "refused: the cell's text is longer than \(InputLimits.grouped(InputLimits.cellCharacters)) characters, the most a spreadsheet cell holds")
            }
        case .rPh: phonetic = false
        case .c: endCell()
        default: break
        }
    }

    /// The cell being read, as a location.
    private var here: SourceLocation { SourceLocation(file: file, sheet: sheet.name, row: max(row, 1), column: max(column, 1)) }

    /// Keeps the cell just ended, counted against the workbook's budget.
    private func endCell() {
        let cell = CellReference(row: row, column: column)
        if formula { sheet.formulas.insert(cell) }
        if type == "s", let stored {
            guard let index = Int(stored.trimmingSpaces()), index >= 0 else {
                problem = Diagnostic(.workbook, at: here, "the cell refers to shared string \(WorksheetHandler.shortened(stored)), which the workbook does not hold")
                return
            }
            shared.append((cell, index))
            kept += keptBytesPerValue
        } else if let value = value() {
            sheet.rows[row, default: [:]][column] = value
            kept += keptBytesPerValue + (stored?.utf8.count ?? 0) + (inline?.utf8.count ?? 0)
        }
        if kept > InputLimits.workbookCellBytes { problem = tooManyCells(at: here) }
    }

    /// The cell just ended, by its type: inline string, formula string, boolean, error, or
    /// number (shared strings are resolved once the sheet is read).
    private func value() -> CellValue? {
        switch type {
        case "inlineStr": return inline.map(CellValue.text)
        case "s": return nil
        case "str", "d": return stored.map(CellValue.text)
        case "b": return stored.map { .bool($0.trimmingSpaces() == "1") }
        case "e": return stored.map(CellValue.error)
        default:
            guard let stored else { return nil }
            guard let number = Double(stored.trimmingSpaces()) else { return .text(stored) }
            return .number(number, stored.trimmingSpaces())
        }
    }
}
