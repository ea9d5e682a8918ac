/// The scored result of one report under one rubric.
public struct ScoreCard: Sendable, Hashable {
    public var agency: String
    public var name: String?
    public var region: String?
    public var year: Int
    public var rubricID: String
    /// Sum of the component scores, at full precision (0 to the rubric's total weight).
    public var total: Double
    public var grade: GradeBand
    public var components: [ComponentScore]
    public var indicators: [IndicatorResult]
    /// Weighted mean achievement of the computable indicators.
    public var indicatorMean: Double?
    public var efficiency: Efficiency?
    /// Criteria (or graded sub-components) the report does not answer; each counted 0.
    public var missing: [String]
    public var warnings: [Diagnostic]
    /// Where the report starts in its input.
    public var origin: SourceLocation
    /// Every stage the report has, earliest first, when it has more than the final one.
    public var stages: [StageScore]
    /// The self-assessment against the scored stage per sub-component, largest over-claim first.
    public var gaps: [StageGap]
    /// The notes and evidence the report gives beside its answers (every stage's), in input
    /// order; never part of the score.
    public var remarks: [Remark]

    init(agency: String, name: String? = nil, region: String? = nil, year: Int, rubricID: String, total: Double, grade: GradeBand,
         components: [ComponentScore], indicators: [IndicatorResult], indicatorMean: Double? = nil, efficiency: Efficiency? = nil,
         missing: [String], warnings: [Diagnostic], origin: SourceLocation, stages: [StageScore] = [], gaps: [StageGap] = [], remarks: [Remark] = []) {
        self.agency = agency
        self.name = name
        self.region = region
        self.year = year
        self.rubricID = rubricID
        self.total = total
        self.grade = grade
        self.components = components
        self.indicators = indicators
        self.indicatorMean = indicatorMean
        self.efficiency = efficiency
        self.missing = missing
        self.warnings = warnings
        self.origin = origin
        self.stages = stages
        self.gaps = gaps
        self.remarks = remarks
    }

    /// Every sub-component score in rubric order.
    public var subcomponents: [SubcomponentScore] { components.flatMap(\.subcomponents) }

    /// The sub-components furthest below their weight (lowest share achieved), weakest first;
    /// ties keep rubric order.
    public func weakest(_ count: Int) -> [SubcomponentScore] {
        let all = subcomponents
        let order = all.indices.sorted { (all[$0].value, $0) < (all[$1].value, $1) }
        return order.prefix(count).map { all[$0] }
    }
}

public struct ComponentScore: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var weight: Double
    public var score: Double
    public var groups: [GroupScore]
    public var subcomponents: [SubcomponentScore]
}

public struct GroupScore: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var weight: Double
    public var score: Double
}

public struct SubcomponentScore: Sendable, Hashable, Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, weight, aggregation, value, score, letter = "answer", answered, expected, group
    }

    public var id: String
    public var name: String
    public var weight: Double
    public var aggregation: Aggregation
    /// Share of the weight achieved, 0...1.
    public var value: Double
    /// value x weight.
    public var score: Double
    /// The letter that set the value, for `grade` and `checklist` aggregation.
    public var letter: String?
    /// How many criteria (or the grade) the report answers, and how many the rubric expects.
    public var answered: Int
    public var expected: Int
    /// The group (a level between component and sub-component, as in 12/2015) it belongs to.
    public var group: String? = nil

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(weight, forKey: .weight)
        try container.encode(aggregation, forKey: .aggregation)
        try container.encode(value, forKey: .value)
        try container.encode(score, forKey: .score)
        try container.encodeIfPresent(letter, forKey: .letter)
        try container.encode(answered, forKey: .answered)
        try container.encode(expected, forKey: .expected)
        // Only rubrics with groups have one; the key is absent otherwise.
        if let group { try container.encode(group, forKey: .group) }
    }
}

public struct IndicatorResult: Sendable, Hashable {
    public var indicator: Indicator
    public var outcome: Achievement.Outcome
    public var label: String?

    public var achievement: Double? { outcome.value }
}
