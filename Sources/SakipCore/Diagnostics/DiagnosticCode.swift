/// What kind of problem a diagnostic is: a stable, kebab-case identifier that programs can match
/// on (JSON carries it as `code`) while the message stays free to improve.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension DiagnosticCode {
    // Inputs and files
    public static let noSuchInput: Self = "no-such-input"
    public static let skippedFile: Self = "skipped-file"
    public static let tooManyFiles: Self = "too-many-files"
    public static let tooDeep: Self = "too-deep"
    public static let csvTooLong: Self = "csv-too-long"
    public static let unreadable: Self = "unreadable"
    public static let duplicateReport: Self = "duplicate-report"
    public static let rejectedByRow: Self = "rejected-by-row"
    public static let incompleteReport: Self = "incomplete-report"
    // XML
    public static let malformedXML: Self = "malformed-xml"
    public static let schema: Self = "schema"
    public static let unexpectedElement: Self = "unexpected-element"
    public static let missingAttribute: Self = "missing-attribute"
    public static let unknownAttribute: Self = "unknown-attribute"
    public static let noReport: Self = "no-report"
    // Values, in any format
    public static let invalidNumber: Self = "invalid-number"
    public static let invalidYear: Self = "invalid-year"
    public static let invalidFlag: Self = "invalid-flag"
    public static let invalidStage: Self = "invalid-stage"
    public static let missingStage: Self = "missing-stage"
    public static let earlyStage: Self = "early-stage"
    public static let yearRanked: Self = "year-ranked"
    public static let invalidPolarity: Self = "invalid-polarity"
    public static let invalidTarget: Self = "invalid-target"
    public static let negativeWeight: Self = "negative-weight"
    // CSV
    public static let workbook: Self = "workbook"
    public static let workbookTooLarge: Self = "workbook-too-large"
    public static let placeholderAnswer: Self = "placeholder-answer"
    public static let uncomputedFormula: Self = "uncomputed-formula"
    public static let weightMismatch: Self = "weight-mismatch"

    public static let csvSyntax: Self = "csv-syntax"
    public static let csvHeader: Self = "csv-header"
    public static let missingValue: Self = "missing-value"
    public static let conflictingAgency: Self = "conflicting-agency"
    // Scoring against a rubric
    public static let unknownLetter: Self = "unknown-letter"
    public static let missingAnswer: Self = "missing-answer"
    public static let unknownCriterion: Self = "unknown-criterion"
    public static let duplicateAnswer: Self = "duplicate-answer"
    public static let unusedAnswer: Self = "unused-answer"
    public static let kerangkaLogis: Self = "kerangka-logis"
    public static let notComputable: Self = "not-computable"
    public static let rubricUnavailable: Self = "rubric-unavailable"
    public static let rubricMismatch: Self = "rubric-mismatch"
    // Rubrics
    public static let invalidYAML: Self = "invalid-yaml"
    public static let yamlTooLarge: Self = "yaml-too-large"
    public static let rubricStructure: Self = "rubric-structure"
    public static let weightsSum: Self = "weights-sum"
    public static let duplicateID: Self = "duplicate-id"
    public static let unknownScale: Self = "unknown-scale"
    public static let gradeBands: Self = "grade-bands"
    public static let unknownKey: Self = "unknown-key"
    public static let unknownRubric: Self = "unknown-rubric"
    // Requests
    public static let invalidRequest: Self = "invalid-request"
    public static let nothingToDo: Self = "nothing-to-do"
    public static let failedReplicates: Self = "failed-replicates"
    public static let wideIntervals: Self = "wide-intervals"
    /// A failure that is not the input's fault (a resource missing beside the binary, say).
    public static let internalError: Self = "internal"
}
