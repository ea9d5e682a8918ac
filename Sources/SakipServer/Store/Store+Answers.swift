import Foundation
import SQLKit
import SakipCore

/// How a save ended.
public enum SaveOutcome: Sendable, Hashable {
    /// Stored: the answer as it now is.
    case saved(StoredAnswer, period: Period)
    /// The version named is not the stored one: the answer as it now is (nil: it does not exist).
    case conflict(current: StoredAnswer?)
    /// The period does not take answers in this state.
    case closed(PeriodState)
}

/// A period as one moment of the store saw it.
public struct PeriodSnapshot: Sendable {
    public var period: Period
    public var agencies: [Agency]
    /// Answers by agency id.
    public var answers: [String: [StoredAnswer]]
    /// Indicators and budget by agency id.
    public var facts: [String: AgencyFacts]
}

/// One answer of an uploaded file, to store.
public struct SubmittedAnswer: Sendable, Hashable {
    public var agency: String
    public var criterion: String
    public var stage: Stage
    public var value: String
    public var note: String?
    public var evidence: String?
}

/// A file of evidence attached to one answer, and how the answer links to it once stored.
public struct EvidenceUpload: Sendable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]
    public var link: @Sendable (Int) -> String
}

/// A stored evidence file's particulars.
public struct EvidenceInfo: Sendable, Decodable {
    public var id: Int
    public var agency: String
    public var criterion: String
    public var stage: String
    public var filename: String
    public var sent_by: String
}

/// An uploaded file, kept as it came, with who sent it.
public struct SubmittedFile: Sendable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]
    public var sentBy: String
}

extension Store {
    struct AnswerRow: Decodable {
        var agency: String
        var criterion: String
        var stage: String
        var value: String
        var note: String?
        var evidence: String?
        var version: Int
        var updated_by: String
        var updated_at: String

        var answer: StoredAnswer {
            StoredAnswer(criterion: criterion, stage: Stage(rawValue: stage) ?? .final, value: value, note: note,
                         evidence: evidence, version: version, updatedBy: updated_by, updatedAt: updated_at)
        }
    }

    /// An agency's answers at every stage, by criterion then stage.
    public func answers(year: Int, agency: String) async throws -> [StoredAnswer] {
        try await backend.read { database in
            try await database.raw("""
                SELECT * FROM answers WHERE year = \(bind: year) AND agency = \(bind: agency)
                """).all(decoding: AnswerRow.self).map(\.answer).sorted(by: Self.answerOrder)
        }
    }

    /// Every agency's answers in a period, with the period they were read with (one snapshot:
    /// the revision says exactly which writes they include).
    /// - Parameter agency: only this agency's answers, indicators and budget.
    public func snapshot(year: Int, agency: String? = nil) async throws -> PeriodSnapshot? {
        if let agency {
            guard let period = try await period(year), let info = try await self.agency(agency) else { return nil }
            return try await snapshot(period, only: info)
        }
        return try await backend.snapshot { database in
            guard let period = try await database.raw("SELECT * FROM periods WHERE year = \(bind: year)")
                .first(decoding: PeriodRow.self)?.period
            else { return nil }
            let filter: SQLQueryString = agency.map { "AND agency = \(bind: $0)" } ?? ""
            let only: SQLQueryString = agency.map { "WHERE id = \(bind: $0)" } ?? ""
            let agencies = try await database.raw("SELECT id, name, region FROM agencies \(only) ORDER BY id").all(decoding: Agency.self)
            let rows = try await database.raw("SELECT * FROM answers WHERE year = \(bind: year) \(filter)").all(decoding: AnswerRow.self)
            var answers: [String: [StoredAnswer]] = [:]
            for row in rows { answers[row.agency, default: []].append(row.answer) }
            for key in answers.keys { answers[key]!.sort(by: Self.answerOrder) }
            return PeriodSnapshot(period: period, agencies: agencies, answers: answers, facts: try await Self.facts(database, year: year, agency: agency))
        }
    }

    /// One agency's part of a period: its answers, indicators and budget, read together (the
    /// period and agency rows are the caller's, read before).
    public func snapshot(_ period: Period, only info: Agency) async throws -> PeriodSnapshot {
        let year = period.year, agency = info.id
        return try await backend.snapshot { database in
            let rows = try await database.raw("SELECT * FROM answers WHERE year = \(bind: year) AND agency = \(bind: agency)")
                .all(decoding: AnswerRow.self)
            let answers = rows.isEmpty ? [:] : [agency: rows.map(\.answer).sorted(by: Self.answerOrder)]
            return PeriodSnapshot(period: period, agencies: [info], answers: answers, facts: try await Self.facts(database, year: year, agency: agency))
        }
    }

    /// Criterion ids compared part by part as numbers (1.2.10 after 1.2.9), then stage order.
    static func answerOrder(_ a: StoredAnswer, _ b: StoredAnswer) -> Bool {
        if a.criterion != b.criterion { return CriterionOrder.less(a.criterion, b.criterion) }
        return a.stage < b.stage
    }

    /// Saves one answer if `write.version` is the stored one, with a line in its history.
    /// - Parameter evidence: a file to keep with the answer, in the same transaction; the
    ///   answer's evidence becomes `link(id)` of the stored file.
    public func save(year: Int, agency: String, criterion: String, stage: Stage, write: AnswerWrite, by user: String,
                     evidence file: EvidenceUpload? = nil) async throws -> SaveOutcome {
        let now = Self.now()
        do {
            return try await backend.write { database in
                guard let period = try await Self.touch(database, year: year) else { throw StoreError.notFound("period \(year)") }
                guard period.state == .open else { throw Refusal.closed(period.state) }
                let current = try await Self.answer(database, year, agency, criterion, stage)
                guard (current?.version ?? 0) == write.version else { throw Refusal.conflict(current) }
                var evidence = write.evidence
                if let file {
                    let id = try await database.raw("""
                        INSERT INTO evidence_files (year, agency, criterion, stage, filename, content_type, bytes, sent_by, sent_at)
                        VALUES (\(bind: year), \(bind: agency), \(bind: criterion), \(bind: stage.rawValue), \(bind: file.filename),
                                \(bind: file.contentType), \(bind: Data(file.bytes)), \(bind: user), \(bind: now)) RETURNING id
                        """).first()?.decode(column: "id", as: Int.self)
                    guard let id else { throw StoreError.notFound("the stored evidence file") }
                    evidence = file.link(id)
                } else if let current, current.value == write.value, current.note == write.note, current.evidence == write.evidence {
                    throw Refusal.unchanged(current)
                }
                let saved = try await Self.put(database, year: year, agency: agency, criterion: criterion, stage: stage,
                                               value: write.value, note: write.note, evidence: evidence,
                                               previous: current, by: user, at: now, submission: nil)
                return .saved(saved, period: period)
            }
        } catch let refusal as Refusal {
            switch refusal {
            case .closed(let state): return .closed(state)
            case .conflict(let current): return .conflict(current: current)
            case .unchanged(let current):
                guard let period = try await period(year) else { throw StoreError.notFound("period \(year)") }
                return .saved(current, period: period)
            }
        }
    }

    /// Why a write transaction stopped (and rolled back) without an error.
    private enum Refusal: Error {
        case closed(PeriodState)
        case conflict(StoredAnswer?)
        case unchanged(StoredAnswer)
    }

    static func answer(_ database: any SQLDatabase, _ year: Int, _ agency: String, _ criterion: String, _ stage: Stage) async throws -> StoredAnswer? {
        try await database.raw("""
            SELECT * FROM answers WHERE year = \(bind: year) AND agency = \(bind: agency)
            AND criterion = \(bind: criterion) AND stage = \(bind: stage.rawValue)
            """).first(decoding: AnswerRow.self)?.answer
    }

    /// Writes an answer at the version after `previous`, and its history line.
    static func put(
        _ database: any SQLDatabase, year: Int, agency: String, criterion: String, stage: Stage,
        value: String, note: String?, evidence: String?, previous: StoredAnswer?, by user: String, at now: String, submission: Int?
    ) async throws -> StoredAnswer {
        let version = (previous?.version ?? 0) + 1
        if previous == nil {
            try await database.raw("""
                INSERT INTO answers (year, agency, criterion, stage, value, note, evidence, version, updated_by, updated_at)
                VALUES (\(bind: year), \(bind: agency), \(bind: criterion), \(bind: stage.rawValue), \(bind: value),
                        \(bind: note), \(bind: evidence), \(bind: version), \(bind: user), \(bind: now))
                """).run()
        } else {
            try await database.raw("""
                UPDATE answers SET value = \(bind: value), note = \(bind: note), evidence = \(bind: evidence),
                  version = \(bind: version), updated_by = \(bind: user), updated_at = \(bind: now)
                WHERE year = \(bind: year) AND agency = \(bind: agency) AND criterion = \(bind: criterion)
                  AND stage = \(bind: stage.rawValue)
                """).run()
        }
        try await touch(database, year: year, agency: agency)
        try await database.raw("""
            INSERT INTO answer_history (year, agency, criterion, stage, old_value, new_value, note, evidence, version,
              changed_by, changed_at, submission)
            VALUES (\(bind: year), \(bind: agency), \(bind: criterion), \(bind: stage.rawValue), \(bind: previous?.value),
              \(bind: value), \(bind: note), \(bind: evidence), \(bind: version), \(bind: user), \(bind: now), \(bind: submission))
            """).run()
        return StoredAnswer(criterion: criterion, stage: stage, value: value, note: note, evidence: evidence,
                            version: version, updatedBy: user, updatedAt: now)
    }

    /// Counts up an agency's revision within a write.
    static func touch(_ database: any SQLDatabase, year: Int, agency: String) async throws {
        try await database.raw("""
            INSERT INTO agency_revisions (year, agency, revision) VALUES (\(bind: year), \(bind: agency), 1)
            ON CONFLICT (year, agency) DO UPDATE SET revision = agency_revisions.revision + 1
            """).run()
    }

    /// Each agency's revision in a period: it changes whenever the agency's answers, indicators
    /// or budget do.
    /// - Parameter agency: only this agency's.
    public func agencyRevisions(year: Int, agency: String? = nil) async throws -> [String: Int] {
        try await backend.read { database in
            let filter: SQLQueryString = agency.map { "AND agency = \(bind: $0)" } ?? ""
            let rows = try await database.raw("SELECT agency, revision FROM agency_revisions WHERE year = \(bind: year) \(filter)").all()
            var revisions: [String: Int] = [:]
            for row in rows { revisions[try row.decode(column: "agency", as: String.self)] = try row.decode(column: "revision", as: Int.self) }
            return revisions
        }
    }

    /// Every change to one criterion's answers, oldest first.
    public func history(year: Int, agency: String, criterion: String) async throws -> [AnswerChange] {
        try await backend.read { database in
            try await database.raw("""
                SELECT * FROM answer_history WHERE year = \(bind: year) AND agency = \(bind: agency)
                AND criterion = \(bind: criterion) ORDER BY id
                """).all(decoding: HistoryRow.self).map(\.change)
        }
    }

    private struct HistoryRow: Decodable {
        var id: Int
        var stage: String
        var old_value: String?
        var new_value: String
        var note: String?
        var evidence: String?
        var version: Int
        var changed_by: String
        var changed_at: String
        var submission: Int?

        var change: AnswerChange {
            AnswerChange(id: id, stage: Stage(rawValue: stage) ?? .final, old: old_value, new: new_value, note: note,
                         evidence: evidence, version: version, changedBy: changed_by, changedAt: changed_at, submission: submission)
        }
    }

    /// Stores an uploaded file and every answer in it, in one transaction: all or none. Agencies
    /// in `create` are created first (an office upload naming new agencies).
    public func submit(year: Int, file: SubmittedFile, answers: [SubmittedAnswer], facts: [String: AgencyFacts] = [:],
                       create: [Agency]) async throws -> (id: Int, period: Period)? {
        let now = Self.now()
        do {
            return try await backend.write { database in
                guard let period = try await Self.touch(database, year: year) else { throw StoreError.notFound("period \(year)") }
                guard period.state == .open else { throw Refusal.closed(period.state) }
                for agency in create { try await Self.putAgency(agency, database) }
                guard let row = try await database.raw("""
                    INSERT INTO submissions (year, filename, content_type, bytes, sent_by, sent_at)
                    VALUES (\(bind: year), \(bind: file.filename), \(bind: file.contentType), \(bind: Data(file.bytes)),
                            \(bind: file.sentBy), \(bind: now))
                    RETURNING id
                    """).first()
                else { throw StoreError.notFound("id for the submission") }
                let id = try row.decode(column: "id", as: Int.self)
                for answer in answers {
                    let current = try await Self.answer(database, year, answer.agency, answer.criterion, answer.stage)
                    if let current, current.value == answer.value, current.note == answer.note, current.evidence == answer.evidence { continue }
                    _ = try await Self.put(database, year: year, agency: answer.agency, criterion: answer.criterion, stage: answer.stage,
                                           value: answer.value, note: answer.note, evidence: answer.evidence, previous: current,
                                           by: file.sentBy, at: now, submission: id)
                }
                for (agency, facts) in facts.sorted(by: { $0.key < $1.key }) {
                    try await Self.putFacts(database, year: year, agency: agency, facts: facts, by: file.sentBy, at: now)
                }
                return (id, period)
            }
        } catch Refusal.closed {
            return nil
        }
    }
}

/// Criterion ids in rubric order: dotted parts compared as numbers where both are numbers.
enum CriterionOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let left = a.split(separator: "."), right = b.split(separator: ".")
        for (x, y) in zip(left, right) where x != y {
            if let i = Int(x), let j = Int(y) { return i < j }
            return x < y
        }
        return left.count < right.count
    }
}

/// An uploaded file as listed (without its bytes).
public struct SubmissionInfo: Sendable, Hashable, Codable {
    public var id: Int
    public var year: Int
    public var filename: String
    public var contentType: String
    public var size: Int
    public var sentBy: String
    public var sentAt: String

    enum CodingKeys: String, CodingKey {
        case id, year, filename, size
        case contentType = "content_type", sentBy = "sent_by", sentAt = "sent_at"
    }
}

extension Store {
    private struct SubmissionRow: Decodable {
        var id: Int
        var year: Int
        var filename: String
        var content_type: String
        var size: Int
        var sent_by: String
        var sent_at: String
    }

    /// A period's uploads, newest first; only those `sender` sent when one is given.
    public func submissions(year: Int, sentBy sender: String? = nil) async throws -> [SubmissionInfo] {
        try await backend.read { database in
            let filter: SQLQueryString = sender.map { "AND sent_by = \(bind: $0)" } ?? ""
            return try await database.raw("""
                SELECT id, year, filename, content_type, LENGTH(bytes) AS size, sent_by, sent_at FROM submissions
                WHERE year = \(bind: year) \(filter) ORDER BY id DESC
                """).all(decoding: SubmissionRow.self).map {
                SubmissionInfo(id: $0.id, year: $0.year, filename: $0.filename, contentType: $0.content_type, size: $0.size,
                               sentBy: $0.sent_by, sentAt: $0.sent_at)
            }
        }
    }

    /// One upload's bytes as they came.
    public func submission(year: Int, id: Int) async throws -> (SubmissionInfo, [UInt8])? {
        let info = try await submissions(year: year).first { $0.id == id }
        guard let info else { return nil }
        let bytes = try await backend.read { database in
            try await database.raw("SELECT bytes FROM submissions WHERE id = \(bind: id)").first()?.decode(column: "bytes", as: Data.self)
        }
        return bytes.map { (info, Array($0)) }
    }
}

extension Store {
    /// An evidence file of an agency in a period, with its bytes (nil when there is none).
    public func evidenceFile(year: Int, agency: String, id: Int) async throws -> (EvidenceInfo, [UInt8])? {
        try await backend.read { database in
            guard let row = try await database.raw("""
                SELECT id, agency, criterion, stage, filename, sent_by, bytes FROM evidence_files
                WHERE id = \(bind: id) AND year = \(bind: year) AND agency = \(bind: agency)
                """).first() else { return nil }
            return (try row.decode(model: EvidenceInfo.self), Array(try row.decode(column: "bytes", as: Data.self)))
        }
    }
}

/// How far one agency's stage is: answered items and the newest change.
public struct StageProgress: Sendable, Hashable {
    public var answered: Int
    public var updatedAt: String
}

extension Store {
    /// Answered items per agency and stage in a period, counted by the database (a progress page
    /// of 550 agencies reads one row per agency and stage, not every answer).
    /// - Parameter emptyCounts: whether an empty value is an answer (a checklist with no flag).
    public func progress(year: Int, emptyCounts: Bool) async throws -> [String: [Stage: StageProgress]] {
        try await backend.read { database in
            let rows = try await database.raw("""
                SELECT agency, stage, COUNT(DISTINCT criterion) AS answered, MAX(updated_at) AS updated_at FROM answers
                WHERE year = \(bind: year) AND (value <> '' OR \(bind: emptyCounts ? 1 : 0) = 1) GROUP BY agency, stage
                """).all()
            var progress: [String: [Stage: StageProgress]] = [:]
            for row in rows {
                guard let stage = Stage(rawValue: try row.decode(column: "stage", as: String.self)) else { continue }
                progress[try row.decode(column: "agency", as: String.self), default: [:]][stage] =
                    StageProgress(answered: try row.decode(column: "answered", as: Int.self), updatedAt: try row.decode(column: "updated_at", as: String.self))
            }
            return progress
        }
    }
}
