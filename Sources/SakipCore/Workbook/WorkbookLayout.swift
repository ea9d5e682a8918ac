import Foundation
import Yams

/// Where the LKE sits in a workbook: the sheet, the header row, and the column of each thing
/// read. sakip's own template (`sakip template`) is recognised by itself; other layouts, such as
/// a regency's KKE, are described by a small YAML file:
///
/// ```yaml
/// sheet: KKE              # the sheet holding one row per criterion
/// header_row: 6           # rows after it are read
/// code: A                 # the rubric id of the row (1, 1.1, 1.1.1)
/// answers: {self: G, final: J}  # any of self, verified, quality, final (or mandiri, verifikasi, penjaminan)
/// # or, for a checklist rubric: flags: {met: D, mandated: E, kept_1_year: F, kept_5_years: G}
/// notes: L                # optional, not scored
/// evidence: M             # optional, not scored
/// weight: F               # optional: checked against the rubric
/// weights: fractions      # points (6, 9, 15) or fractions (0.06)
/// agency: "=Identitas!C3" # a cell ("=Sheet!C3"), or the value itself
/// name: Kabupaten Contoh
/// region: Jawa Barat
/// year: "=Identitas!C5"
/// rubric: permenpanrb-88-2021
/// ```
public struct WorkbookLayout: Sendable, Hashable {
    /// How a weight column writes weights.
    public enum WeightUnit: String, Sendable, Hashable, CaseIterable {
        /// Points of the total (6 of 100).
        case points
        /// Shares of the total (0.06).
        case fractions
    }

    /// Where an identity field comes from.
    public enum Field: Sendable, Hashable {
        case value(String)
        case cell(sheet: String, CellReference)
    }

    public var sheet: String
    public var headerRow: Int
    public var code: Int
    /// The answer column of each stage (self, verified, quality, final); empty when the layout
    /// holds checklist flags only.
    public var answers: [Stage: Int]
    public var notes: Int?
    public var evidence: Int?
    public var weight: Int?
    public var weights: WeightUnit = .points
    /// For checklist rubrics: the columns of the four flags (met, mandated, kept 1 year, kept 5
    /// years), each Y/T (ya/tidak).
    public var flags: [Int]?
    /// Agency id, name, region, year and rubric, by name; sakip's template reads them from its
    /// identity sheet instead.
    public var identity: [String: Field] = [:]

    public init(sheet: String, headerRow: Int, code: Int, answers: [Stage: Int]) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.code = code
        self.answers = answers
    }

    /// The identity fields a layout may name.
    public static let identityKeys = ["agency", "name", "region", "year", "rubric"]

    /// Reads a layout file. Every mistake names the key and what was expected.
    public static func load(path: String) throws(RequestError) -> WorkbookLayout {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RequestError(.unreadable, "\(path): cannot read the workbook layout")
        }
        return try parse(text, file: path)
    }

    /// Reads a layout from YAML text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(RequestError) -> WorkbookLayout {
        do {
            try YAMLExpansion.check(text, file: file)
        } catch {
            throw RequestError(error.code, "\(error.location): \(error.text)")
        }
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch {
            throw RequestError(.invalidYAML, "\(file): not valid YAML: \(error)")
        }
        guard let map = node as? [String: Any] else {
            throw RequestError(.invalidYAML, "\(file): expected a mapping of keys (sheet, header_row, code, answers, ...)")
        }
        return try LayoutFile(file: file, map: map).layout()
    }
}

/// The keys of a layout file, checked one by one.
private struct LayoutFile {
    let file: String
    let map: [String: Any]
    static let keys = Set(["sheet", "header_row", "code", "answers", "flags", "notes", "evidence", "weight", "weights"] + WorkbookLayout.identityKeys)
    static let flagKeys = ["met", "mandated", "kept_1_year", "kept_5_years"]

    func layout() throws(RequestError) -> WorkbookLayout {
        if let unknown = map.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            throw fail(unknown, "is not a layout key; expected one of \(Self.keys.sorted().joined(separator: ", "))")
        }
        guard let sheet = map["sheet"].map({ "\($0)" }), !sheet.isEmpty else { throw fail("sheet", "is missing; expected the name of the sheet holding the LKE") }
        guard let headerRow = map["header_row"] as? Int, headerRow >= 0 else { throw fail("header_row", "expected the number of the header row (0 when there is none)") }
        let flags = try self.flags()
        let answers = map["answers"] as? [String: Any]
        if answers == nil && (map["answers"] != nil || flags == nil) {
            throw fail("answers", "expected the answer columns by stage, such as {self: G, final: J}")
        }
        var columns: [Stage: Int] = [:]
        for key in (answers ?? [:]).keys.sorted() {
            guard let stage = Stage(name: key) else { throw fail("answers", "has stage '\(key)'; \(Stage.expectation)") }
            columns[stage] = try column(answers?[key], "answers.\(key)")
        }
        if answers != nil && columns.isEmpty { throw fail("answers", "needs at least one stage's column, such as final: J") }
        var layout = WorkbookLayout(sheet: sheet, headerRow: headerRow, code: try required("code"), answers: columns)
        layout.flags = flags
        layout.notes = try column(map["notes"], "notes")
        layout.evidence = try column(map["evidence"], "evidence")
        layout.weight = try column(map["weight"], "weight")
        if let unit = map["weights"] {
            guard let parsed = WorkbookLayout.WeightUnit(rawValue: "\(unit)") else { throw fail("weights", "expected points or fractions, not '\(unit)'") }
            layout.weights = parsed
        }
        for key in WorkbookLayout.identityKeys {
            guard let value = map[key].map({ "\($0)" }) else { continue }
            layout.identity[key] = try field(value, key)
        }
        return layout
    }

    /// `flags: {met: D, mandated: E, kept_1_year: F, kept_5_years: G}`: `met` is required, the others optional.
    private func flags() throws(RequestError) -> [Int]? {
        guard let value = map["flags"] else { return nil }
        guard let flags = value as? [String: Any] else { throw fail("flags", "expected the flag columns, such as {met: D, mandated: E, kept_1_year: F, kept_5_years: G}") }
        if let key = flags.keys.sorted().first(where: { !Self.flagKeys.contains($0) }) {
            throw fail("flags", "has '\(key)'; expected \(Self.flagKeys.joined(separator: ", "))")
        }
        var columns: [Int] = []
        for key in Self.flagKeys {
            guard let column = try column(flags[key], "flags.\(key)") else {
                guard key != "met" else { throw fail("flags", "needs the met column, such as met: D") }
                columns.append(0)
                continue
            }
            columns.append(column)
        }
        return columns
    }

    private func required(_ key: String) throws(RequestError) -> Int {
        guard let column = try column(map[key], key) else { throw fail(key, "is missing; expected a column letter such as A") }
        return column
    }

    private func column(_ value: Any?, _ key: String) throws(RequestError) -> Int? {
        guard let value else { return nil }
        guard let column = CellReference.column(named: "\(value)".trimmingCharacters(in: .whitespaces)) else {
            throw fail(key, "expected a column letter such as A or M, not '\(value)'")
        }
        return column
    }

    /// `=Sheet!C3` (or `='Sheet name'!C3`) is a cell; anything else the value itself.
    private func field(_ text: String, _ key: String) throws(RequestError) -> WorkbookLayout.Field {
        guard text.hasPrefix("=") else { return .value(text) }
        let reference = text.dropFirst()
        guard let bang = reference.lastIndex(of: "!"), let cell = CellReference(reference[reference.index(after: bang)...]) else {
            throw fail(key, "expected a cell such as =Identitas!C3, not '\(text)'")
        }
        return .cell(sheet: CellReference.unquotedSheetName(String(reference[..<bang])), cell)
    }

    private func fail(_ key: String, _ message: Message) -> RequestError {
        RequestError(.invalidRequest, "\(file): '\(key)' \(message)")
    }
}
