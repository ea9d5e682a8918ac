import Foundation
import SakipCore

/// A period's stored answers as the CSV files `sakip` reads: `agencies.csv`, and `answers.csv`
/// or `checklist.csv`. Every result the service gives is computed by SakipCore from these bytes,
/// so the API's ranking is `sakip rank` over the same files (and `GET .../export` hands them out).
struct PeriodFiles: Sendable {
    var agencies: [UInt8]
    var answers: [UInt8]
    var answersName: String
    /// `indicators.csv` and `budget.csv`, when any agency has them.
    var indicators: [UInt8]?
    var budget: [UInt8]?

    init(year: Int, agencies: [Agency], answers: [String: [StoredAnswer]], facts: [String: AgencyFacts] = [:], checklist: Bool,
         stages: Set<Stage>? = nil) {
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
        var indicatorRows = "agency,year,indicator,name,unit,polarity,target,target_low,target_high,realization,weight\n"
        var budgetRows = "agency,year,ceiling,realized\n"
        var anyIndicator = false, anyBudget = false
        for agency in agencies where answers[agency.id] != nil {
            guard let facts = facts[agency.id] else { continue }
            for indicator in facts.indicators {
                anyIndicator = true
                var target = "", low = "", high = ""
                switch indicator.target {
                case .value(let value): target = Self.number(value)
                case .range(let l, let h): (low, high) = (Self.number(l), Self.number(h))
                }
                indicatorRows += Self.row([agency.id, String(year), indicator.id, indicator.name ?? "", indicator.unit ?? "",
                                           indicator.polarity.rawValue, target, low, high, Self.number(indicator.realization),
                                           Self.number(indicator.weight)])
            }
            if let budget = facts.budget {
                anyBudget = true
                budgetRows += Self.row([agency.id, String(year), Self.number(budget.ceiling), Self.number(budget.realized)])
            }
        }
        indicators = anyIndicator ? Array(indicatorRows.utf8) : nil
        budget = anyBudget ? Array(budgetRows.utf8) : nil
    }

    /// A number as Swift prints it: the shortest text that reads back to the same double.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Every file by name, as `GET .../export/{file}` serves them.
    var named: [String: [UInt8]] {
        var files = ["agencies.csv": agencies, answersName: answers]
        if let indicators { files["indicators.csv"] = indicators }
        if let budget { files["budget.csv"] = budget }
        return files
    }

    /// The inputs for a SakipCore request.
    func sources(prefix: String) -> [InputSource] {
        named.sorted { $0.key < $1.key }.map { .bytes($0.value, name: "\(prefix)/\($0.key)") }
    }

    private static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
