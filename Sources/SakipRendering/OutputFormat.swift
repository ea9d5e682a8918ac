import SakipCore

/// The formats every result renders to.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, csv, markdown
    /// A spreadsheet workbook: bytes, not text (see `RenderableResult.output(as:options:)`).
    case xlsx
}

/// Renders one kind of result in one format. Adding a format means adding one renderer per result.
public protocol ResultRenderer {
    associatedtype Result
    func render(_ result: Result) -> String
    /// The same text as the bytes to write. Renderers that build bytes give them as they are,
    /// rather than through a `String` and back (a copy and a UTF-8 check of every byte).
    func renderBytes(_ result: Result) -> [UInt8]
}

extension ResultRenderer {
    public func renderBytes(_ result: Result) -> [UInt8] { Array(render(result).utf8) }
}

/// JSON for any result: its `Codable` encoding, written by `JSONWriter`.
public struct JSONRenderer<Result: Encodable>: ResultRenderer {
    public init() {}

    public func render(_ result: Result) -> String { String(decoding: renderBytes(result), as: UTF8.self) }

    public func renderBytes(_ result: Result) -> [UInt8] {
        do {
            return try JSONWriter.encodeBytes(result)
        } catch {
            // Results encode only strings, numbers, booleans and containers: this cannot fail.
            preconditionFailure("encoding a result failed: \(error)")
        }
    }
}

/// How text output is laid out.
public struct RenderOptions: Sendable {
    /// Text tables fit this many columns: long names are shortened and secondary columns left to
    /// `wide` output.
    public static let width = 100

    /// Every column, names in full, whatever the width.
    public var wide: Bool
    /// How CSV is written.
    public var csvDialect: CSVDialect
    /// The language of labels in text, Markdown and workbooks.
    public var language: Language
    /// Threads a long output may be written with (0: one per processor). The bytes written
    /// never depend on it; set by the command line from `--jobs`.
    package var jobs: Int
    /// Every diagnostic, up to `Diagnostic.keptPerKind` of a kind; otherwise text and Markdown
    /// fold each kind after `Diagnostic.shownPerKind`.
    public var verbose = false

    public init(wide: Bool = false, csvDialect: CSVDialect = .standard, language: Language = .en, verbose: Bool = false) {
        self.init(wide: wide, csvDialect: csvDialect, language: language, jobs: 0, verbose: verbose)
    }

    package init(wide: Bool = false, csvDialect: CSVDialect = .standard, language: Language = .en, jobs: Int, verbose: Bool = false) {
        self.wide = wide
        self.verbose = verbose
        self.csvDialect = csvDialect
        self.language = language
        self.jobs = jobs
    }

    var labels: Labels { Labels(language) }

    /// Diagnostics as text output lists them: each kind folded unless `verbose`.
    public func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        Diagnostic.folded(diagnostics, keep: verbose ? Diagnostic.keptPerKind : Diagnostic.shownPerKind)
    }

    /// The width text tables fit: `width`, or none for `wide` output.
    var tableWidth: Int? { wide ? nil : Self.width }
}

/// A result that renders in every `OutputFormat`.
public protocol RenderableResult: Encodable, WorkbookRenderable {
    associatedtype Text: ResultRenderer where Text.Result == Self
    associatedtype CSV: ResultRenderer where CSV.Result == Self
    associatedtype Markdown: ResultRenderer where Markdown.Result == Self
    static func textRenderer(_ options: RenderOptions) -> Text
    static func csvRenderer(_ options: RenderOptions) -> CSV
    static func markdownRenderer(_ options: RenderOptions) -> Markdown
}

extension RenderableResult {
    /// The result in any format, as the bytes to write.
    public func output(as format: OutputFormat, options: RenderOptions = RenderOptions()) throws -> [UInt8] {
        switch format {
        case .xlsx: try workbook(options).data()
        case .text: Self.textRenderer(options).renderBytes(self)
        case .json: JSONRenderer<Self>().renderBytes(self)
        case .csv: Self.csvRenderer(options).renderBytes(self)
        case .markdown: Self.markdownRenderer(options).renderBytes(self)
        }
    }

    /// The result in one of the text formats; a workbook is bytes (`output(as:options:)`), so
    /// asking for `.xlsx` here is a programmer error.
    public func rendered(as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        switch format {
        case .xlsx: preconditionFailure("a workbook is bytes, not text: use output(as: .xlsx)")
        case .text: Self.textRenderer(options).render(self)
        case .json: JSONRenderer<Self>().render(self)
        case .csv: Self.csvRenderer(options).render(self)
        case .markdown: Self.markdownRenderer(options).render(self)
        }
    }
}
