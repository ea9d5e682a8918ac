/// The stages of one evaluation: the agency assesses itself (penilaian mandiri), evaluators
/// verify (verifikasi), assure quality (penjaminan kualitas) and finalise (penilaian final).
/// Answers name their stage; an answer that names none is final.
public enum Stage: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case selfAssessment = "self"
    case verified
    case quality
    case final

    /// The stage a report is scored at when it has several: final, else the latest present.
    public static func primary(of stages: some Collection<Stage>) -> Stage? { stages.max() }

    /// A stage by its English or Indonesian name (`mandiri`, `verifikasi`, `penjaminan`), in any case.
    public init?(name: String) {
        switch name.trimmingSpaces().lowercased() {
        case "self", "mandiri", "penilaian mandiri": self = .selfAssessment
        case "verified", "verifikasi": self = .verified
        case "quality", "penjaminan", "penjaminan kualitas": self = .quality
        case "final", "penilaian final": self = .final
        default: return nil
        }
    }

    static let expectation: Message = "expected self, verified, quality or final (mandiri, verifikasi, penjaminan, final)"

    public static func < (a: Stage, b: Stage) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
}
