import Foundation
import Testing
@testable import SakipCore

/// Every limit in `InputLimits` is enforced with a clear, located refusal.
@Suite("Input limits")
struct InputLimitTests {
    @Test func anInputLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let scratch = Scratch()
        let path = scratch.write("huge.csv", "")
        // A sparse file: as large as the limit plus one byte, without writing a gigabyte.
        #expect(truncate(path, off_t(InputLimits.inputBytes + 1)) == 0)
        let read = Evaluator().read([.path(path)])
        let error = try #require(read.errors.first)
        #expect(error.code == .unreadable)
        #expect(error.location == .wholeFile(path))
        #expect(error.message.contains("larger than 1 GiB, the most sakip reads from one input"))
    }

    @Test func xmlNestedTooDeep() throws {
        let xml = "<report agency=\"a\" year=\"2024\">" + String(repeating: "<answers>", count: 40) + String(repeating: "</answers>", count: 40) + "</report>"
        let file = XMLReportReader.read(Array(xml.utf8), file: "deep.xml")
        let error = try #require(file.errors.first { $0.code == .tooDeep })
        #expect(error.message.hasPrefix("elements nested more than 32 deep"))
        #expect(error.location.line == 1)
        #expect(file.errors.filter { $0.code == .tooDeep }.count == 1)
    }

    @Test func csvFieldAndRowTooLong() throws {
        let longField = String(repeating: "x", count: InputLimits.csvFieldBytes + 1)
        let csv = "agency,year,criterion,value\nkota-a,2024,1.1.1,A\nkota-b,2024,1.1.1,\(longField)\nkota-c,2024,1.1.1,A\n"
        let file = CSVReportReader.read(Array(csv.utf8), file: "long.csv", rubric: nil)
        let error = try #require(file.errors.first)
        #expect(error.code == .csvTooLong)
        #expect(error.location == SourceLocation(file: "long.csv", line: 3, column: 19))
        #expect(error.message.contains("longer than the 64 KiB a field may hold"))
        // The bad row drops its own agency-year only.
        #expect(file.reports.map(\.agency) == ["kota-a", "kota-c"])
        let wide = "agency,year,criterion,value\n" + String(repeating: "y,", count: InputLimits.csvRecordBytes / 2) + "z\n"
        let row = CSVReportReader.read(Array(wide.utf8), file: "wide.csv", rubric: nil)
        #expect(row.errors.first?.message.contains("a row may hold") == true)
    }

    @Test func tooManyFiles() throws {
        let scratch = Scratch()
        for i in 0..<3 { scratch.write("r\(i).xml", "<report agency=\"a\(i)\" year=\"2024\"/>") }
        let (items, problems) = InputExpansion.expand([.path(scratch.folder)], fileLimit: 2)
        #expect(items.isEmpty)
        #expect(problems.map(\.code) == [.tooManyFiles])
        #expect(problems.first?.message == "3 input files, more than the 2 sakip reads in one run; give fewer folders")
    }
}
