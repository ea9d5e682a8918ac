/// Checks rubric files (YAML), workbook layout files (`.layout.yaml`) and reports (XML against
/// the schema and then their rubric; CSV by its columns and values; workbooks by their cells),
/// each input on its own, then the reports together as a batch job reads them: everything `rank`
/// would refuse or warn about is said here (two files for one agency-year, a report left out for
/// a refused file, weights, stages, unanswered items).
public struct ValidateRequest: Sendable {
    /// Rubric files (`.yaml`, `.yml`), layout files, report inputs, and folders of reports.
    public var sources: [InputSource]
    /// The rubric CSV reports (and XML reports naming none) are checked against.
    public var rubric: String?
    /// Where the LKE sits in workbooks that are not sakip's template and have no layout beside them.
    public var layout: WorkbookLayout?

    public init(sources: [InputSource], rubric: String? = nil, layout: WorkbookLayout? = nil) {
        self.sources = sources
        self.rubric = rubric
        self.layout = layout
    }

    public func run(rubrics: RubricCache = RubricCache()) throws(RequestError) -> ValidateResult {
        if sources.isEmpty { throw RequestError(.invalidRequest, "no files to validate") }
        if let rubric { _ = try BatchChecks.rubric(rubric, rubrics) }
        var checks: [ValidateResult.Check] = []
        var reportSources: [InputSource] = []
        for source in sources {
            if case .path(let path) = source, Self.isLayoutFile(path) {
                checks.append(Self.checkLayout(path))
            } else if case .path(let path) = source, Self.isRubricFile(path) {
                checks.append(Self.checkRubric(path))
            } else {
                reportSources.append(source)
            }
        }
        guard !reportSources.isEmpty else { return ValidateResult(checks: checks) }
        let (items, found) = InputExpansion.expand(reportSources)
        if items.isEmpty && checks.isEmpty {
            try BatchChecks.requireInputs(fileCount: 0, diagnostics: found, sources: reportSources)
        }
        checks += found.map { problem in
            problem.severity == .error
                ? ValidateResult.Check(file: problem.location.file, kind: .report, summary: nil, diagnostics: [problem])
                : ValidateResult.Check(file: problem.location.file, kind: .skipped, summary: "skipped", diagnostics: [], warnings: [problem])
        }
        let evaluator = Evaluator(options: Evaluator.Options(rubric: rubric, layout: layout), rubrics: rubrics)
        for item in items { checks.append(checkReport(item, evaluator)) }
        if items.count > 1 { checks += Self.checkTogether(items, evaluator) }
        return ValidateResult(checks: checks)
    }

    /// What only the inputs together show: two files for one agency and year, a report merged
    /// from CSV files one of which was refused. One check per file blamed.
    static func checkTogether(_ items: [InputItem], _ evaluator: Evaluator) -> [ValidateResult.Check] {
        let sources: [InputSource] = items.map { item in
            switch item {
            case .file(let path): .path(path)
            case .standardInput: .standardInput
            case .bytes(let bytes, let name): .bytes(bytes, name: name)
            }
        }
        let together = evaluator.read(sources).diagnostics.filter { [.duplicateReport, .incompleteReport].contains($0.code) }
        let files = Dictionary(grouping: together, by: \.location.file)
        return files.keys.sorted().map { file in
            ValidateResult.Check(file: file, kind: .batch, summary: nil, diagnostics: files[file]!.sorted { $0.location < $1.location })
        }
    }

    static func isLayoutFile(_ path: String) -> Bool {
        path.hasSuffix(".layout.yaml") || path.hasSuffix(".layout.yml")
    }

    static func checkLayout(_ path: String) -> ValidateResult.Check {
        do {
            let layout = try WorkbookLayout.load(path: path)
            return ValidateResult.Check(file: path, kind: .layout, summary: "workbook layout, sheet \(layout.sheet)", diagnostics: [])
        } catch {
            return ValidateResult.Check(file: path, kind: .layout, summary: nil, diagnostics: [Diagnostic(error.code, at: .wholeFile(path), error.text)])
        }
    }

    static func isRubricFile(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    static func checkRubric(_ path: String) -> ValidateResult.Check {
        do {
            let rubric = try RubricLoader.load(path: path)
            let criteria = rubric.subcomponents.reduce(0) { $0 + $1.criteria.count }
            return ValidateResult.Check(file: path, kind: .rubric, summary: "rubric \(rubric.id), \(criteria) criteria", diagnostics: [])
        } catch {
            return ValidateResult.Check(file: path, kind: .rubric, summary: nil, diagnostics: error.diagnostics)
        }
    }

    /// Reads the input once; XML must pass the schema before it is checked against its rubric.
    func checkReport(_ item: InputItem, _ evaluator: Evaluator) -> ValidateResult.Check {
        let source: SourceText
        switch item.read() {
        case .success(let text): source = text
        case .failure(let problem): return ValidateResult.Check(file: item.name, kind: .report, summary: nil, diagnostics: [problem])
        }
        if InputExpansion.format(of: source.name, bytes: source.bytes) == .xml {
            let violations = ReportSchema.validate([source])[0]
            if !violations.isEmpty { return ValidateResult.Check(file: source.name, kind: .report, summary: nil, diagnostics: violations.sorted { $0.location < $1.location }) }
        }
        let evaluation = evaluator.evaluate([.bytes(source.bytes, name: source.name)])
        let count = evaluation.cards.count
        // Unanswered criteria count 0: valid, but never silent.
        let unanswered = evaluation.cards.reduce(0) { $0 + $1.missing.count }
        let format = InputExpansion.format(of: source.name, bytes: source.bytes)
        let kind: Message = format == .xlsx ? "workbook" : "\(format.rawValue.uppercased())"
        var summary: Message = count == 1 ? "1 \(kind) report" : "\(count) \(kind) reports"
        if unanswered > 0 { summary += unanswered == 1 ? ", 1 unanswered item counted 0" : ", \(unanswered) unanswered items counted 0" }
        // What `score` and `rank` would warn about: reading, weights, consistency, stages.
        let warnings = evaluation.warnings + evaluation.cards.flatMap(\.warnings) + BatchChecks.unverified(evaluation.cards)
        return ValidateResult.Check(file: source.name, kind: .report, summary: evaluation.errors.isEmpty ? summary : nil,
                                    diagnostics: evaluation.errors.sorted { $0.location < $1.location }, warnings: warnings)
    }
}

/// One check per input, in the order given (folders expanded in place).
public struct ValidateResult: Sendable, Codable {
    public var checks: [Check]

    public var failed: Bool { checks.contains { !$0.ok } }

    public struct Check: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case rubric, report, layout
            /// A file found in a folder and not read (a spreadsheet workbook).
            case skipped
            /// What the reports show together (two files for one agency-year).
            case batch
        }

        public var file: String
        public var kind: Kind
        /// What was found when the input is valid, such as `rubric permenpanrb-88-2021, 80 criteria` or `1 report`.
        public var summary: String? { summaryText?.description }
        /// The summary as written, for a label table to translate.
        public var summaryText: Message?
        /// Every error found, in file order.
        public var diagnostics: [Diagnostic]
        /// What is valid but worth knowing: unanswered criteria (each counted 0), a skipped file.
        public var warnings: [Diagnostic] = []

        public var ok: Bool { diagnostics.isEmpty }

        init(file: String, kind: Kind, summary: Message?, diagnostics: [Diagnostic], warnings: [Diagnostic] = []) {
            self.file = file
            self.kind = kind
            summaryText = summary
            self.diagnostics = diagnostics
            self.warnings = warnings
        }

        private enum CodingKeys: String, CodingKey { case file, kind, summary, diagnostics, warnings }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(file: try container.decode(String.self, forKey: .file), kind: try container.decode(Kind.self, forKey: .kind),
                      summary: try container.decodeIfPresent(String.self, forKey: .summary).map { Message(verbatim: $0) },
                      diagnostics: try container.decode([Diagnostic].self, forKey: .diagnostics),
                      warnings: try container.decodeIfPresent([Diagnostic].self, forKey: .warnings) ?? [])
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(kind, forKey: .kind)
            try container.encodeIfPresent(summary, forKey: .summary)
            try container.encode(diagnostics, forKey: .diagnostics)
            try container.encode(warnings, forKey: .warnings)
        }
    }
}
