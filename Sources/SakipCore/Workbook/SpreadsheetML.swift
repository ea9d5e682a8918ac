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
    private var sharedStrings: [String]?
    /// Sheets already parsed, by index: each part is expanded and parsed once.
    private var parsed: [Int: Worksheet] = [:]

    init(bytes: [UInt8], name: String) throws(Diagnostic) {
        self.name = name
        archive = try WorkbookArchive(bytes: bytes, name: name)
        guard let workbookXML = try archive.part("xl/workbook.xml") else {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not an Excel workbook: it has no xl/workbook.xml (an .ods or a Word file saved as .xlsx?)")
        }
        let book = WorkbookPartHandler()
        try LibXML2.parse(workbookXML, file: Self.partName(name, "xl/workbook.xml"), handler: book)
        let relations = RelationshipsHandler()
        if let rels = try archive.part("xl/_rels/workbook.xml.rels") {
            try LibXML2.parse(rels, file: Self.partName(name, "xl/_rels/workbook.xml.rels"), handler: relations)
        }
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
        if let sheet = parsed[index] { return sheet }
        let path = sheetParts[index]
        guard !path.isEmpty, let bytes = try archive.part(path) else {
            throw Diagnostic(.workbook, at: .wholeFile(name), "the workbook lists sheet '\(sheetNames[index])' but holds no part for it")
        }
        let strings = try loadSharedStrings()
        let part = Self.partName(name, path)
        let handler = WorksheetHandler(sheet: Worksheet(name: sheetNames[index]), sharedStrings: strings, file: name, part: SourceText(name: part, bytes: bytes))
        try LibXML2.parse(bytes, file: part, handler: handler)
        if let problem = handler.problem { throw problem }
        parsed[index] = handler.sheet
        return handler.sheet
    }

    private mutating func loadSharedStrings() throws(Diagnostic) -> [String] {
        if let sharedStrings { return sharedStrings }
        var strings: [String] = []
        if let bytes = try archive.part("xl/sharedStrings.xml") {
            let handler = SharedStringsHandler()
            try LibXML2.parse(bytes, file: Self.partName(name, "xl/sharedStrings.xml"), handler: handler)
            strings = handler.strings
        }
        sharedStrings = strings
        return strings
    }
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

    func endElement(_ element: Int?, text: String) {
        guard element == Name.definedName.rawValue, let definedName else { return }
        definedNames[definedName] = text
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

/// `xl/sharedStrings.xml`: each `<si>`'s text, its rich-text runs joined, phonetic hints left out.
private final class SharedStringsHandler: XMLEventHandler {
    private enum Name: Int, CaseIterable { case si, t, rPh }
    let vocabulary = XMLVocabulary(Name.allCases.map { "\($0)" })
    var wantsText: Bool { true }
    var strings: [String] = []
    private var current = ""
    private var phonetic = false

    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        switch element.flatMap(Name.init(rawValue:)) {
        case .si: current = ""
        case .rPh: phonetic = true
        default: break
        }
    }

    func endElement(_ element: Int?) {}

    func endElement(_ element: Int?, text: String) {
        switch element.flatMap(Name.init(rawValue:)) {
        case .t where !phonetic: current += text
        case .rPh: phonetic = false
        case .si: strings.append(current)
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
    var sheet: Worksheet
    private(set) var problem: Diagnostic?
    private let sharedStrings: [String]
    private let file: String
    /// The sheet's XML, where a number that names no cell is located.
    private let part: SourceText
    private var row = 0
    private var column = 0
    private var type: String?
    private var stored: String?
    private var inline: String?
    private var formula = false
    private var phonetic = false

    init(sheet: Worksheet, sharedStrings: [String], file: String, part: SourceText) {
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.file = file
        self.part = part
    }

    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        // After the first problem the sheet is not read: nothing after it could be placed.
        guard problem == nil else { return }
        switch element.flatMap(Name.init(rawValue:)) {
        case .row:
            if let text = attributes[Name.r.rawValue] {
                guard let number = Int(text.trimmingSpaces()), (1...CellReference.maxRow).contains(number) else {
                    return refuse(at: offset, attribute: "r", "row number '\(Self.shortened(text))' is not a row of a sheet; expected 1 to 1048576 (Excel's last row)")
                }
                row = number
            } else {
                guard row < CellReference.maxRow else {
                    return refuse(at: offset, attribute: nil, "a row after the sheet's last (1048576) has no number; expected r=\"1\" to r=\"1048576\"")
                }
                row += 1
            }
            column = 0
        case .c:
            if let text = attributes[Name.r.rawValue] {
                guard let reference = CellReference(text.trimmingSpaces()) else {
                    return refuse(at: offset, attribute: "r", "cell reference '\(Self.shortened(text))' names no cell of a sheet; expected A1 to XFD1048576")
                }
                row = reference.row
                column = reference.column
            } else {
                guard row >= 1, column < CellReference.maxColumn else {
                    return refuse(at: offset, attribute: nil, row < 1 ? "a cell outside any numbered row has no reference; expected r=\"A1\" or a <row r=...> around it"
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

    /// Stops reading the sheet with an error at a tag of its XML (a number there names no cell).
    private func refuse(at offset: Int, attribute: String?, _ message: String) {
        let location = attribute.map { part.location(ofAttribute: $0, inTagAt: offset) } ?? part.location(of: offset)
        problem = Diagnostic(.workbook, at: location, "sheet '\(sheet.name)': \(message)")
    }

    /// At most 40 characters of a value, for a message about it.
    static func shortened(_ text: String) -> String { text.count > 40 ? text.prefix(40) + "…" : text }

    func endElement(_ element: Int?, text: String) {
        guard problem == nil else { return }
        switch element.flatMap(Name.init(rawValue:)) {
        case .v: stored = text
        case .t where inline != nil && !phonetic: inline! += text
        case .rPh: phonetic = false
        case .c:
            if let value = value() { sheet.rows[row, default: [:]][column] = value }
            if formula { sheet.formulas.insert(CellReference(row: row, column: column)) }
        default: break
        }
    }

    /// The cell just ended, by its type: shared string, inline string, formula string, boolean,
    /// error, or number.
    private func value() -> CellValue? {
        switch type {
        case "inlineStr": return inline.map(CellValue.text)
        case "s":
            guard let stored else { return nil }
            guard let index = Int(stored.trimmingSpaces()), sharedStrings.indices.contains(index) else {
                if problem == nil {
                    problem = Diagnostic(.workbook, at: SourceLocation(file: file, sheet: sheet.name, row: row, column: column),
                                         "the cell refers to shared string \(stored), which the workbook does not hold")
                }
                return nil
            }
            return .text(sharedStrings[index])
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
