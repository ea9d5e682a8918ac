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
                    result.reports[i].answers += report.answers
                    result.reports[i].checklist += report.checklist
                    result.reports[i].indicators += report.indicators
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
        let (duplicated, diagnostics) = Self.duplicates(result.reports)
        if !duplicated.isEmpty {
            result.diagnostics += diagnostics
            result.reports.removeAll { duplicated.contains(ReportKey($0)) }
        }
        return result
    }

    /// Reads and scores. Reports that fail to score are errors; the rest are scored in input order.
    public func evaluate(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Evaluation {
        let read = read(paths, progress: progress)
        return score(read)
    }

    public func score(_ read: ReadResult) -> Evaluation {
        // One scorer per rubric, built before the workers start.
        var scorers: [String: Result<Scorer, any Error>] = [:]
        for report in read.reports {
            let reference = options.rubric ?? report.rubric ?? RubricCatalog.defaultRubricID
            if scorers[reference] == nil {
                scorers[reference] = Result { Scorer(rubric: try rubrics.rubric(reference), strict: options.strict) }
            }
        }
        let prepared = scorers
        let outcomes = Self.parallelMap(read.reports, jobs: options.jobs, progress: nil) { report -> Result<ScoreCard, DiagnosticList> in
            let reference = options.rubric ?? report.rubric ?? RubricCatalog.defaultRubricID
            switch prepared[reference]! {
            case .success(let scorer):
                return Result { () throws(DiagnosticList) in try scorer.score(report) }
            case .failure(let error):
                let reason = error.asDiagnostics(file: reference).map(\.description).joined(separator: "; ")
                return .failure(DiagnosticList([Diagnostic(at: report.origin, "cannot use rubric '\(reference)': \(reason)")]))
            }
        }
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
    static func duplicates(_ reports: [Report]) -> (keys: Set<ReportKey>, diagnostics: [Diagnostic]) {
        var first: [ReportKey: Report] = [:]
        var keys = Set<ReportKey>()
        var diagnostics: [Diagnostic] = []
        for report in reports {
            let key = ReportKey(report)
            if let earlier = first[key] {
                keys.insert(key)
                diagnostics.append(Diagnostic(at: report.origin.resolve(),
                    "second report for agency '\(report.agency)', year \(report.year); the first is at \(earlier.origin.resolve()); neither is scored"))
            } else {
                first[key] = report
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

