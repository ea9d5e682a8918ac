import Foundation
import Testing
@testable import SakipCore

@Suite("CSV reading")
struct CSVTableTests {
    func parse(_ text: String) throws -> CSVTable {
        try CSVTable.parse(Array(text.utf8), file: "t.csv")
    }

    @Test func quotesEmbeddedCommasAndNewlines() throws {
        let table = try parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line 1\nline 2\"\n")
        #expect(table.header.map(\.value) == ["a", "b", "c"])
        #expect(table.rows.map { $0.fields.map(\.value) } == [["x, y", "say \"hi\"", "line 1\nline 2"]])
    }

    @Test func bomCRLFAndBlankLines() throws {
        let table = try parse("\u{FEFF}a,b\r\n\r\n1,2\r\n\n3,4")
        #expect(table.header.map(\.value) == ["a", "b"])
        #expect(table.rows.map { $0.fields.map(\.value) } == [["1", "2"], ["3", "4"]])
        #expect(table.rows[0].fields[1].offset == 3 + 5 + 2 + 2)
    }

    @Test func emptyFieldsAreKept() throws {
        let table = try parse("a,b,c\n,,\n\"\",x,\n")
        #expect(table.rows.map { $0.fields.map(\.value) } == [["", "", ""], ["", "x", ""]])
    }

    @Test(arguments: [
        ("a\n\"open,1\n", "t.csv:2:1: error: unterminated quoted field; expected a closing \" before the end of the file"),
        ("a,b\nx,\"y\"z\n", "t.csv:2:6: error: unexpected character after a closing quote; expected a comma or the end of the line"),
        ("a,b\nx,y\"z\n", "t.csv:2:4: error: a quote inside an unquoted field; quote the whole field and double the quote (\"\")"),
    ])
    func malformedQuotes(text: String, error: String) {
        let thrown = #expect(throws: Diagnostic.self) { try parse(text) }
        #expect(thrown?.description == error)
    }

    /// Long fields are skipped sixteen bytes at a time: a separator, quote or line break at
    /// every position of a block, and on either side of a block's edge, still ends the field.
    @Test(arguments: 0...40)
    func fieldsEndWhereverTheBlockEdgeFalls(length: Int) throws {
        let long = String(repeating: "x", count: length)
        let table = try parse("a,b,c\n\(long),\(long)y,\"q\"\r\nz,,\(long)\n")
        #expect(table.rows.map { $0.fields.map(\.value) } == [[long, long + "y", "q"], ["z", "", long]])
        let stray = #expect(throws: Diagnostic.self) { try parse("a\nw\(long)\"z\n") }
        #expect(stray?.description == "t.csv:2:\(length + 2): error: a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";")])
    func theBlockSkipStopsAtTheFirstSpecialByte(delimiter: UInt8) {
        for special in [delimiter, UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")] {
            for position in 0..<48 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 48)
                bytes[position] = special
                let stop = bytes.withUnsafeBufferPointer { CSVTable.skipPlain($0, from: 0, to: bytes.count, delimiter: delimiter) }
                #expect(stop == position, "byte \(special) at \(position)")
                // A second special byte later in the same block does not move the stop.
                if position % 16 < 15 { bytes[position / 16 * 16 + 15] = special }
                #expect(bytes.withUnsafeBufferPointer { CSVTable.skipPlain($0, from: 0, to: bytes.count, delimiter: delimiter) } == position)
            }
        }
        // The other delimiter is plain content; fewer than 16 bytes left are not skipped.
        let other = delimiter == UInt8(ascii: ",") ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let plain = [UInt8](repeating: other, count: 40)
        #expect(plain.withUnsafeBufferPointer { CSVTable.skipPlain($0, from: 0, to: 40, delimiter: delimiter) } == 32)
    }
}

@Suite("CSV reports")
struct CSVReportReaderTests {
    @Test func answersFixtureWithEveryEdgeCase() throws {
        let path = Fixtures.path("answers-edge-cases.csv")
        let file = ReportReader.read(path: path, defaultRubric: "permenpanrb-88-2021")
        #expect(file.errors.isEmpty)
        #expect(file.isFragmentary)
        #expect(file.reports.map(\.agency) == ["kota-a", "kota-b"])
        #expect(file.reports[0].answers.map(\.value) == ["A", "BB"])
        #expect(file.reports[0].rubric == "permenpanrb-88-2021")
        // The offset of a value resolves to its line, after a quoted field spanning two lines.
        let c = file.reports[1].position(file.reports[1].answers[0].offset).location
        #expect((c.line, c.column) == (7, 19))
    }

    @Test func badIndicatorRowsNameTheirLineAndDropOnlyTheirReport() {
        let path = Fixtures.path("indicators-bad.csv")
        let file = ReportReader.read(path: path)
        #expect(file.reports.isEmpty)
        #expect(file.rejected == [ReportKey(agency: "kota-a", year: 2024), ReportKey(agency: "kota-b", year: 2024)])
        #expect(file.errors.map(\.description) == [
            "\(path):3:29: error: 'target' is 'delapan'; expected a number such as 82.5 (with '.' for decimals)",
            "\(path):4:29: error: row has 5 fields; the header has 6 (agency,year,indicator,polarity,target,realization)",
        ])
    }

    @Test(arguments: [
        ("agency,year,criterion\nx,2024,1.1.1\n", "unrecognised CSV header 'agency,year,criterion'"),
        ("agency,year,criterion,value\nx,24,1.1.1,A\n", "'year' is '24'; expected a four-digit year such as 2024"),
        ("agency,year,criterion,value\n,2024,1.1.1,A\n", "empty 'agency'; expected an agency id such as kota-bandung"),
        ("agency,year,criterion,value,value\nx,2024,1,A,B\n", "duplicate column 'value'"),
        ("agency,year,criterion,met\nx,2024,1.1.1,T\n", "'met' is 'T'; expected yes or no (ya/tidak, true/false, 1/0)"),
        ("agency,year,indicator,polarity,target,realization\nx,2024,I,up,1,1\n", "'polarity' is 'up'; expected positive or negative"),
        ("", "empty CSV file; expected a header row such as agency,year,criterion,value"),
    ])
    func rejections(text: String, message: String) {
        let file = CSVReportReader.read(Array(text.utf8), file: "t.csv", rubric: nil)
        #expect(file.reports.isEmpty)
        #expect(file.errors.first.map { $0.message.hasPrefix(message) } == true, "\(file.errors)")
    }

    @Test func rangeTargetsAndChecklistRows() throws {
        let indicators = CSVReportReader.read(Array("agency,year,indicator,polarity,target,target_low,target_high,realization,weight\nx,2024,I,positive,,2,4,3,2\n".utf8), file: "i.csv", rubric: nil)
        #expect(indicators.reports.first?.indicators.first?.target == .range(low: 2, high: 4))
        #expect(indicators.reports.first?.indicators.first?.weight == 2)
        let checklist = CSVReportReader.read(Array("agency,year,criterion,met,kept_1_year\nx,2024,1.1.1,ya,tidak\n".utf8), file: "c.csv", rubric: nil)
        let item = try #require(checklist.reports.first?.checklist.first)
        #expect(item.met && !item.kept1Year)
    }

    @Test func agenciesFileNamesReportsFromOtherFiles() throws {
        let scratch = Scratch()
        let answers = scratch.write("a.csv", "agency,year,criterion,value\nkota-x,2024,1.1.1,A\n")
        let indicators = scratch.write("i.csv", "agency,year,indicator,polarity,target,realization\nkota-x,2024,IKU-01,positive,80,80\n")
        let agencies = scratch.write("who.csv", "agency,name,region,kind\nkota-x,Pemerintah Kota X,Jawa Barat,kota\n")
        let read = Evaluator().read(paths: [answers, indicators, agencies])
        #expect(read.errors.isEmpty)
        let report = try #require(read.reports.first)
        #expect(read.reports.count == 1)
        #expect((report.name, report.region) == ("Pemerintah Kota X", "Jawa Barat"))
        #expect(report.answers.count == 1)
        #expect(report.indicators.count == 1)
    }
}

@Suite("Chunked CSV reading")
struct ChunkedCSVTests {
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/partners/csv").path

    func same(_ a: ReportFile, _ b: ReportFile, _ note: String) {
        #expect(a.reports == b.reports, "\(note)")
        #expect(a.diagnostics == b.diagnostics, "\(note)")
        #expect(a.directory == b.directory, "\(note)")
        #expect(a.rejected == b.rejected, "\(note)")
    }

    @Test(arguments: ["answers.csv", "indicators.csv", "agencies.csv"])
    func partnersReadTheSameInAnyNumberOfChunks(name: String) throws {
        let bytes = try FileBytes.read(samples + "/" + name)
        let whole = CSVReportReader.read(bytes, file: name, rubric: nil, parts: 1)
        #expect(!whole.reports.isEmpty || !whole.directory.isEmpty)
        for parts in 2...7 { same(CSVReportReader.read(bytes, file: name, rubric: nil, parts: parts), whole, "\(name) in \(parts) parts") }
        // More parts than workers: each worker reads several, in whatever order they come.
        for jobs in 1...3 {
            let read = CSVReportReader.read(SourceText(name: name, bytes: bytes), rubric: nil, parts: 7, jobs: jobs)
            same(read, whole, "\(name) in 7 parts by \(jobs) workers")
        }
    }

    @Test func quotedNewlinesAtEveryPossibleCut() {
        // Every row has a quoted note with a newline, commas and escaped quotes, so cuts land inside quotes often.
        var text = "agency,year,criterion,value,note\r\n"
        for i in 0..<300 {
            text += "kota-\(i % 7),2024,1.1.\(i % 9 + 1),A,\"line one, \"\"quoted\"\"\r\nline \(i)\"\r\n"
            if i % 50 == 0 { text += "\r\n" }
        }
        let bytes = Array(text.utf8)
        let whole = CSVReportReader.read(bytes, file: "q.csv", rubric: nil, parts: 1)
        #expect(whole.reports.count == 7)
        #expect(whole.errors.isEmpty)
        for parts in 2...16 { same(CSVReportReader.read(bytes, file: "q.csv", rubric: nil, parts: parts), whole, "\(parts) parts") }
        let ranges = CSVTable.recordAlignedRanges(bytes, parts: 9)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == bytes.count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && bytes[$1.lowerBound - 1] == UInt8(ascii: "\n") })
    }

    @Test(arguments: [
        "agency,year,criterion,value\nkota-a,2024,1.1.1,A\nkota-b,2024,\"1.1.2,A\nkota-c,2024,1.1.3,A\n",
        "agency,year,criterion,value\nkota-a,2024,1.1.1,A\nkota-b,20x4,1.1.2,A\nkota-c,2024,1.1.3,A,extra\n",
        "agency,year,criterion,value\nkota-a,2024,1.1.1,A\nkota-b,2024,1.1\"2,A\nkota-c,2024,1.1.3,A\n",
        // The header itself broken, or not ours with a broken row later: what the whole file says.
        "agency,\"year,criterion,value\nkota-a,2024,1.1.1,A\nkota-b,2024,1.1.2,A\nkota-c,2024,1.1.3,A\n",
        "agensi,tahun,kriteria,nilai\nkota-a,2024,1.1.1,A\nkota-b,2024,\"1.1.2,A\nkota-c,2024,1.1.3,A\n",
        "agensi,tahun,kriteria,nilai\nkota-a,2024,1.1.1,A\nkota-b,2024,1.1.2,A\nkota-c,2024,1.1.3,A\n",
    ])
    func brokenFilesReportTheSameErrors(text: String) {
        let bytes = Array(text.utf8)
        let whole = CSVReportReader.read(bytes, file: "b.csv", rubric: nil, parts: 1)
        #expect(!whole.errors.isEmpty)
        for parts in 2...5 { same(CSVReportReader.read(bytes, file: "b.csv", rubric: nil, parts: parts), whole, "\(parts) parts") }
    }
}

/// A CSV file whose lines are all records hands its record offsets to its source as line
/// starts; every position must then resolve as scanning the file would resolve it.
@Suite("CSV line starts")
struct CSVLineStartTests {
    static let header = "agency,year,criterion,value,evidence,note"

    @Test(arguments: [
        "\(header)\nkota-a,2024,1.1.1,A,e,n\nkota-a,2024,1.1.2,B,e,\"n, m\"\n",          // plain
        "\(header)\r\nkota-a,2024,1.1.1,A,e,n\r\nkota-a,2024,1.1.2,B,e,n\r\n",            // CRLF
        "\u{FEFF}\(header)\r\nkota-a,2024,1.1.1,A,e,n\r\n",                               // byte-order mark
        "\(header)\nkota-a,2024,1.1.1,A,e,n\nkota-a,2024,1.1.2,B,e,n",                   // no final line feed
        "\(header)\n\nkota-a,2024,1.1.1,A,e,n\n\nkota-a,2024,1.1.2,B,e,n\n",             // blank lines
        "\(header)\nkota-a,2024,1.1.1,A,e,\"two\nlines\"\nkota-a,2024,1.1.2,B,e,n\n",    // a line break in quotes
        "\(header)\rkota-a,2024,1.1.1,A,e,n\rkota-a,2024,1.1.2,B,e,n\r",                 // carriage returns alone
        "\(header)\nkota-a,2024,1.1.1,A,e,\"a\rb\"\n",                                   // a carriage return in quotes
    ])
    func positionsResolveAsAScanWould(text: String) {
        let bytes = Array(text.utf8)
        for parts in [1, 2, 3] {
            let source = SourceText(name: "a.csv", bytes: bytes)
            _ = CSVReportReader.read(source, rubric: nil, parts: parts)
            let scanned = SourceText(name: "a.csv", bytes: bytes)
            for offset in 0...bytes.count {
                #expect(source.location(of: offset) == scanned.location(of: offset), "offset \(offset), \(parts) parts")
            }
        }
    }

    @Test func recordsAreLinesOnlyWhenNoLineIsSkippedOrSplit() throws {
        let plain = try CSVTable.parse(Array("a,b\n1,2\r\n3,\"x, y\"\n".utf8), file: "a.csv")
        #expect(plain.linesAreRecords)
        #expect(CSVTable.lineStarts(of: [plain], in: plain.bytes) == [0, 4, 9, 18])
        for text in ["a,b\n\n1,2\n", "a,b\n1,\"x\ny\"\n", "a,b\r1,2\r"] {
            #expect(try !CSVTable.parse(Array(text.utf8), file: "a.csv").linesAreRecords, "\(text.debugDescription)")
        }
    }
}
