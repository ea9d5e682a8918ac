import Mustache
import SakipCore

/// The words of the pages: a template's `{{l.save}}` names the English label, which `Labels`
/// (the command line's table) gives in the signed-in user's language.
struct PageLabels: MustacheParent, Sendable {
    let labels: Labels

    func child(named name: String) -> Any? { labels(Self.english[name] ?? name) }

    /// Template keys and the English label each stands for.
    static let english: [String: String] = [
        "account": "Account", "actions": "Actions", "agencies": "Agencies", "agency": "Agency", "answer": "Answer",
        "answered": "Answered", "backToLKE": "Back to the LKE", "candidateRubric": "Candidate rubric", "change": "Change",
        "changePassword": "Change password", "compare": "Compare", "compareRubric": "Compare with another rubric",
        "components": "Components", "conflictAsk": "Check both: keep theirs by leaving this answer, or save yours again to replace it.",
        "conflictSaved": "Someone else saved this answer while you were editing it:", "conflictYours": "You typed",
        "createPeriod": "Create period", "createUser": "Create user", "currentPassword": "Current password", "discard": "Discard",
        "downloadTemplate": "Download the LKE workbook, filled with what is stored", "evidence": "Evidence", "filter": "Filter", "findAgency": "Find an agency or region", "analyses": "Analyses", "backToResults": "Back to the results", "download": "Download", "evidenceFile": "Or attach a file of evidence for",
        "footer": "SAKIP performance-accountability evaluation", "format": "Format", "fromUpload": "from an upload", "gaps": "Gaps",
        "grade": "Grade", "history": "History", "historyCaption": "Every change to this answer, newest first", "htmlReport": "HTML report",
        "id": "ID", "language": "Language", "lastChange": "Last change", "lke": "LKE", "mainNavigation": "Main navigation",
        "movementSince": "Movement since", "name": "Name", "new": "New", "newPassword": "New password", "newToken": "New API token",
        "noAgencies": "No agencies to show.", "noChanges": "This answer has not been changed yet.", "noResults": "No results to show yet.",
        "noScoreYet": "No answers yet.", "note": "Note", "office": "Office", "old": "Old", "openEvidence": "Open the evidence (new tab)",
        "overClaim": "Over-claimed", "password": "Password", "period": "Period", "periods": "Periods", "progress": "Progress",
        "progressCaption": "Answered criteria per stage", "rank": "Rank", "ranking": "Ranking", "rankingCaption": "Ranking, highest total first",
        "readOnly": "read only", "region": "Region", "regionsComma": "Regions (comma-separated)", "resetPassword": "Reset password",
        "result": "Result", "results": "Results", "resumeText": "Your session ended before this form was sent. You are signed in again; what you typed is below. Send it now, or discard it.",
        "resumeTitle": "Send what you typed", "role": "Role", "rubric": "Rubric", "runSensitivity": "Run", "samples": "Samples",
        "save": "Save", "saveAgency": "Save agency", "saved": "Saved", "scope": "Scope", "scoreSoFar": "Score so far", "seed": "Seed",
        "sendAgain": "Send", "sensitivity": "Sensitivity to the weights", "sessionEndedKept": "Your session ended. Sign in again: what you typed is kept and shown to you after signing in.",
        "signIn": "Sign in", "signInTitle": "Sign in to sakip", "signOut": "Sign out", "skipToContent": "Skip to content",
        "stage": "Stage", "state": "State", "tokenShownOnce": "The new API token is shown once only; copy it now. Token for",
        "total": "Total", "upload": "Upload", "uploadRefused": "The file was refused; nothing was stored",
        "uploadWorkbook": "Upload a filled LKE workbook (xlsx), CSV or XML", "username": "User name", "users": "Users",
        "version": "Version", "unansweredCounted": "Unanswered, each counted 0", "unanswered": "Unanswered", "missing": "Unanswered",
        "seeItem": "See it below", "largestOverClaims": "Largest over-claims", "subcomponent": "Sub-component",
        "selfScore": "Self score", "scoredScore": "Score", "gap": "Gap", "weight": "Weight", "when": "When", "who": "Who", "workbook": "Workbook", "year": "Year",
    ]
}
