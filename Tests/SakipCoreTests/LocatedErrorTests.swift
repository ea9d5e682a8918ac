import Foundation
import Testing
@testable import SakipCore

/// Every error names a real place, or says it is about the input as a whole: never a made-up 1:1.
@Suite("Every error located", .serialized)
struct LocatedErrorTests {
    @Test func libxml2MultiLineMessagesAreOneDiagnosticOnOneLine() throws {
        let bytes = Array("<report agency=\"a\" year=\"2024\">\n<answers><answer criterion=\"1.1.1\" value=\"".utf8) + [0xFF, 0xFE] + Array("\"/></answers></report>".utf8)
        let file = XMLReportReader.read(bytes, file: "bad.xml")
        let error = try #require(file.errors.first)
        #expect(file.errors.count == 1)
        #expect(error.code == .malformedXML)
        #expect(!error.description.contains("\n"), "\(error.description)")
        #expect(error.location.line == 2)
        #expect(error.message.contains("Bytes: 0x"))
    }

    @Test func yamlReaderErrorsKeepTheirPlace() throws {
        // A control character is refused by the YAML reader with a byte offset, not a mark.
        let yaml = "id: tiny\ntitle: \u{07}bell\n"
        let list = #expect(throws: DiagnosticList.self) { try RubricLoader.parse(yaml, file: "r.yaml") }
        let diagnostic = try #require(list?.diagnostics.first)
        #expect(diagnostic.code == .invalidYAML)
        #expect(diagnostic.location == SourceLocation(file: "r.yaml", line: 2, column: 8))
    }

    @Test func yamlSyntaxErrorsKeepTheirMark() throws {
        do {
            _ = try RubricLoader.parse("id: tiny\ntitle: [unclosed\ngrades: 1\n", file: "r.yaml")
            Issue.record("expected an error")
        } catch {
            // Typed: the loader throws only a DiagnosticList.
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location.isPlaced)
            #expect(diagnostic.location.line >= 2)
        }
    }

    @Test func wholeFileProblemsPrintWithoutAPosition() {
        let missing = Diagnostic(.noSuchInput, at: .wholeFile("nowhere.xml"), "no such file or folder")
        #expect(missing.description == "nowhere.xml: error: no such file or folder")
        let read = Evaluator().read([.path("/nonexistent/file.xml")])
        #expect(read.errors.map(\.location) == [.wholeFile("/nonexistent/file.xml")])
        let empty = XMLReportReader.read(Array("<?xml version=\"1.0\"?>\n<!-- nothing -->\n".utf8), file: "empty.xml")
        #expect(empty.errors.allSatisfy { $0.location.isPlaced || $0.location == .wholeFile("empty.xml") })
    }
}

@Suite("Source locations")
struct SourceLocationTests {
    /// Offsets near the start are counted in place, the rest through the line index: both give
    /// the line and column that counting every byte gives, on either side of the boundary.
    @Test func everyOffsetHasTheLineAndColumnOfAByteCount() {
        let lines = (0..<300).map { String(repeating: "x", count: $0 % 13) }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let source = SourceText(name: "f.xml", bytes: bytes)
        var line = 1, column = 1
        for offset in 0...bytes.count {
            let location = source.location(of: offset)
            #expect(location.line == line && location.column == column, "offset \(offset)")
            if offset < bytes.count, bytes[offset] == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        #expect(bytes.count > 2048)
    }
}
