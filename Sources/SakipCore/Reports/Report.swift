/// One agency's evaluation for one year, as read from a report file (XML or CSV).
/// Values stay as written (answer letters, numbers); the scorer checks them against a rubric.
public struct Report: Sendable, Hashable {
    public var agency: String
    public var name: String?
    public var region: String?
    public var year: Int
    /// The rubric the report names, if it names one.
    public var rubric: String?
    /// Answers keyed by criterion id, or by sub-component id for `grade` aggregation.
    public var answers: [Answer]
    public var checklist: [ChecklistAnswer]
    public var indicators: [Indicator]
    public var budget: Budget?
    /// Notes and evidence beside the answers, in input order; never scored.
    public var remarks: [Remark] = []
    /// Weights the input states beside its rows (a workbook's weight column), checked against
    /// the rubric's: a difference means another rubric or a local variant.
    public var statedWeights: [StatedWeight] = []
    /// Where each item's row is, by id (a workbook's cell in the answer column scored last):
    /// a warning about an item with no answer of its own (unanswered, a sub-component's
    /// consistency) is placed there rather than at the report's origin.
    public var rowOffsets: [String: Int] = [:]
    /// Where the report starts: the file and the byte offset of its element or first row.
    public var origin: SourcePosition
    /// True when value offsets point into XML start tags (the attribute is found on the error path).
    public var offsetsAreTags = false
    /// Answers placed on the rubric as they were read (see `AnswerPlacement`), instead of
    /// `answers`; only for a report scored right after reading, never one handed to a caller.
    var placed: PlacedAnswers?

    public init(
        agency: String, name: String? = nil, region: String? = nil, year: Int, rubric: String? = nil,
        answers: [Answer] = [], checklist: [ChecklistAnswer] = [], indicators: [Indicator] = [],
        budget: Budget? = nil, origin: SourcePosition
    ) {
        self.agency = agency
        self.name = name
        self.region = region
        self.year = year
        self.rubric = rubric
        self.answers = answers
        self.checklist = checklist
        self.indicators = indicators
        self.budget = budget
        self.origin = origin
    }

    /// Hands the placed answers back as `Answer`s, before any answer read after them.
    mutating func unplace() {
        guard let placed else { return }
        answers = placed.answers + answers
        self.placed = nil
    }

    /// Takes in another fragment of the same agency and year (CSV rows from another file or chunk),
    /// keeping file order.
    public mutating func absorb(_ fragment: Report) {
        assert(fragment.agency == agency && fragment.year == year, "fragments merge by agency and year")
        var fragment = fragment
        // Placed answers stay placed only while nothing else is answered.
        if fragment.placed != nil || !fragment.answers.isEmpty || !fragment.checklist.isEmpty {
            unplace()
            fragment.unplace()
        }
        answers += fragment.answers
        checklist += fragment.checklist
        indicators += fragment.indicators
        remarks += fragment.remarks
        if let budget = fragment.budget { self.budget = budget }
    }

    /// The stages its answers and checklist items name, earliest first.
    public var stages: [Stage] {
        Set(answers.map(\.stage) + checklist.map(\.stage)).sorted()
    }

    /// The report with only one stage's answers and checklist items.
    public func at(_ stage: Stage) -> Report {
        var report = self
        report.answers = answers.filter { $0.stage == stage }
        report.checklist = checklist.filter { $0.stage == stage }
        return report
    }

    /// The position of a value in the report's input, resolved from the bytes the report was read from.
    /// - Parameter attribute: for XML, the attribute holding the value.
    public func position(_ offset: Int, attribute: String? = nil) -> SourcePosition {
        SourcePosition(origin.source, offset: offset, attribute: offsetsAreTags ? attribute : nil)
    }
}

/// An answer letter for a criterion (or a whole sub-component's grade).
public struct Answer: Sendable, Hashable {
    public var id: String
    public var value: String
    /// Byte offset of the value in the report's file.
    public var offset: Int
    public var stage: Stage

    public init(id: String, value: String, offset: Int = 0, stage: Stage = .final) {
        self.id = id
        self.value = value
        self.offset = offset
        self.stage = stage
    }
}

/// The four yes/no flags of a checklist criterion.
public struct ChecklistAnswer: Sendable, Hashable {
    public var criterion: String
    public var met: Bool
    public var mandated: Bool
    public var kept1Year: Bool
    public var kept5Years: Bool
    public var offset: Int
    public var stage: Stage

    public init(criterion: String, met: Bool, mandated: Bool = false, kept1Year: Bool = false, kept5Years: Bool = false, offset: Int = 0, stage: Stage = .final) {
        self.criterion = criterion
        self.met = met
        self.mandated = mandated
        self.kept1Year = kept1Year
        self.kept5Years = kept5Years
        self.offset = offset
        self.stage = stage
    }

    public func has(_ flag: ChecklistRule.Flag) -> Bool {
        switch flag {
        case .met: met
        case .mandated: mandated
        case .kept1Year: kept1Year
        case .kept5Years: kept5Years
        }
    }
}

public enum Polarity: String, Sendable, Hashable, CaseIterable {
    /// Higher is better.
    case positive
    /// Lower is better.
    case negative
}

/// A key performance indicator (IKU) with its target and realisation.
public struct Indicator: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case value(Double)
        /// Anything inside low...high counts as fully achieved.
        case range(low: Double, high: Double)
    }

    public var id: String
    public var name: String?
    public var unit: String?
    public var polarity: Polarity
    public var target: Target
    public var realization: Double
    public var weight: Double
    public var offset: Int

    public init(
        id: String, name: String? = nil, unit: String? = nil, polarity: Polarity = .positive,
        target: Target, realization: Double, weight: Double = 1, offset: Int = 0
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.target = target
        self.realization = realization
        self.weight = weight
        self.offset = offset
    }
}

/// A weight written in the input for a component, sub-component or criterion.
public struct StatedWeight: Sendable, Hashable {
    public var id: String
    public var value: Double
    public var unit: WorkbookLayout.WeightUnit
    public var offset: Int

    public init(id: String, value: Double, unit: WorkbookLayout.WeightUnit, offset: Int) {
        self.id = id
        self.value = value
        self.unit = unit
        self.offset = offset
    }
}

/// Budget ceiling and realised spending, for the efficiency check.
public struct Budget: Sendable, Hashable {
    public var ceiling: Double
    public var realized: Double

    public init(ceiling: Double, realized: Double) {
        self.ceiling = ceiling
        self.realized = realized
    }
}
