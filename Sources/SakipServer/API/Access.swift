import SakipCore

/// Who may see and do what: the one place the service's access rules live, as pure functions
/// the routes ask and the tests enumerate.
///
/// A caller who may not see an agency is answered 404 (its existence is not revealed); one who
/// sees it but may not do what it asks, 403.
enum Access {
    /// Whether the caller may know the agency exists.
    static func sees(_ identity: Identity, _ agency: Agency) -> Bool {
        switch identity.role {
        case .office: true
        case .evaluator: identity.regions.contains(agency.region)
        case .agency: identity.agency == agency.id
        case .viewer: identity.regions.isEmpty || identity.regions.contains(agency.region)
        }
    }

    /// The stages of a visible agency's answers the caller may read in a period.
    static func readableStages(_ identity: Identity, _ period: Period) -> Set<Stage> {
        switch identity.role {
        case .office, .evaluator: Set(Stage.allCases)
        // Its own self-assessment always; the evaluators' answers and notes once published.
        case .agency: period.state == .published ? Set(Stage.allCases) : [.selfAssessment]
        case .viewer: []
        }
    }

    /// Whether the caller may write this stage of a visible agency's answers (the period's
    /// state is asked separately: a locked period is 423 for everyone).
    static func writes(_ identity: Identity, _ stage: Stage) -> Bool {
        switch identity.role {
        case .office: true
        case .evaluator: stage != .selfAssessment
        case .agency: stage == .selfAssessment
        case .viewer: false
        }
    }

    /// Whether the caller may read a period's results (scores, ranking, gaps, report, compare,
    /// sensitivity) of the agencies it sees.
    static func readsResults(_ identity: Identity, _ period: Period) -> Bool {
        switch identity.role {
        case .office, .evaluator: true
        case .agency, .viewer: period.state == .published
        }
    }

    /// Periods, agencies and users are managed by the office alone.
    static func manages(_ identity: Identity) -> Bool { identity.role == .office }
}
