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
            guard let target = relations.targets[sheet.relation] else { return "" }
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        definedNames = book.definedNames
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
        let handler = WorksheetHandler(sheet: Worksheet(name: sheetNames[index]), sharedStrings: strings, file: name)
        try LibXML2.parse(bytes, file: Self.partName(name, path), handler: handler)
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
    private enum Name: Int, CaseIterable { case row, c, v, t, `is`, rPh, r }
    let vocabulary = XMLVocabulary(Name.allCases.map { "\($0)" })
    var wantsText: Bool { true }
    var sheet: Worksheet
    private(set) var problem: Diagnostic?
    private let sharedStrings: [String]
    private let file: String
    private var row = 0
    private var column = 0
    private var type: String?
    private var stored: String?
    private var inline: String?
    private var phonetic = false

    init(sheet: Worksheet, sharedStrings: [String], file: String) {
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.file = file
    }

    func startElement(_ element: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        switch element.flatMap(Name.init(rawValue:)) {
        case .row:
            row = attributes[Name.r.rawValue].flatMap { Int($0) } ?? row + 1
            column = 0
        case .c:
            if let reference = attributes[Name.r.rawValue].flatMap(CellReference.init) {
                row = reference.row
                column = reference.column
            } else {
                column += 1
            }
            type = attributes[Name.t.rawValue]
            stored = nil
            inline = nil
        case .is: inline = ""
        case .rPh: phonetic = true
        default: break
        }
    }

    func endElement(_ element: Int?) {}

    func endElement(_ element: Int?, text: String) {
        switch element.flatMap(Name.init(rawValue:)) {
        case .v: stored = text
        case .t where inline != nil && !phonetic: inline! += text
        case .rPh: phonetic = false
        case .c: if let value = value() { sheet.rows[row, default: [:]][column] = value }
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
