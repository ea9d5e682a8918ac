/// A comparative ranking of many reports, with year-over-year movement.
///
/// The year ranked is `year`, or the latest in the inputs. Movement is measured against
/// `previous` (its latest year before the ranked one) or, when `previous` is empty, against the
/// year just before in the same inputs.
public struct RankRequest: Sendable {
    public var inputs: InputSelection
    /// Reports of an earlier year to measure movement against.
    public var previous: [InputSource]
    public var year: Int?
    public var by: RankKey
    /// Only agencies of this region (compared case-insensitively).
    public var region: String?
    /// Only the first `top` rows; the summary still covers every ranked report.
    public var top: Int?
    /// Rank by this stage's scores (reports without it are left out, with a warning); nil for
    /// each report's scored stage (final, else its latest).
    public var stage: Stage?
    /// Reports scored before this stage (their later stages unanswered) are left out, each with
    /// an error; nil ranks them at the stage they have, each with a warning and marked.
    public var requiredStage: Stage?

    public init(inputs: InputSelection, previous: [InputSource] = [], year: Int? = nil, by: RankKey = .total, region: String? = nil, top: Int? = nil) {
        self.inputs = inputs
        self.previous = previous
        self.year = year
        self.by = by
        self.region = region
        self.top = top
    }

    /// Refuses values no run could use, before anything is read.
    public func validate() throws(RequestError) {
        try inputs.validate()
        if let top, top < 1 { throw RequestError(.invalidRequest, "\(field: "top") must be at least 1, not \(top)") }
    }

    /// Reads, scores and ranks the inputs.
    /// - Parameter progress: called with the files read so far and their number.
    public func run(rubrics: RubricCache = RubricCache(), progress: (@Sendable (Int, Int) -> Void)? = nil) throws(RequestError) -> RankResult {
        try run(rubrics: rubrics, progress: progress, leftovers: nil)
    }

    /// - Parameter leftovers: where the inputs' score cards go once ranked, for the command line
    ///   to release after writing the result (a speed matter of one process, not the library's
    ///   API); without it they are let go on a worker at once.
    package func run(rubrics: RubricCache = RubricCache(), progress: (@Sendable (Int, Int) -> Void)? = nil,
                     leftovers: Leftovers?) throws(RequestError) -> RankResult {
        try validate()
        if let rubric = inputs.options.rubric { _ = try BatchChecks.rubric(rubric, rubrics) }
        var options = inputs.options
        options.keepsWarnings = false  // a ranking shows no card's warnings,
        options.keepsIndicators = false  // and of its indicators only their mean
        let evaluator = Evaluator(options: options, rubrics: rubrics)
        let evaluation = evaluator.evaluate(inputs.sources, progress: progress)
        try BatchChecks.requireInputs(fileCount: evaluation.fileCount, diagnostics: evaluation.errors + evaluation.warnings, sources: inputs.sources)
        let earlier = previous.isEmpty ? nil : evaluator.evaluate(previous)
        if let earlier {
            try BatchChecks.requireInputs(fileCount: earlier.fileCount, diagnostics: earlier.errors + earlier.warnings, sources: previous)
        }
        let result: RankResult
        do throws(RequestError) {
            result = try rank(evaluation, earlier: earlier, rubrics: rubrics)
        } catch {
            throw error.explained(by: evaluation.errors + (earlier?.errors ?? []))
        }
        if let leftovers {
            leftovers.keep(consume evaluation)
            leftovers.keep(consume earlier)
        } else {
            releaseInBackground(consume evaluation, jobs: options.jobs)
            releaseInBackground(consume earlier, jobs: options.jobs)
        }
        return result
    }

    /// The ranking of inputs already read and scored (`Evaluator.score`), with the previous
    /// inputs' if any: what `run` does after reading, for a caller that keeps score cards
    /// between rankings (the service scores an agency when its answers change, not per ranking).
    /// `inputs.sources` and `previous` are not read.
    public func rank(_ evaluation: Evaluation, earlier: Evaluation? = nil, rubrics: RubricCache = RubricCache()) throws(RequestError) -> RankResult {
        var evaluation = evaluation, earlier = earlier
        var stageWarnings: [Diagnostic] = []
        if let stage {
            (evaluation, stageWarnings) = evaluation.at(stage, rubrics: rubrics, rubric: inputs.options.rubric)
            earlier = earlier?.at(stage, rubrics: rubrics, rubric: inputs.options.rubric).evaluation
            if evaluation.cards.isEmpty { throw RequestError(.nothingToDo, "no report has answers at stage \(stage.rawValue)") }
        }
        let wantedRegion = region?.lowercased()
        func inRegion(_ card: ScoreCard) -> Bool { wantedRegion == nil || card.region?.lowercased() == wantedRegion }
        let rankedYear = try BatchChecks.year(year, in: evaluation.cards)
        let yearWarnings = year == nil ? Self.fewInLatestYear(evaluation.cards, ranked: rankedYear) : []
        if region != nil { try BatchChecks.region(region, in: evaluation.cards.filter { $0.year == rankedYear }) }
        var current = evaluation.cards.keeping { $0.year == rankedYear && inRegion($0) }
        var stageErrors: [Diagnostic] = []
        if stage == nil {
            let asked = requiredStage
            // Each rubric's own requirement, looked up once per rubric, not per card.
            let byRubric = Dictionary(Set(current.map(\.rubricID)).map { ($0, rubrics.loaded(id: $0)?.requiredStage) }, uniquingKeysWith: { a, _ in a })
            (current, stageErrors) = BatchChecks.requiring({ card in
                asked.map { ($0, false) } ?? byRubric[card.rubricID].flatMap { $0 }.map { ($0, true) }
            }, current)
        }
        try BatchChecks.component(by, in: current)
        let pool = (earlier ?? evaluation).cards.keeping(inRegion)
        let previousYear = rankedYear.flatMap { Self.previousYear(before: $0, in: pool, separate: earlier != nil) }
        let entries = Ranking.rank(current, by: by, previous: previousYear == nil ? [] : pool.filter { $0.year == previousYear },
                                   jobs: inputs.options.jobs)

        let rubricID = Self.mostCommon(current.map(\.rubricID))
        let rubric = try? rubrics.rubric(inputs.options.rubric ?? rubricID ?? RubricCatalog.defaultRubricID)
        let errors = evaluation.errors + (earlier?.errors ?? []) + stageErrors
        let rankedCards = entries.map(\.card)
        let warnings = evaluation.warnings + yearWarnings + stageWarnings + (stage == nil ? BatchChecks.unverified(rankedCards) : []) + BatchChecks.unanswered(rankedCards)
        let shown = entries.prefix(top ?? entries.count)
        let (by, measured) = (by, previousYear != nil)
        // The rows and the summary read the same ranked cards and nothing of each other.
        let (rankings, summary) = concurrently(jobs: inputs.options.jobs, {
            var rankings: [RankResult.Entry] = []
            rankings.reserveCapacity(shown.count)
            for i in shown.indices { rankings.append(RankResult.Entry(shown[i], by: by, measured: measured)) }
            return rankings
        }, { RankResult.Summary(RankingSummary(cards: rankedCards, rubric: rubric)) })
        var result = RankResult(
            rubric: rubricID, year: rankedYear, previousYear: previousYear, by: by.description,
            rankings: rankings, summary: summary,
            errors: errors, warnings: warnings, components: Self.componentLabels(current))
        result.stage = stage?.rawValue
        return result
    }

    /// A warning when the year ranked (the latest in the inputs, none being asked for) holds fewer
    /// reports than an earlier one: a workbook of next year in this year's folder would otherwise
    /// make its year the one ranked, and this year's reports the previous ones, without a word.
    static func fewInLatestYear(_ cards: [ScoreCard], ranked: Int?) -> [Diagnostic] {
        guard let ranked else { return [] }
        var counts: [Int: Int] = [:]
        for card in cards { counts[card.year, default: 0] += 1 }
        guard let (busiest, most) = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), busiest != ranked,
              let first = cards.first(where: { $0.year == ranked }) else { return [] }
        let held = counts[ranked] ?? 0
        return [Diagnostic(.yearRanked, .warning, at: first.origin,
            held == 1
                ? "ranking \(ranked), the latest year in the inputs, which only 1 report holds (this one first); \(most) reports are of \(busiest): choose the year to rank if \(ranked) is a mistake"
                : "ranking \(ranked), the latest year in the inputs, which only \(held) reports hold (this one first); \(most) reports are of \(busiest): choose the year to rank if \(ranked) is a mistake")]
    }

    /// The year movement is measured against: with separate previous inputs, their latest year
    /// before `year`; within the same inputs, exactly the year before.
    static func previousYear(before year: Int, in cards: [ScoreCard], separate: Bool) -> Int? {
        let earlierYears = cards.map(\.year).filter { $0 < year }
        return separate ? earlierYears.max() : (earlierYears.contains(year - 1) ? year - 1 : nil)
    }

    /// Each component's name, from the first ranked report that has it.
    static func componentLabels(_ cards: [ScoreCard]) -> [RankResult.ComponentLabel] {
        var labels: [RankResult.ComponentLabel] = []
        for card in cards.indices {
            for c in cards[card].components.indices {
                let id = cards[card].components[c].id
                // Cards of one rubric repeat the first card's components: looked for in place first.
                if c < labels.count && labels[c].id == id || labels.contains(where: { $0.id == id }) { continue }
                let component = cards[card].components[c]
                labels.append(RankResult.ComponentLabel(id: id, name: component.name, weight: component.weight))
            }
        }
        return labels
    }

    /// The most frequent value; ties go to the smallest, so the choice is deterministic.
    static func mostCommon(_ values: [String]) -> String? {
        // Nearly always one rubric for the whole ranking: no counting, no hashing.
        if let first = values.first, values.allSatisfy({ $0 == first }) { return first }
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

/// A ranking: one entry per ranked report, best first, and a summary of all of them.
public struct RankResult: Sendable, Codable {
    /// The rubric most ranked reports use.
    public var rubric: String?
    public var year: Int?
    /// The year movement is measured against, if any.
    public var previousYear: Int?
    /// `score` or `component:ID`.
    public var by: String
    public var rankings: [Entry]
    public var summary: Summary
    public var errors: [Diagnostic]
    /// Files skipped, and each ranked report with unanswered items (counted 0).
    public var warnings: [Diagnostic]
    /// The components' ids, names and weights, in the order the ranked reports' rubrics list them.
    public var components: [ComponentLabel]
    /// The stage ranked by (`--stage`); nil for each report's scored stage.
    public var stage: String?

    /// Component ids, in the same order.
    public var componentIDs: [String] { components.map(\.id) }

    public struct ComponentLabel: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var weight: Double
    }

    private enum CodingKeys: String, CodingKey {
        case rubric, year, previousYear = "previous_year", by, stage, components, rankings, summary, errors, warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(rubric, forKey: .rubric)
        try container.encodeIfPresent(year, forKey: .year)
        try container.encodeIfPresent(previousYear, forKey: .previousYear)
        try container.encode(by, forKey: .by)
        // Written only for a ranking by one stage.
        if let stage { try container.encode(stage, forKey: .stage) }
        try container.encode(components, forKey: .components)
        try container.encode(rankings, forKey: .rankings)
        try container.encode(summary, forKey: .summary)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
    }

    public init(rubric: String?, year: Int?, previousYear: Int?, by: String, rankings: [Entry], summary: Summary, errors: [Diagnostic],
                warnings: [Diagnostic], components: [ComponentLabel]) {
        self.rubric = rubric
        self.year = year
        self.previousYear = previousYear
        self.by = by
        self.rankings = rankings
        self.summary = summary
        self.errors = errors
        self.warnings = warnings
        self.components = components
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rubric = try container.decodeIfPresent(String.self, forKey: .rubric)
        year = try container.decodeIfPresent(Int.self, forKey: .year)
        previousYear = try container.decodeIfPresent(Int.self, forKey: .previousYear)
        by = try container.decode(String.self, forKey: .by)
        stage = try container.decodeIfPresent(String.self, forKey: .stage)
        let rankings = try container.decode([Entry].self, forKey: .rankings)
        self.rankings = rankings
        // JSON written before `components` existed: the ids, from the entries, without names.
        components = try container.decodeIfPresent([ComponentLabel].self, forKey: .components) ?? {
            var seen = Set<String>()
            return rankings.flatMap(\.components).filter { seen.insert($0.id).inserted }.map { ComponentLabel(id: $0.id, name: "", weight: 0) }
        }()
        summary = try container.decode(Summary.self, forKey: .summary)
        errors = try container.decode([Diagnostic].self, forKey: .errors)
        warnings = try container.decodeIfPresent([Diagnostic].self, forKey: .warnings) ?? []
    }

    public struct ComponentStanding: Sendable, Hashable, Codable {
        public var id: String
        public var score: Double
        public var rank: Int
    }

    /// The same agency in the previous year's ranking.
    public struct Previous: Sendable, Hashable, Codable {
        /// The previous total score.
        public var score: Double
        public var grade: String
        public var rank: Int
        /// Change of the ranked value (the score, or the component's score).
        public var delta: Double
        public var gradeMovement: Movement
        /// Places gained (positive) or lost (negative).
        public var rankMovement: Int
        /// The previous value of a component ranked by; nil when ranking by score.
        public var componentValue: Double?

        /// The previous value of what is ranked.
        public var value: Double { componentValue ?? score }

        private enum CodingKeys: String, CodingKey {
            case score, grade, rank, delta, gradeMovement = "grade_movement", rankMovement = "rank_movement", componentValue = "component_value"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(score, forKey: .score)
            try container.encode(grade, forKey: .grade)
            try container.encode(rank, forKey: .rank)
            try container.encode(delta, forKey: .delta)
            try container.encode(gradeMovement, forKey: .gradeMovement)
            try container.encode(rankMovement, forKey: .rankMovement)
            if let componentValue { try container.encode(componentValue, forKey: .componentValue) }
        }
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var rank: Int
        public var agency: String
        public var name: String?
        public var region: String?
        public var year: Int
        public var rubric: String
        public var score: Double
        public var grade: String
        public var components: [ComponentStanding]
        public var indicatorMean: Double?
        /// How many of the rubric's items (criteria, grades, checklist items) the report leaves
        /// unanswered, each counted 0.
        public var missing: Int
        /// The stage the score is from: final, or the latest a report has answers for.
        public var stage: Stage
        /// Whether movement was measured at all (a previous year was found).
        public var movementMeasured: Bool
        /// The previous standing; nil for an agency new in the ranking.
        public var previous: Previous?

        private enum CodingKeys: String, CodingKey {
            case rank, agency, name, region, year, rubric, score, grade, stage, components, indicatorMean = "indicator_mean", missing, previous
        }

        /// Read in place: the entry is borrowed and its card never copied.
        init(_ entry: borrowing RankedEntry, by key: RankKey, measured: Bool) {
            rank = entry.rank
            agency = entry.card.agency
            name = entry.card.name
            region = entry.card.region
            year = entry.card.year
            rubric = entry.card.rubricID
            score = entry.card.total
            grade = entry.card.grade.grade
            components = entry.card.components.indices.map { c in
                ComponentStanding(id: entry.card.components[c].id, score: entry.card.components[c].score, rank: entry.rankOfComponent[c])
            }
            indicatorMean = entry.card.indicatorMean
            missing = entry.card.missing.count
            stage = entry.card.scoredStage
            movementMeasured = measured
            if let standing = entry.previous {
                var componentValue: Double?
                if case .component = key { componentValue = key.value(of: standing.card) }
                previous = Previous(score: standing.card.total, grade: standing.card.grade.grade, rank: standing.rank, delta: standing.delta,
                                    gradeMovement: standing.gradeMovement, rankMovement: standing.rankMovement, componentValue: componentValue)
            } else {
                previous = nil
            }
        }

        /// The score of one component, if the report's rubric has it.
        public func componentScore(_ id: String) -> ComponentStanding? { components.first { $0.id == id } }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
            try container.encode(agency, forKey: .agency)
            try container.encodeIfPresent(name, forKey: .name)
            try container.encodeIfPresent(region, forKey: .region)
            try container.encode(year, forKey: .year)
            try container.encode(rubric, forKey: .rubric)
            try container.encode(score, forKey: .score)
            try container.encode(grade, forKey: .grade)
            try container.encode(stage, forKey: .stage)
            try container.encode(components, forKey: .components)
            try container.encodeIfPresent(indicatorMean, forKey: .indicatorMean)
            try container.encode(missing, forKey: .missing)
            if movementMeasured { try container.encode(previous, forKey: .previous) }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            rank = try container.decode(Int.self, forKey: .rank)
            agency = try container.decode(String.self, forKey: .agency)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            region = try container.decodeIfPresent(String.self, forKey: .region)
            year = try container.decode(Int.self, forKey: .year)
            rubric = try container.decode(String.self, forKey: .rubric)
            score = try container.decode(Double.self, forKey: .score)
            grade = try container.decode(String.self, forKey: .grade)
            stage = try container.decodeIfPresent(Stage.self, forKey: .stage) ?? .final
            components = try container.decode([ComponentStanding].self, forKey: .components)
            indicatorMean = try container.decodeIfPresent(Double.self, forKey: .indicatorMean)
            missing = try container.decodeIfPresent(Int.self, forKey: .missing) ?? 0
            movementMeasured = container.contains(.previous)
            previous = try container.decodeIfPresent(Previous.self, forKey: .previous)
        }
    }

    public struct WeakSpot: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var meanValue: Double
        public var meanLost: Double
        public var reports: Int

        private enum CodingKeys: String, CodingKey {
            case id, name, meanValue = "mean_value", meanLost = "mean_lost", reports
        }
    }

    public struct Summary: Sendable, Hashable, Codable {
        public var count: Int
        /// Every grade of the rubric, highest first, with how many reports got it.
        public var grades: KeyedValues<Int>
        public var mean: Double?
        public var median: Double?
        public var min: Double?
        public var max: Double?
        /// Sub-components with the lowest mean share achieved: where help is needed first.
        public var weakest: [WeakSpot]

        init(_ summary: RankingSummary) {
            count = summary.count
            grades = KeyedValues(summary.grades.map { ($0.grade, $0.count) })
            mean = summary.mean
            median = summary.median
            min = summary.min
            max = summary.max
            weakest = summary.weakest.map { WeakSpot(id: $0.id, name: $0.name, meanValue: $0.meanValue, meanLost: $0.meanLost, reports: $0.reports) }
        }
    }
}
