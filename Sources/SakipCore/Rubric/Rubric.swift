/// A weighted evaluation rubric (LKE): answer scales, grade bands, and the tree
/// component -> (group ->) sub-component -> criterion. Every number comes from the rubric file.
///
/// A `Rubric` is always a checked one: only `RubricLoader` (or `RubricCatalog`) makes it, after
/// verifying that weights add up, ids are unique, every scale a node names exists, bands leave
/// no gap and a checklist sub-component has a checklist rule. Its properties are read-only, so
/// those invariants hold wherever a rubric goes.
public struct Rubric: Sendable, Hashable {
    public internal(set) var id: String
    public internal(set) var title: String
    public internal(set) var scales: [String: AnswerScale]
    /// Grade bands from the highest to the lowest.
    public internal(set) var grades: [GradeBand]
    public internal(set) var achievement: AchievementPolicy
    public internal(set) var checklist: ChecklistRule?
    public internal(set) var components: [Component]
    public internal(set) var consistency: [ConsistencyRule]
    /// The stage a report must reach to be ranked under this rubric (`required_stage`), as
    /// `rank --require-stage` asks; nil ranks a report at whatever stage it reached, marked.
    public internal(set) var requiredStage: Stage?
    /// Where the rubric was loaded from (a path, or `bundled:<id>`).
    public internal(set) var source: String

    package init(
        id: String, title: String, scales: [String: AnswerScale], grades: [GradeBand],
        achievement: AchievementPolicy, checklist: ChecklistRule? = nil,
        components: [Component], consistency: [ConsistencyRule] = [], source: String
    ) {
        self.id = id
        self.title = title
        self.scales = scales
        self.grades = grades
        self.achievement = achievement
        self.checklist = checklist
        self.components = components
        self.consistency = consistency
        self.source = source
    }

    /// The sum of the component weights: the highest possible score (100 for the official rubrics).
    public var totalWeight: Double { components.reduce(0) { $0 + $1.weight } }

    /// Every sub-component in rubric order.
    public var subcomponents: [Subcomponent] { components.flatMap(\.subcomponents) }

    /// The scale with this id. Loading checked that every scale a node names exists, so asking
    /// for another is a programmer error.
    public func scale(_ id: String) -> AnswerScale {
        guard let scale = scales[id] else { preconditionFailure("scale '\(id)' is not in checked rubric \(self.id)") }
        return scale
    }

    /// The grade band a score falls in. Bands are lower-exclusive and upper-inclusive; a score
    /// within `GradeBand.boundTolerance` of a bound counts as on it, and the lowest band holds its lower bound.
    public func grade(for score: Double) -> GradeBand {
        precondition(!grades.isEmpty, "a validated rubric has grade bands")
        for band in grades where score > band.above + GradeBand.boundTolerance {
            return band
        }
        return grades[grades.count - 1]
    }
}

/// Letters an evaluator may answer with and the value of each; `full` is the value of a perfect answer.
public struct AnswerScale: Sendable, Hashable {
    public var id: String
    public var full: Double
    /// Letter -> value, in the file's order (best first in the bundled rubrics).
    public var values: [(letter: String, value: Double)] {
        didSet { keys = values.map { LetterKey.pack($0.letter) } }
    }
    /// Each letter as a `LetterKey`: scoring looks up every answer.
    private(set) var keys: [UInt64]

    public init(id: String, full: Double, values: [(letter: String, value: Double)]) {
        self.id = id
        self.full = full
        self.values = values
        keys = values.map { LetterKey.pack($0.letter) }
    }

    public func value(of letter: String) -> Double? {
        var bytes = letter
        let found = bytes.withUTF8 { bytes in
            keys.withUnsafeBufferPointer { LetterKey.first(bytes, in: $0) { values[$0].letter == letter } }
        }
        // Off the keys, a letter may still equal one as Swift compares strings (canonically
        // equivalent Unicode written with other bytes): that rare case is decided as before.
        if let index = found ?? values.firstIndex(where: { $0.letter == letter }) { return values[index].value }
        // Letters match whatever their case, as a workbook's lookup matches them (`bb` is BB).
        let upper = letter.uppercased()
        return upper != letter ? value(of: upper) : nil
    }

    public var letters: [String] { values.map(\.letter) }

    public static func == (a: AnswerScale, b: AnswerScale) -> Bool {
        a.id == b.id && a.full == b.full && a.values.elementsEqual(b.values) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(full)
        for (letter, value) in values {
            hasher.combine(letter)
            hasher.combine(value)
        }
    }
}

/// A grade (predikat) and its score band: `above` < score <= `max`.
public struct GradeBand: Sendable, Hashable, Codable {
    /// Floating noise this close to a bound counts as on the bound.
    public static let boundTolerance = 1e-9

    public var grade: String
    public var label: String
    public var above: Double
    public var max: Double

    public init(grade: String, label: String, above: Double, max: Double) {
        self.grade = grade
        self.label = label
        self.above = above
        self.max = max
    }
}

public struct Component: Sendable, Hashable {
    public var id: String
    public var name: String
    public var weight: Double
    /// Optional intermediate level (12/2015 splits Perencanaan into Renstra and annual planning).
    public var groups: [Group]
    public var subcomponents: [Subcomponent]

    public init(id: String, name: String, weight: Double, groups: [Group] = [], subcomponents: [Subcomponent]) {
        self.id = id
        self.name = name
        self.weight = weight
        self.groups = groups
        self.subcomponents = subcomponents
    }
}

public struct Group: Sendable, Hashable {
    public var id: String
    public var name: String
    public var weight: Double

    public init(id: String, name: String, weight: Double) {
        self.id = id
        self.name = name
        self.weight = weight
    }
}

/// How a sub-component's value (0...1 of its weight) is reached from the report.
public enum Aggregation: String, Sendable, Hashable, CaseIterable {
    /// Every criterion is answered; the value is the (criterion-weighted) mean of the answers.
    case mean
    /// The evaluator grades the sub-component as a whole; criteria are probing questions.
    case grade
    /// Yes/no flags per criterion; the share met maps to a grade through the rubric's checklist rule.
    case checklist
}

public struct Subcomponent: Sendable, Hashable {
    public var id: String
    public var name: String
    public var weight: Double
    public var aggregation: Aggregation
    /// The scale used by `grade` aggregation and by criteria that name none.
    public var scale: String
    public var group: String?
    public var criteria: [Criterion]

    public init(
        id: String, name: String, weight: Double, aggregation: Aggregation, scale: String,
        group: String? = nil, criteria: [Criterion]
    ) {
        self.id = id
        self.name = name
        self.weight = weight
        self.aggregation = aggregation
        self.scale = scale
        self.group = group
        self.criteria = criteria
    }
}

public struct Criterion: Sendable, Hashable {
    public var id: String
    public var text: String
    /// Relative weight inside its sub-component's mean (1 unless the rubric says otherwise).
    public var weight: Double
    public var scale: String

    public init(id: String, text: String, weight: Double = 1, scale: String) {
        self.id = id
        self.text = text
        self.weight = weight
        self.scale = scale
    }
}

/// Negative-polarity formula for indicator achievement.
public enum NegativePolarityFormula: String, Sendable, Hashable, CaseIterable {
    /// (2T - R) / T x 100, the official form.
    case twoTargetMinusRealization = "2t-r"
    /// T / R x 100, used by many tools.
    case targetOverRealization = "t/r"
}

public struct AchievementPolicy: Sendable, Hashable {
    public var negativePolarity: NegativePolarityFormula
    /// Upper limit on one indicator's achievement; none when nil.
    public var cap: Double?
    /// Labels by minimum achievement, highest first (e.g. >= 100 Sangat Berhasil).
    public var bands: [(label: String, min: Double)]
    /// Efficient when achievement exceeds budget absorption by more than this many points.
    public var efficiencyMargin: Double?

    public init(
        negativePolarity: NegativePolarityFormula = .twoTargetMinusRealization, cap: Double? = nil,
        bands: [(label: String, min: Double)] = [], efficiencyMargin: Double? = nil
    ) {
        self.negativePolarity = negativePolarity
        self.cap = cap
        self.bands = bands
        self.efficiencyMargin = efficiencyMargin
    }

    public func label(for achievement: Double) -> String? {
        bands.first { achievement >= $0.min }?.label
    }

    public static func == (a: AchievementPolicy, b: AchievementPolicy) -> Bool {
        a.negativePolarity == b.negativePolarity && a.cap == b.cap && a.efficiencyMargin == b.efficiencyMargin
            && a.bands.elementsEqual(b.bands) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(negativePolarity)
        hasher.combine(cap)
        hasher.combine(bands.count)
    }
}

/// How checklist flags become a grade: all met -> first `allMet` rule whose flag every criterion has;
/// otherwise the first `shareMet` band the share of criteria met is strictly above; else `none`.
public struct ChecklistRule: Sendable, Hashable {
    public enum Flag: String, Sendable, Hashable, CaseIterable {
        case met
        case mandated
        case kept1Year = "kept_1_year"
        case kept5Years = "kept_5_years"
    }

    public var scale: String
    public var allMet: [(every: Flag?, grade: String)]
    public var shareMet: [(above: Double, grade: String)]
    public var none: String

    public init(scale: String, allMet: [(every: Flag?, grade: String)], shareMet: [(above: Double, grade: String)], none: String) {
        self.scale = scale
        self.allMet = allMet
        self.shareMet = shareMet
        self.none = none
    }

    public static func == (a: ChecklistRule, b: ChecklistRule) -> Bool {
        a.scale == b.scale && a.none == b.none && a.allMet.elementsEqual(b.allMet) { $0 == $1 }
            && a.shareMet.elementsEqual(b.shareMet) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scale)
        hasher.combine(none)
    }
}

/// Kontrol kerangka logis: an answer may not score above its prerequisite.
public struct ConsistencyRule: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case criterion(String)
        /// The sub-component's value (mean of its criteria, or its grade).
        case subcomponent(String)
    }

    public enum Subject: Sendable, Hashable {
        case criterion(String)
        /// Each criterion of the sub-component, checked one by one.
        case criteriaOf(String)
        /// The sub-component's own value.
        case subcomponent(String)
    }

    public var subject: Subject
    public var notAbove: Target
    public var message: String
    /// The message in Indonesian (`message_id`), shown with `--lang id`; the English one otherwise.
    public var messageID: String?

    /// The message in each language the rubric gives it in.
    public var text: Message {
        Message.localized([.en: message, .id: messageID].compactMapValues { $0 })
    }

    public init(subject: Subject, notAbove: Target, message: String) {
        self.subject = subject
        self.notAbove = notAbove
        self.message = message
    }
}
