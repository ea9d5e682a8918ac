/// The scored result of one report under one rubric.
///
/// A card's fields live in one shared, copy-on-write allocation: a batch copies each card
/// several times on its way to a ranking (assembly, filtering, ranked entries), and a copy then
/// retains one object rather than the dozen strings and arrays a card holds, each in a cache line
/// of its own.
public struct ScoreCard: Sendable, Hashable {
    /// The stored fields; `Storage` holds them behind one reference.
    struct Fields: Hashable {
        var agency: String
        var name: String?
        var region: String?
        var year: Int
        var rubricID: String
        var total: Double
        var grade: GradeBand
        var components: [ComponentScore]
        var indicators: [IndicatorResult]
        var indicatorMean: Double?
        var efficiency: Efficiency?
        var missing: [String]
        var warnings: [Diagnostic]
        var origin: SourceLocation
        var stages: [StageScore]
        var gaps: [StageGap]
        var remarks: [Remark]
    }

    /// Mutated only through `fields`, after `isKnownUniquelyReferenced` says no other card
    /// shares it: each card's value stays its own, as with plain stored properties.
    final class Storage: @unchecked Sendable {
        // Read for every field of every card a ranking looks at: dynamic exclusivity checks
        // cost more than the reads. Writes happen only through `_modify` on a storage no other
        // card shares, while the card itself is held exclusively.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    init(agency: String, name: String? = nil, region: String? = nil, year: Int, rubricID: String, total: Double, grade: GradeBand,
         components: [ComponentScore], indicators: [IndicatorResult], indicatorMean: Double? = nil, efficiency: Efficiency? = nil,
         missing: [String], warnings: [Diagnostic], origin: SourceLocation, stages: [StageScore] = [], gaps: [StageGap] = [], remarks: [Remark] = []) {
        storage = Storage(Fields(agency: agency, name: name, region: region, year: year, rubricID: rubricID, total: total, grade: grade,
                                 components: components, indicators: indicators, indicatorMean: indicatorMean, efficiency: efficiency,
                                 missing: missing, warnings: warnings, origin: origin, stages: stages, gaps: gaps, remarks: remarks))
    }

    /// The fields, for writing: the storage is copied first when another card shares it.
    private var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    public static func == (a: ScoreCard, b: ScoreCard) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }
    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

    public var agency: String { get { storage.fields.agency } _modify { yield &fields.agency } }
    public var name: String? { get { storage.fields.name } _modify { yield &fields.name } }
    public var region: String? { get { storage.fields.region } _modify { yield &fields.region } }
    public var year: Int { get { storage.fields.year } _modify { yield &fields.year } }
    public var rubricID: String { get { storage.fields.rubricID } _modify { yield &fields.rubricID } }
    /// Sum of the component scores, at full precision (0 to the rubric's total weight).
    public var total: Double { get { storage.fields.total } _modify { yield &fields.total } }
    public var grade: GradeBand { get { storage.fields.grade } _modify { yield &fields.grade } }
    public var components: [ComponentScore] { get { storage.fields.components } _modify { yield &fields.components } }
    public var indicators: [IndicatorResult] { get { storage.fields.indicators } _modify { yield &fields.indicators } }
    /// Weighted mean achievement of the computable indicators.
    public var indicatorMean: Double? { get { storage.fields.indicatorMean } _modify { yield &fields.indicatorMean } }
    public var efficiency: Efficiency? { get { storage.fields.efficiency } _modify { yield &fields.efficiency } }
    /// Criteria (or graded sub-components) the report does not answer; each counted 0.
    public var missing: [String] { get { storage.fields.missing } _modify { yield &fields.missing } }
    public var warnings: [Diagnostic] { get { storage.fields.warnings } _modify { yield &fields.warnings } }
    /// Where the report starts in its input.
    public var origin: SourceLocation { get { storage.fields.origin } _modify { yield &fields.origin } }
    /// Every stage the report has, earliest first, when it has more than the final one.
    public var stages: [StageScore] { get { storage.fields.stages } _modify { yield &fields.stages } }
    /// The self-assessment against the scored stage per sub-component, largest over-claim first.
    public var gaps: [StageGap] { get { storage.fields.gaps } _modify { yield &fields.gaps } }
    /// The notes and evidence the report gives beside its answers (every stage's), in input
    /// order; never part of the score.
    public var remarks: [Remark] { get { storage.fields.remarks } _modify { yield &fields.remarks } }

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
