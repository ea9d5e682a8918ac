import Dispatch
import Foundation
import Synchronization

/// Reads report files and scores every report in them: the shared engine behind
/// `score`, `rank`, `compare` and `sensitivity`.
public struct Evaluator: Sendable {
    public struct Options: Sendable {
        /// Rubric id or path used for every report, overriding what reports name; also the rubric of CSV input.
        public var rubric: String?
        public var strict: Bool
        /// Files read at once; 0 means one per processor.
        public var jobs: Int
        /// False when nothing will show the score cards' warnings, notes or evidence: they are
        /// then not built (errors always are). The ranking, comparison and sensitivity jobs
        /// show none.
        package var keepsWarnings: Bool
        /// False when nothing will show the cards' indicators one by one (a ranking shows only
        /// their mean): each card then keeps the mean and the efficiency, not the list, and a
        /// batch of thousands holds that much less.
        package var keepsIndicators = true
        /// Where the LKE sits in workbooks other than sakip's own template (see `WorkbookLayout`).
        public var layout: WorkbookLayout?

        public init(rubric: String? = nil, strict: Bool = false, jobs: Int = 0, layout: WorkbookLayout? = nil) {
            self.init(rubric: rubric, strict: strict, jobs: jobs, keepsWarnings: true, layout: layout)
        }

        /// With `keepsWarnings` false, as the jobs that show no card's warnings or notes ask.
        package init(rubric: String? = nil, strict: Bool = false, jobs: Int = 0, keepsWarnings: Bool, layout: WorkbookLayout? = nil) {
            self.rubric = rubric
            self.layout = layout
            self.strict = strict
            self.jobs = jobs
            self.keepsWarnings = keepsWarnings
        }
    }

    public let options: Options
    public let rubrics: RubricCache

    public init(options: Options = Options(), rubrics: RubricCache = RubricCache()) {
        self.options = options
        self.rubrics = rubrics
    }

    /// Reads and scores the files and folders at these paths; see `evaluate(_:progress:)`.
    public func evaluate(paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Evaluation {
        evaluate(paths.map(InputSource.path), progress: progress)
    }

    /// Reads the files and folders at these paths; see `read(_:progress:)`.
    public func read(paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> ReadResult {
        read(paths.map(InputSource.path), progress: progress)
    }

    /// Reads every file (concurrently, results kept in input order). One file's failure never
    /// loses another's reports.
    public func read(_ sources: [InputSource], progress: (@Sendable (Int, Int) -> Void)? = nil) -> ReadResult {
        let (files, problems) = InputExpansion.expand(sources)
        let parsed = Parallel.map(files, jobs: options.jobs, progress: progress) { item in
            ParsedFile(file: ReportReader.read(item, defaultRubric: options.rubric, layout: options.layout, jobs: options.jobs,
                                               placing: nil, remarks: options.keepsWarnings), scored: [])
        }
        let assembly = Self.assemble(parsed, problems: problems)
        let reports = assembly.entries.map { entry -> Report in
            guard case .report(let i) = entry else { preconditionFailure("read() scores nothing") }
            return assembly.reports[i]
        }
        return ReadResult(reports: reports, diagnostics: assembly.diagnostics, fileCount: files.count)
    }

    /// Reads and scores. Reports that fail to score are errors; the rest are scored in input order.
    /// Gives exactly what `score(read(paths))` gives, but scores each XML report in the same worker,
    /// right after its file is parsed, and keeps only its score card: less memory, warmer caches.
    public func evaluate(_ sources: [InputSource], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Evaluation {
        let scorers = ScorerCache(rubrics: rubrics, options: options)
        if options.jobs != 1 { scorers.prepareInBackground() }
        let (files, problems) = InputExpansion.expand(sources)
        // Taken out once: read from `options` in the closure, the layout was copied for every file.
        let (rubric, layout, jobs) = (options.rubric, options.layout, options.jobs)
        let parsed = Parallel.map(files, jobs: jobs, progress: progress) { item -> ParsedFile in
            // XML and CSV answers are placed on the rubric as they are read (see `AnswerPlacement`).
            var file = ReportReader.read(item, defaultRubric: rubric, layout: layout, jobs: jobs,
                                         placing: { scorers.placement(named: $0) }, remarks: options.keepsWarnings)
            guard !file.isFragmentary else { return ParsedFile(file: file, scored: []) }
            // Only resolved locations leave this worker, so the input's bytes are freed with its reports.
            let scored = file.reports.map { report in
                let key = ReportKey(report)
                return ScoredReport(key: key, origin: report.origin.location, outcome: scorers.score(report), keyHash: key.hashValue)
            }
            file.reports = []
            return ParsedFile(file: file, scored: scored)
        }
        let assembly = Self.assemble(parsed, problems: problems)
        // Reports not scored yet (merged CSV fragments) are scored now, in parallel.
        let pending = assembly.entries.compactMap { entry -> Report? in
            if case .report(let i) = entry { assembly.reports[i] } else { nil }
        }
        let outcomes = Parallel.map(pending, jobs: options.jobs, progress: nil) { scorers.score($0) }
        var evaluation = Evaluation(cards: [], errors: assembly.diagnostics.filter { $0.severity == .error },
                                    warnings: assembly.diagnostics.filter { $0.severity == .warning }, fileCount: files.count)
        evaluation.cards.reserveCapacity(assembly.entries.count)
        var next = 0
        for entry in assembly.entries {
            let outcome: Result<ScoreCard, DiagnosticList>
            switch entry {
            case .scored(let i): outcome = assembly.scored[i].outcome
            case .report:
                outcome = outcomes[next]
                next += 1
            }
            switch outcome {
            case .success(var card):
                if let info = assembly.directory[card.agency] {
                    if card.name == nil { card.name = info.name }
                    if card.region == nil { card.region = info.region }
                }
                evaluation.cards.append(card)
            case .failure(let list): evaluation.errors += list.diagnostics
            }
        }
        return evaluation
    }

    /// Every report of a run, in input order: whole reports where they stand (already scored, or
    /// not), CSV fragments merged at their first appearance, agency-years rejected by a bad row
    /// and duplicated agency-years left out, names and regions filled from agencies files.
    private struct Assembly {
        enum Entry {
            /// An index into `scored`.
            case scored(Int)
            /// An index into `reports`.
            case report(Int)
        }

        var entries: [Entry] = []
        var scored: [ScoredReport] = []
        var reports: [Report] = []
        var directory: [String: AgencyInfo] = [:]
        var diagnostics: [Diagnostic]
    }

    /// The folder part of a path (`a/b/answers.csv` is `a/b`; a bare name's is empty).
    private static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    private static func assemble(_ parsed: [ParsedFile], problems: [Diagnostic]) -> Assembly {
        var assembly = Assembly(diagnostics: problems)
        // Every file's record is read in place, by index: a copy (as `for file in parsed` or
        // `reduce` make) would retain and release each of its fields, on cache lines the
        // workers that built them last wrote.
        var reportCount = 0, scoredCount = 0
        for p in parsed.indices {
            reportCount += parsed[p].file.reports.count
            scoredCount += parsed[p].scored.count
        }
        // Reserved, not grown: growing copies every entry and report into fresh pages.
        assembly.entries.reserveCapacity(reportCount + scoredCount)
        assembly.scored.reserveCapacity(scoredCount)
        assembly.reports.reserveCapacity(reportCount)
        var fragmentIndex: [ReportKey: Int] = [:]
        var rejected = Set<ReportKey>()
        /// The file that refused each rejected agency-year, and the folders of files refused whole
        /// whose agencies could not be read back.
        var rejectedBy: [ReportKey: String] = [:]
        var refusedFolders: [String: String] = [:]
        for p in parsed.indices {
            if !parsed[p].file.diagnostics.isEmpty { assembly.diagnostics += parsed[p].file.diagnostics }
            if !parsed[p].file.rejected.isEmpty {
                rejected.formUnion(parsed[p].file.rejected)
                for key in parsed[p].file.rejected where rejectedBy[key] == nil { rejectedBy[key] = parsed[p].file.file }
            }
            if parsed[p].file.refusedWhole, parsed[p].file.rejected.isEmpty, refusedFolders[folder(of: parsed[p].file.file)] == nil {
                refusedFolders[folder(of: parsed[p].file.file)] = parsed[p].file.file
            }
            for info in parsed[p].file.directory where assembly.directory[info.agency] == nil { assembly.directory[info.agency] = info }
            for s in parsed[p].scored.indices {
                assembly.entries.append(.scored(assembly.scored.count))
                assembly.scored.append(parsed[p].scored[s])
            }
            guard !parsed[p].file.reports.isEmpty else { continue }
            let file = parsed[p].file
            for report in file.reports {
                let key = ReportKey(report)
                if file.isFragmentary, let i = fragmentIndex[key] {
                    assembly.reports[i].absorb(report)
                    continue
                }
                if file.isFragmentary { fragmentIndex[key] = assembly.reports.count }
                assembly.entries.append(.report(assembly.reports.count))
                assembly.reports.append(report)
            }
        }
        for i in assembly.reports.indices {
            guard let info = assembly.directory[assembly.reports[i].agency] else { continue }
            if assembly.reports[i].name == nil { assembly.reports[i].name = info.name }
            if assembly.reports[i].region == nil { assembly.reports[i].region = info.region }
        }
        // Copies, so that `place` reads no part of `assembly` while its entries are being removed.
        let (reports, scored) = (assembly.reports, assembly.scored)
        func place(_ entry: Assembly.Entry) -> (key: ReportKey, origin: SourceLocation) {
            switch entry {
            case .scored(let i): (scored[i].key, scored[i].origin)
            case .report(let i): (ReportKey(reports[i]), reports[i].origin.location)
            }
        }
        // A report merged from CSV files is ranked only when every file it is made from was read.
        if !refusedFolders.isEmpty {
            for (key, i) in fragmentIndex where !rejected.contains(key) {
                if let refused = refusedFolders[folder(of: reports[i].origin.file)] {
                    rejected.insert(key)
                    rejectedBy[key] = refused
                }
            }
        }
        if !rejected.isEmpty {
            var leftOut: [(key: ReportKey, origin: SourceLocation)] = []
            assembly.entries.removeAll { entry in
                let placed = place(entry)
                guard rejected.contains(placed.key) else { return false }
                leftOut.append(placed)
                return true
            }
            for (key, origin) in leftOut {
                let file = rejectedBy[key] ?? ""
                assembly.diagnostics.append(Diagnostic(.incompleteReport, at: origin,
                    "the report of \(key.agency) for \(key.year) is left out: \(file), one of the files it is made from, was refused, and no score is given from part of a report",
                    notes: [Diagnostic.Note("the refused file", at: .wholeFile(file))]))
            }
        }
        // Equal keys hash alike: when no two entries' hashes match (nearly always), no report
        // repeats another, and no key or location is copied or compared. Whole reports' hashes
        // were taken by the workers that scored them.
        var hashes = Set<Int>(minimumCapacity: assembly.entries.count)
        let mayRepeat = !assembly.entries.allSatisfy { entry in
            switch entry {
            case .scored(let i): hashes.insert(scored[i].keyHash).inserted
            case .report(let i): hashes.insert(ReportKey(reports[i]).hashValue).inserted
            }
        }
        guard mayRepeat else { return assembly }
        let (duplicated, duplicateErrors) = duplicates(assembly.entries.map(place))
        assembly.diagnostics += duplicateErrors
        if !duplicated.isEmpty { assembly.entries.removeAll { duplicated.contains(place($0).key) } }
        return assembly
    }

    public func score(_ read: ReadResult) -> Evaluation {
        let scorers = ScorerCache(rubrics: rubrics, options: options)
        let outcomes = Parallel.map(read.reports, jobs: options.jobs, progress: nil) { scorers.score($0) }
        var evaluation = Evaluation(cards: [], errors: read.errors, warnings: read.warnings, fileCount: read.fileCount)
        for outcome in outcomes {
            switch outcome {
            case .success(let card): evaluation.cards.append(card)
            case .failure(let list): evaluation.errors += list.diagnostics
            }
        }
        return evaluation
    }

    /// Two reports for the same agency and year: an error naming both places; neither is scored,
    /// since picking one would silently drop the other.
    static func duplicates(_ reports: [(key: ReportKey, origin: SourceLocation)]) -> (keys: Set<ReportKey>, diagnostics: [Diagnostic]) {
        var first: [ReportKey: SourceLocation] = [:]
        first.reserveCapacity(reports.count)
        var keys = Set<ReportKey>()
        var diagnostics: [Diagnostic] = []
        for (key, origin) in reports {
            // One lookup per report: stored at once, and the first put back on the rare repeat.
            guard let earlier = first.updateValue(origin, forKey: key) else { continue }
            first[key] = earlier
            keys.insert(key)
            diagnostics.append(Diagnostic(.duplicateReport, at: origin,
                "second report for agency '\(key.agency)', year \(key.year); neither is scored",
                notes: [Diagnostic.Note("the first report for agency '\(key.agency)', year \(key.year)", at: earlier)]))
        }
        return (keys, diagnostics)
    }
}

/// A whole (XML) report scored as soon as its file was read.
struct ScoredReport: Sendable {
    var key: ReportKey
    var origin: SourceLocation
    var outcome: Result<ScoreCard, DiagnosticList>
    /// `key.hashValue`, taken by the worker, for the run's duplicate check.
    var keyHash: Int
}

/// One file's reading, with its whole reports already scored (fragments wait for merging).
struct ParsedFile: Sendable {
    var file: ReportFile
    var scored: [ScoredReport]
}
