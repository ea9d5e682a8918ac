import Testing
@testable import SakipCore

/// CSV as Excel saves it in an Indonesian locale: `;` between fields and `,` for decimals.
@Suite("Indonesian CSV")
struct IndonesianCSVTests {
    @Test(arguments: [
        ("82,5", 82.5), ("82.5", 82.5), ("82", 82.0), ("1.234,5", 1234.5), ("1.234.567,25", 1_234_567.25), ("-0,75", -0.75), (" 3,0 ", 3.0),
    ])
    func decimalCommaNumbers(text: String, value: Double) {
        #expect(ValueSyntax.number(text, decimalComma: true) == value)
    }

    @Test(arguments: ["1,2,3", "12,", "1.23,4", "1,2.5", "abc", ""])
    func notNumbers(text: String) {
        #expect(ValueSyntax.number(text, decimalComma: true) == nil)
    }

    @Test func theDelimiterIsToldFromTheHeader() {
        #expect(CSVTable.delimiter(of: Array("agency;year;criterion;value\nkota-a;2024;1.1.1;A\n".utf8)) == UInt8(ascii: ";"))
        #expect(CSVTable.delimiter(of: Array("agency,year,criterion,value\nkota-a,2024,1.1.1,\"A;B\"\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVTable.delimiter(of: Array("\u{FEFF}agency;name\n".utf8)) == UInt8(ascii: ";"))
    }

    @Test func semicolonFilesReadLikeCommaFiles() throws {
        let comma = "agency,year,indicator,polarity,target,realization\nkota-a,2024,IKU-1,positive,80.5,82.25\n"
        let semicolon = "\u{FEFF}agency;year;indicator;polarity;target;realization\r\nkota-a;2024;IKU-1;positive;80,5;82,25\r\n"
        let a = CSVReportReader.read(Array(comma.utf8), file: "a.csv", rubric: nil)
        let b = CSVReportReader.read(Array(semicolon.utf8), file: "b.csv", rubric: nil)
        #expect(a.errors.isEmpty && b.errors.isEmpty)
        func values(_ file: ReportFile) -> [String] {
            file.reports.flatMap(\.indicators).map { "\($0.id) \($0.target) \($0.realization) \($0.polarity)" }
        }
        #expect(values(a) == values(b))
        #expect(b.reports.first?.indicators.first?.realization == 82.25)
    }

    @Test func aBadNumberSaysWhichDecimalMarkIsExpected() throws {
        let csv = "agency;year;indicator;polarity;target;realization\nkota-a;2024;IKU-1;positive;80,5;8x\n"
        let file = CSVReportReader.read(Array(csv.utf8), file: "b.csv", rubric: nil)
        let error = try #require(file.errors.first)
        #expect(error.code == .invalidNumber)
        #expect(error.location == SourceLocation(file: "b.csv", line: 2, column: 33))
        #expect(error.message == "'realization' is '8x'; expected a number such as 82,5 or 1.234,5 (',' for decimals in a ';' file)")
    }
}
