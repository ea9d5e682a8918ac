import Foundation
import SakipCore

/// A period's stored answers as the CSV files `sakip` reads: `agencies.csv`, and `answers.csv`
/// or `checklist.csv`. Every result the service gives is computed by SakipCore from these bytes,
/// so the API's ranking is `sakip rank` over the same files (and `GET .../export` hands them out).
struct PeriodFiles: Sendable {
    var agencies: [UInt8]
    var answers: [UInt8]
    var answersName: String

    init(year: Int, agencies: [Agency], answers: [String: [StoredAnswer]], checklist: Bool, stages: Set<Stage>? = nil) {
        var table = "agency,name,region\n"
        for agency in agencies where answers[agency.id] != nil {
            table += Self.row([agency.id, agency.name, agency.region])
        }
        self.agencies = Array(table.utf8)
        var rows = checklist
            ? "agency,year,criterion,met,mandated,kept_1_year,kept_5_years,stage,note,evidence\n"
            : "agency,year,criterion,value,stage,note,evidence\n"
        for agency in agencies {
            for answer in answers[agency.id] ?? [] where stages?.contains(answer.stage) ?? true {
                let tail = [answer.stage.rawValue, answer.note ?? "", answer.evidence ?? ""]
                if checklist {
                    let flags = Set(RubricItems.checklistFlags(answer.value))
                    rows += Self.row([agency.id, String(year), answer.criterion] + RubricItems.flags.map { flags.contains($0) ? "yes" : "no" } + tail)
                } else {
                    rows += Self.row([agency.id, String(year), answer.criterion, answer.value] + tail)
                }
            }
        }
        self.answers = Array(rows.utf8)
        answersName = checklist ? "checklist.csv" : "answers.csv"
    }

    /// The inputs for a SakipCore request.
    func sources(prefix: String) -> [InputSource] {
        [.bytes(agencies, name: "\(prefix)/agencies.csv"), .bytes(answers, name: "\(prefix)/\(answersName)")]
    }

    private static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
