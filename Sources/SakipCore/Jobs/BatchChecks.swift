/// The checks every batch job makes, in one place so that one mistake gets one answer, in one
/// form, whichever command made it.
enum BatchChecks {
    /// Loads a rubric named on the command line, before any report is read: a misspelt id or a
    /// broken file is one refusal, not one error per report.
    static func rubric(_ reference: String, _ rubrics: RubricCache) throws(RequestError) -> Rubric {
        do {
            return try rubrics.rubric(reference)
        } catch {
            switch error {
            case .unknown(_, let known):
                throw RequestError(.unknownRubric, "unknown rubric '\(reference)'\(Suggestion.phrase(for: reference, in: known))"
                    + (known.isEmpty ? "; \(error.message)" : "; the rubrics are: \(known.joined(separator: ", ")) (or give a path to a YAML file)"))
            case .invalid:
                // Each problem in the rubric file on a line of its own, as `file:line:column: error: ...`.
                throw RequestError(.unknownRubric, "cannot use rubric '\(reference)':\n\(error.message)")
            }
        }
    }

    /// Refuses a run that found nothing to read, saying why: paths that do not exist, folders
    /// with no report file, workbooks skipped.
    static func requireInputs(fileCount: Int, diagnostics: [Diagnostic], sources: [InputSource]) throws(RequestError) {
        if let tooMany = diagnostics.first(where: { $0.code == .tooManyFiles }) { throw RequestError(.tooManyFiles, tooMany.text) }
        guard fileCount == 0 else { return }
        let missing = diagnostics.filter { $0.code == .noSuchInput }.map(\.location.file)
        let skipped = diagnostics.filter { $0.code == .skippedFile }.map(\.location.file)
        var message: Message = missing.count == sources.count && !missing.isEmpty
            ? "no such file or folder: \(missing.joined(separator: ", "))"
            : "no report files (.xml, .csv, .xlsx) found in \(sources.map(\.displayName).joined(separator: ", "))"
        if !skipped.isEmpty {
            message += "; skipped \(skipped.count) \(skipped.count == 1 ? "workbook" as Message : "workbooks") in a format sakip does not read (\(skipped.prefix(3).joined(separator: ", "))\(skipped.count > 3 ? ", ..." : "")): save as Excel Workbook (.xlsx)"
        }
        throw RequestError(.nothingToDo, message)
    }

    /// The year a job works on: the one asked for, which must be present, else the latest.
    static func year(_ asked: Int?, in cards: [ScoreCard]) throws(RequestError) -> Int? {
        let years = Set(cards.map(\.year)).sorted()
        guard let asked else { return years.last }
        guard years.contains(asked) else {
            throw RequestError(.nothingToDo, "no report for year \(asked); "
                + (years.isEmpty ? "no report was scored" : "the inputs hold \(years.map(String.init).joined(separator: ", "))"))
        }
        return asked
    }

    /// A region asked for must be present (case-insensitively).
    static func region(_ asked: String?, in cards: [ScoreCard]) throws(RequestError) {
        guard let asked else { return }
        let regions = Set(cards.compactMap(\.region)).sorted()
        guard !regions.contains(where: { $0.lowercased() == asked.lowercased() }) else { return }
        throw RequestError(.nothingToDo, "no report for region '\(asked)'\(Suggestion.phrase(for: asked, in: regions)); "
            + (regions.isEmpty ? "no report names a region" : "the regions are: \(regions.joined(separator: ", "))"))
    }

    /// A component ranked by must exist in the ranked reports' rubric.
    static func component(_ key: RankKey, in cards: [ScoreCard]) throws(RequestError) {
        guard case .component(let id) = key, !cards.isEmpty else { return }
        let ids = Ranking.orderedComponentIDs(cards)
        guard !ids.contains(id) else { return }
        throw RequestError(.invalidRequest, "\(field: "by") component:\(id): no ranked report's rubric has a component '\(id)'; "
            + "the components are: \(ids.map { "component:\($0)" }.joined(separator: ", "))")
    }
}

extension BatchChecks {
    /// One warning per report scored with unanswered items (each counted 0), at the report, so
    /// that no ranking or comparison hides a silent zero.
    static func unanswered(_ cards: [ScoreCard], under rubric: String? = nil) -> [Diagnostic] {
        cards.filter { !$0.missing.isEmpty }.map { card in
            let shown = card.missing.prefix(8).joined(separator: ", ") + (card.missing.count > 8 ? ", ..." : "")
            return Diagnostic(.missingAnswer, .warning, at: card.origin,
                rubric.map { "agency '\(card.agency)', \(card.year), under \($0): \(card.missing.count) of the rubric's items unanswered, each counted 0: \(shown)" }
                    ?? "agency '\(card.agency)', \(card.year): \(card.missing.count) of the rubric's items unanswered, each counted 0: \(shown)")
        }
    }
}

extension BatchChecks {
    /// One warning per report scored at a stage before final because no later stage was
    /// answered (a workbook whose evaluator column is empty): its score is the agency's claim.
    static func unverified(_ cards: [ScoreCard]) -> [Diagnostic] {
        cards.filter { $0.scoredStage < .final }.map { card in
            Diagnostic(.earlyStage, .warning, at: card.origin, "agency '\(card.agency)', \(card.year): scored at stage \(card.scoredStage.rawValue), "
                       + "the latest it has answers for; no later stage was answered (an evaluator's column left empty?), so its score and grade are not final")
        }
    }

    /// The cards scored at their required stage or a later one, and an error for each other one
    /// (left out). `required` gives a card's required stage: the run's, else its rubric's
    /// `required_stage`, else none.
    static func requiring(_ required: (ScoreCard) -> (stage: Stage, byRubric: Bool)?, _ cards: [ScoreCard]) -> (kept: [ScoreCard], errors: [Diagnostic]) {
        var kept: [ScoreCard] = [], errors: [Diagnostic] = []
        for card in cards {
            guard let (stage, byRubric) = required(card), card.scoredStage < stage else {
                kept.append(card)
                continue
            }
            errors.append(Diagnostic(.earlyStage, at: card.origin, "agency '\(card.agency)', \(card.year): left out, its latest answers are at stage \(card.scoredStage.rawValue) and "
                + (byRubric ? "rubric \(card.rubricID) requires stage \(stage.rawValue) for a ranking" : "stage \(stage.rawValue) is required")))
        }
        return (kept, errors)
    }
}

extension InputSource {
    /// How the source is named in messages.
    var displayName: String {
        switch self {
        case .path(let path): path
        case .standardInput: InputSource.standardInputName
        case .bytes(_, let name): name
        }
    }
}
