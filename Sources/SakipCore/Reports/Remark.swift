/// What an assessor wrote beside one answer: a note (the LKE's Catatan) and the evidence it rests
/// on (Bukti Dukung: a file name or a link). Carried from the input to every output that shows a
/// report's answers; never used in scoring.
public struct Remark: Sendable, Hashable, Codable {
    /// The criterion (or graded sub-component, or checklist criterion) the answer is for.
    public var criterion: String
    /// The stage of the answer the remark stands beside.
    public var stage: Stage
    public var note: String?
    public var evidence: String?

    /// Nil when neither text holds anything but spaces: an empty cell is no remark.
    public init?(criterion: String, stage: Stage, note: String?, evidence: String?) {
        let note = note?.trimmingSpaces(), evidence = evidence?.trimmingSpaces()
        guard note?.isEmpty == false || evidence?.isEmpty == false else { return nil }
        self.criterion = criterion
        self.stage = stage
        self.note = note?.isEmpty == false ? note : nil
        self.evidence = evidence?.isEmpty == false ? evidence : nil
    }

    /// Whether the evidence is a web address a page can link to (`http://` or `https://`).
    public var evidenceIsLink: Bool {
        guard let evidence else { return false }
        let lower = evidence.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
