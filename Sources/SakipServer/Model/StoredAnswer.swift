import SakipCore

/// One criterion's answer at one stage, as stored, with the version a writer must name to change it.
///
/// For checklist rubrics the value lists the flags that hold, comma-separated, from `met`,
/// `mandated`, `kept_1_year` and `kept_5_years` (empty: none).
public struct StoredAnswer: Sendable, Hashable, Codable {
    public var criterion: String
    public var stage: Stage
    public var value: String
    public var note: String?
    public var evidence: String?
    public var version: Int
    public var updatedBy: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case criterion, stage, value, note, evidence, version
        case updatedBy = "updated_by", updatedAt = "updated_at"
    }
}

/// One change to an answer, kept forever: the history an auditor reads.
public struct AnswerChange: Sendable, Hashable, Codable {
    public var id: Int
    public var stage: Stage
    public var old: String?
    public var new: String
    public var note: String?
    public var evidence: String?
    public var version: Int
    public var changedBy: String
    public var changedAt: String
    /// The uploaded file the change came from, if it came from one.
    public var submission: Int?

    enum CodingKeys: String, CodingKey {
        case id, stage, old, new, note, evidence, version, submission
        case changedBy = "changed_by", changedAt = "changed_at"
    }
}

/// An answer to write: the value, its remark, and the version the writer read (0 for a new one).
public struct AnswerWrite: Sendable, Hashable, Codable {
    public var value: String
    public var note: String?
    public var evidence: String?
    public var version: Int

    public init(value: String, note: String? = nil, evidence: String? = nil, version: Int) {
        self.value = value
        self.note = note
        self.evidence = evidence
        self.version = version
    }
}
