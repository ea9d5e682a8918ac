import Testing
@testable import SakipCore

/// The budget file (`agency,year,ceiling,realized`): the efficiency check's input in CSV, as
/// an XML report's `<budget>` gives it.
@Suite struct CSVBudgetTests {
    static let answers = "agency,year,criterion,value\nkota-x,2024,1.1.1,A\n"

    func read(_ budget: String) -> ReadResult {
        Evaluator(options: Evaluator.Options(rubric: "permenpanrb-88-2021", jobs: 1))
            .read([.bytes(Array(Self.answers.utf8), name: "answers.csv"), .bytes(Array(budget.utf8), name: "budget.csv")])
    }

    @Test func aBudgetRowJoinsItsReport() {
        let read = read("agency,year,ceiling,realized\nkota-x,2024,7573000000000,6797434059984.5\n")
        #expect(read.errors.isEmpty)
        #expect(read.reports.count == 1)
        #expect(read.reports.first?.budget == Budget(ceiling: 7_573_000_000_000, realized: 6_797_434_059_984.5))
    }

    @Test(arguments: [
        ("agency,year,ceiling,realized\nkota-x,2024,-1,5\n", "budget.csv:2:13: error: a budget's 'ceiling' and 'realized' are amounts, 0 or more"),
        ("agency,year,ceiling,realized\nkota-x,2024,10,5\nkota-x,2024,11,5\n", "budget.csv:3:13: error: a second budget row for kota-x 2024; give one"),
        ("agency,year,ceiling,realized\nkota-x,2024,sepuluh,5\n", "budget.csv:2:13: error:"),
    ])
    func badRowsAreErrorsAtTheirCell(text: String, expected: String) {
        let read = read(text)
        #expect(read.errors.first.map { $0.description.hasPrefix(expected) } == true, "\(read.errors)")
    }
}
