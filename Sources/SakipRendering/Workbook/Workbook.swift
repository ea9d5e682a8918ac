import Foundation
import ZIPFoundation
import SakipCore

/// A spreadsheet workbook (.xlsx: SpreadsheetML in a zip), written from tables: numbers stored
/// as numbers (two decimals shown, full precision kept), text as text, the header row frozen and
/// filterable. Opens in Excel and LibreOffice Calc. The same workbook always gives the same bytes.
public struct Workbook: Sendable {
    public enum Cell: Sendable, Hashable {
        case text(String)
        /// A number shown with two decimals (the value keeps full precision).
        case decimal(Double)
        /// A whole number (rank, year, count).
        case integer(Int)
        /// A share stored as the number it is (0.773) and shown as a percentage (77.3%).
        case percent(Double)
        /// A live formula (without the `=`), shown with two decimals; computed when the workbook opens.
        case formula(String)
        /// A formula whose value is text (a grade).
        case textFormula(String)
        case empty
    }

    /// A drop-down list of allowed values over a range of one sheet, such as `D2:D81`.
    public struct Validation: Sendable {
        public var range: String
        public var values: [String]

        public init(range: String, values: [String]) {
            self.range = range
            self.values = values
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var headers: [String]
        public var rows: [[Cell]]
        /// Data rows (0-based) shown in bold: component and total rows of an LKE.
        public var boldRows: Set<Int> = []
        public var validations: [Validation] = []
        /// An autofilter over the table (off for forms such as the LKE).
        public var filter = true
        /// A column (0-based) of long texts, wrapped in a wide column rather than cut off; each
        /// row is as high as its wrapped text.
        public var wrapColumn: Int?
        /// Columns (0-based) at least this many characters wide, however little they hold: the
        /// blanks a person fills (notes, evidence).
        public var minimumWidths: [Int: Int] = [:]
        /// Columns (0-based) of answer letters, centred: apart from the numbers beside them.
        public var centredColumns: Set<Int> = []

        public init(name: String, headers: [String], rows: [[Cell]]) {
            self.name = name
            self.headers = headers
            self.rows = rows
        }
    }

    public var sheets: [Sheet]
    /// Workbook-level names, such as `Total` -> `LKE!$G$90`.
    public var names: [(name: String, reference: String)] = []

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The .xlsx file's bytes.
    public func data() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed time, so that the same workbook is the same bytes.
        let stamp = Date(timeIntervalSince1970: 1_767_225_600)
        for (path, text) in parts() {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }

    /// Every part of the package, in the order written.
    func parts() -> [(String, String)] {
        var parts = [("[Content_Types].xml", contentTypes), ("_rels/.rels", Self.packageRelationships),
                     ("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", workbookRelationships),
                     ("xl/styles.xml", Self.styles)]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", SheetWriter(sheet: sheet).xml)) }
        return parts
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"
    }

    private static let packageRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private var workbookXML: String {
        var filters = ""
        for (i, sheet) in sheets.enumerated() where !sheet.headers.isEmpty && sheet.filter {
            filters += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">'\(xmlEscape(sheet.name.replacingOccurrences(of: "'", with: "''")))'!$A$1:$\(CellReference.columnName(sheet.headers.count))$\(sheet.rows.count + 1)</definedName>"
        }
        // A sheet too wide for one readable page is printed across pages, its header row on each.
        for (i, sheet) in sheets.enumerated() where !sheet.headers.isEmpty && !SheetWriter(sheet: sheet).fitsOnePageWide {
            filters += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">'\(xmlEscape(sheet.name.replacingOccurrences(of: "'", with: "''")))'!$1:$1</definedName>"
        }
        return Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>"
            + sheets.enumerated().map { "<sheet name=\"\(xmlEscape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets>" + (filters.isEmpty && names.isEmpty ? "" : "<definedNames>"
                + names.map { "<definedName name=\"\(xmlEscape($0.name))\">\(xmlEscape($0.reference))</definedName>" }.joined() + filters + "</definedNames>")
            + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
    }

    private var workbookRelationships: String {
        Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Styles: 0 plain, 1 bold (headers), 2 two decimals, 3 whole number, 4 bold two decimals, 5 bold text, 6 wrapped text.
    private static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/><numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"9\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}

/// One worksheet's XML: frozen header, column widths from the content, autofilter over the table.
struct SheetWriter {
    let sheet: Workbook.Sheet
    /// Each column's width in characters, measured once (a row's height depends on it).
    let widths: [Int]
    /// Columns whose texts wrap: the sheet's long-text column, and any column holding a text
    /// longer than the widest column (a partner's full name), which would be cut off in print.
    let wrapped: Set<Int>

    /// Columns are at most this many characters wide; a longer text wraps in its cell.
    static let widest = 50

    init(sheet: Workbook.Sheet) {
        self.sheet = sheet
        var wrapped = Set(sheet.wrapColumn.map { [$0] } ?? [])
        widths = (0..<sheet.headers.count).map { c in
            let (width, long) = Self.measure(sheet, column: c)
            if long { wrapped.insert(c) }
            return width
        }
        self.wrapped = wrapped
    }

    var xml: String {
        let width = sheet.headers.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(Workbook.main)\" xmlns:r=\"\(Workbook.relationships)\">"
        // Printed one page wide, as many pages long as needed, when that keeps the type readable;
        // otherwise at full size across pages, the header row repeated (see `fitsOnePageWide`).
        let fits = fitsOnePageWide
        if fits { out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        if width > 0 {
            out += "<cols>" + (0..<width).map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(widths[$0])\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        out += "<sheetData>"
        out += row(1, sheet.headers.map { Workbook.Cell.text($0) }, style: 1)
        for (i, cells) in sheet.rows.enumerated() { out += row(i + 2, cells, style: nil, bold: sheet.boldRows.contains(i)) }
        out += "</sheetData>"
        if width > 0 && sheet.filter { out += "<autoFilter ref=\"A1:\(CellReference.columnName(width))\(sheet.rows.count + 1)\"/>" }
        if !sheet.validations.isEmpty {
            out += "<dataValidations count=\"\(sheet.validations.count)\">" + sheet.validations.map { validation in
                "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(validation.range)\">"
                    + "<formula1>\(xmlEscape("\"" + validation.values.joined(separator: ",") + "\""))</formula1></dataValidation>"
            }.joined() + "</dataValidations>"
        }
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        out += fits ? "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            : "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"
        return out + "</worksheet>"
    }

    private func row(_ number: Int, _ cells: [Workbook.Cell], style: Int?, bold: Bool = false) -> String {
        var out = "<row r=\"\(number)\"\(style == nil ? height(cells).map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "" : "")>"
        let textStyle = style ?? (bold ? 5 : nil)
        let numberStyle = bold ? 4 : 2
        for (c, cell) in cells.enumerated() {
            let reference = CellReference.columnName(c + 1) + String(number)
            switch cell {
            case .empty: continue
            case .text(let text):
                let textStyle = textStyle == nil && wrapped.contains(c) ? 6 : textStyle ?? (sheet.centredColumns.contains(c) ? 8 : nil)
                out += "<c r=\"\(reference)\" t=\"inlineStr\"\(textStyle.map { " s=\"\($0)\"" } ?? "")><is><t xml:space=\"preserve\">\(xmlEscape(text))</t></is></c>"
            case .decimal(let value):
                out += value.isFinite ? "<c r=\"\(reference)\" s=\"\(numberStyle)\"><v>\(Numbers.full(value))</v></c>" : ""
            case .integer(let value):
                out += "<c r=\"\(reference)\" s=\"3\"><v>\(value)</v></c>"
            case .percent(let value):
                out += value.isFinite ? "<c r=\"\(reference)\" s=\"7\"><v>\(Numbers.full(value))</v></c>" : ""
            case .formula(let formula):
                out += "<c r=\"\(reference)\" s=\"\(numberStyle)\"><f>\(xmlEscape(formula))</f></c>"
            case .textFormula(let formula):
                out += "<c r=\"\(reference)\" t=\"str\"\(textStyle.map { " s=\"\($0)\"" } ?? "")><f>\(xmlEscape(formula))</f></c>"
            }
        }
        return out + "</row>"
    }

    /// Points of a row whose wrapped text takes more than one line (15 a line, as 11-point text
    /// needs), nil for a row of one line: spreadsheets do not grow a row for wrapped text they
    /// did not wrap themselves, and a criterion's text would be cut off or overlap the next row.
    private func height(_ cells: [Workbook.Cell]) -> Int? {
        var lines = 1
        for c in wrapped where c < cells.count {
            guard case .text(let text) = cells[c] else { continue }
            // A proportional font sets about a quarter more characters than the column's width counts.
            let width = (widths[c] - 2) * 5 / 4
            lines = max(lines, text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { $0 + max(1, ($1.count + width - 1) / width) })
        }
        return lines > 1 ? lines * 15 : nil
    }

    /// Whether the columns fit one A4 landscape page at 8 points or more (of the 11 the sheet is
    /// set in): 271 mm between the margins, a character of width about 2 mm at full size, so
    /// at most 178 characters of columns together (shrunk to 8.4 points at the most).
    var fitsOnePageWide: Bool {
        widths.reduce(0, +) <= 178
    }

    /// Characters of the widest cell in the column, within 6...50 (`widest`), and whether a text
    /// is longer than that; the sheet's long-text column is 60 wide.
    private static func measure(_ sheet: Workbook.Sheet, column c: Int) -> (width: Int, long: Bool) {
        if c == sheet.wrapColumn { return (60, true) }
        var widest = sheet.headers[c].count
        for cells in sheet.rows where c < cells.count {
            let length = switch cells[c] {
            case .text(let text): text.count
            case .decimal(let value): Numbers.fixed(value).count
            case .integer(let value): String(value).count
            case .percent(let value): Numbers.fixed(value * 100, 1).count + 1
            case .formula, .textFormula: 8
            case .empty: 0
            }
            widest = max(widest, length)
        }
        let width = max(min(max(widest + 2, 6), Self.widest), sheet.minimumWidths[c] ?? 0)
        return (width, widest + 2 > width)
    }
}

/// Text safe in XML content and attributes; characters XML cannot hold are dropped.
func xmlEscape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
