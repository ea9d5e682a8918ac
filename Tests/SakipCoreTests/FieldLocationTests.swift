import Foundation
import SakipCore
import Testing

/// A problem with a request's field is placed at the field, which each front end names its own
/// way: the library never writes a command-line flag.
@Suite struct FieldLocationTests {
    let diagnostic = Diagnostic(.missingStage, .warning, at: .field("stage"),
                                "1 report has no answer at stage \("self") and is left out: \("kota-bandung (2024)")")

    @Test func theLibraryNamesTheField() {
        #expect(diagnostic.description == "stage: warning: 1 report has no answer at stage self and is left out: kota-bandung (2024)")
        #expect(Labels(.en).place(diagnostic.location) == "stage")
    }

    @Test func theCommandLineNamesItsFlag() {
        #expect(Labels(.en, fields: .flags)(diagnostic) == "--stage: warning: 1 report has no answer at stage self and is left out: kota-bandung (2024)")
        #expect(Labels(.en, fields: .flags).place(SourceLocation(file: "a.xml", line: 3, column: 9)) == "a.xml:3:9")
    }

    @Test func jsonKeepsTheField() throws {
        let data = try JSONEncoder().encode(diagnostic.location)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["field"] as? String == "stage")
        #expect(try JSONDecoder().decode(SourceLocation.self, from: data) == diagnostic.location)
    }
}
