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

        public init(rubric: String? = nil, strict: Bool = false, jobs: Int = 0) {
            self.rubric = rubric
            self.strict = strict
            self.jobs = jobs
        }
    }

    public let options: Options
    public let rubrics: RubricCache

    public init(options: Options = Options(), rubrics: RubricCache = RubricCache()) {
        self.options = options
        self.rubrics = rubrics
    }

    /// Reads every file (concurrently, results kept in input order). One file's failure never
    /// loses another's reports.
    public func read(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> ReadResult {
        let (files, missing) = InputFiles.expand(paths)
        let parsed = Self.parallelMap(files, jobs: options.jobs, progress: progress) { ReportReader.read(path: $0, defaultRubric: options.rubric) }
        var result = ReadResult(reports: [], diagnostics: missing, fileCount: files.count)
        var fragmentIndex: [ReportKey: Int] = [:]
        var rejected = Set<ReportKey>()
        var directory: [String: AgencyInfo] = [:]
        for file in parsed {
            result.diagnostics += file.diagnostics
            rejected.formUnion(file.rejected)
            for info in file.directory where directory[info.agency] == nil { directory[info.agency] = info }
            for report in file.reports {
                let key = ReportKey(report)
                if file.isFragmentary, let i = fragmentIndex[key] {
                    result.reports[i].absorb(report)
                    continue
                }
                if file.isFragmentary { fragmentIndex[key] = result.reports.count }
                result.reports.append(report)
            }
        }
        if !rejected.isEmpty { result.reports.removeAll { rejected.contains(ReportKey($0)) } }
        for i in result.reports.indices {
            guard let info = directory[result.reports[i].agency] else { continue }
            if result.reports[i].name == nil { result.reports[i].name = info.name }
            if result.reports[i].region == nil { result.reports[i].region = info.region }
        }
        let (duplicated, diagnostics) = Self.duplicates(result.reports.map { (ReportKey($0), $0.origin) })
        if !duplicated.isEmpty {
            result.diagnostics += diagnostics
            result.reports.removeAll { duplicated.contains(ReportKey($0)) }
        }
        return result
    }

    /// Reads and scores. Reports that fail to score are errors; the rest are scored in input order.
    /// Gives exactly what `score(read(paths))` gives, but scores each XML report in the same worker,
    /// right after its file is parsed, and keeps only its score card: less memory, warmer caches.
    public func evaluate(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Evaluation {
        let (files, missing) = InputFiles.expand(paths)
        let scorers = ScorerCache(rubrics: rubrics, options: options)
        let parsed = Self.parallelMap(files, jobs: options.jobs, progress: progress) { path -> ParsedFile in
            var file = ReportReader.read(path: path, defaultRubric: options.rubric)
            guard !file.isFragmentary else { return ParsedFile(file: file, scored: []) }
            let scored = file.reports.map { report in
                ScoredReport(key: ReportKey(report), origin: report.origin, outcome: scorers.score(report))
            }
            file.reports = []
            return ParsedFile(file: file, scored: scored)
        }

        // The same order and merging as `read`: whole reports where they stand, CSV fragments at
        // their first appearance.
        enum Entry {
            case scored(ScoredReport)
            case fragment(Int)
        }
        var entries: [Entry] = []
        var fragments: [Report] = []
        var fragmentIndex: [ReportKey: Int] = [:]
        var rejected = Set<ReportKey>()
        var directory: [String: AgencyInfo] = [:]
        var diagnostics = missing
        for parsedFile in parsed {
            let file = parsedFile.file
            diagnostics += file.diagnostics
            rejected.formUnion(file.rejected)
            for info in file.directory where directory[info.agency] == nil { directory[info.agency] = info }
            for scored in parsedFile.scored { entries.append(.scored(scored)) }
            for report in file.reports {
                let key = ReportKey(report)
                if let i = fragmentIndex[key] {
                    fragments[i].absorb(report)
                } else {
                    fragmentIndex[key] = fragments.count
                    entries.append(.fragment(fragments.count))
                    fragments.append(report)
                }
            }
        }
        for i in fragments.indices {
            guard let info = directory[fragments[i].agency] else { continue }
            if fragments[i].name == nil { fragments[i].name = info.name }
            if fragments[i].region == nil { fragments[i].region = info.region }
        }
        func key(_ entry: Entry) -> ReportKey {
            switch entry {
            case .scored(let scored): scored.key
            case .fragment(let i): ReportKey(fragments[i])
            }
        }
        if !rejected.isEmpty { entries.removeAll { rejected.contains(key($0)) } }
        let (duplicated, duplicateErrors) = Self.duplicates(entries.map { entry in
            switch entry {
            case .scored(let scored): (scored.key, scored.origin)
            case .fragment(let i): (ReportKey(fragments[i]), fragments[i].origin)
            }
        })
        diagnostics += duplicateErrors
        if !duplicated.isEmpty { entries.removeAll { duplicated.contains(key($0)) } }

        let fragmentOutcomes = Self.parallelMap(entries.compactMap { if case .fragment(let i) = $0 { fragments[i] } else { nil } },
                                                jobs: options.jobs, progress: nil) { scorers.score($0) }
        var evaluation = Evaluation(cards: [], errors: diagnostics.filter { $0.severity == .error },
                                    warnings: diagnostics.filter { $0.severity == .warning }, fileCount: files.count)
        var nextFragment = 0
        for entry in entries {
            let outcome: Result<ScoreCard, DiagnosticList>
            switch entry {
            case .scored(let scored): outcome = scored.outcome
            case .fragment:
                outcome = fragmentOutcomes[nextFragment]
                nextFragment += 1
            }
            switch outcome {
            case .success(var card):
                if let info = directory[card.agency] {
                    if card.name == nil { card.name = info.name }
                    if card.region == nil { card.region = info.region }
                }
                evaluation.cards.append(card)
            case .failure(let list): evaluation.errors += list.diagnostics
            }
        }
        return evaluation
    }

    public func score(_ read: ReadResult) -> Evaluation {
        let scorers = ScorerCache(rubrics: rubrics, options: options)
        let outcomes = Self.parallelMap(read.reports, jobs: options.jobs, progress: nil) { scorers.score($0) }
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
    static func duplicates(_ reports: [(key: ReportKey, origin: SourcePosition)]) -> (keys: Set<ReportKey>, diagnostics: [Diagnostic]) {
        var first: [ReportKey: SourcePosition] = [:]
        var keys = Set<ReportKey>()
        var diagnostics: [Diagnostic] = []
        for (key, origin) in reports {
            if let earlier = first[key] {
                keys.insert(key)
                diagnostics.append(Diagnostic(at: origin.resolve(),
                    "second report for agency '\(key.agency)', year \(key.year); the first is at \(earlier.resolve()); neither is scored"))
            } else {
                first[key] = origin
            }
        }
        return (keys, diagnostics)
    }

    /// Maps in parallel with at most `jobs` workers, keeping input order.
    static func parallelMap<T: Sendable, R: Sendable>(
        _ items: [T], jobs: Int, progress: (@Sendable (Int, Int) -> Void)?, _ transform: @Sendable (T) -> R
    ) -> [R] {
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, items.count))
        if workers == 1 {
            return items.enumerated().map { i, item in
                defer { progress?(i + 1, items.count) }
                return transform(item)
            }
        }
        let slots = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < items.count else { return }
                let value = transform(items[i])
                slots.withLock { $0[i] = value }
                let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                progress?(finished, items.count)
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}

/// One scorer per rubric reference, built by the first worker that needs it.
final class ScorerCache: Sendable {
    private let rubrics: RubricCache
    private let options: Evaluator.Options
    private let scorers = Mutex<[String: Result<Scorer, any Error>]>([:])

    init(rubrics: RubricCache, options: Evaluator.Options) {
        self.rubrics = rubrics
        self.options = options
    }

    func score(_ report: Report) -> Result<ScoreCard, DiagnosticList> {
        let reference = options.rubric ?? report.rubric ?? RubricCatalog.defaultRubricID
        let prepared: Result<Scorer, any Error>
        if let cached = scorers.withLock({ $0[reference] }) {
            prepared = cached
        } else {
            let built = Result { Scorer(rubric: try rubrics.rubric(reference), strict: options.strict) }
            prepared = scorers.withLock { cache in
                if let raced = cache[reference] { return raced }
                cache[reference] = built
                return built
            }
        }
        switch prepared {
        case .success(let scorer):
            return Result { () throws(DiagnosticList) in try scorer.score(report) }
        case .failure(let error):
            // A rubric file's own errors keep their locations; other errors are plain messages.
            let reason = switch error {
            case let located as Diagnostic: located.description
            case let list as DiagnosticList: list.description
            default: "\(error)"
            }
            return .failure(DiagnosticList([Diagnostic(at: report.origin, "cannot use rubric '\(reference)': \(reason)")]))
        }
    }
}

/// A whole (XML) report scored as soon as its file was read.
struct ScoredReport: Sendable {
    var key: ReportKey
    var origin: SourcePosition
    var outcome: Result<ScoreCard, DiagnosticList>
}

/// One file's reading, with its whole reports already scored (fragments wait for merging).
struct ParsedFile: Sendable {
    var file: ReportFile
    var scored: [ScoredReport]
}

/// The reports read from all inputs, and what went wrong reading them.
public struct ReadResult: Sendable {
    public var reports: [Report]
    public var diagnostics: [Diagnostic]
    public var fileCount: Int

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Every scored report, in input order, and every error and warning of the run.
public struct Evaluation: Sendable {
    public var cards: [ScoreCard]
    public var errors: [Diagnostic]
    /// Warnings from reading (per-report scoring warnings are on each card).
    public var warnings: [Diagnostic]
    public var fileCount: Int
}

/// Agency and year: what identifies a report in a batch.
public struct ReportKey: Sendable, Hashable {
    public var agency: String
    public var year: Int

    public init(_ report: Report) {
        self.init(agency: report.agency, year: report.year)
    }

    public init(_ card: ScoreCard) {
        self.init(agency: card.agency, year: card.year)
    }

    public init(agency: String, year: Int) {
        self.agency = agency
        self.year = year
    }
}

