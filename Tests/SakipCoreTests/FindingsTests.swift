import Testing
@testable import SakipCore

/// The strictness policy, applied once to everything scoring found.
@Suite("Strictness policy")
struct FindingsTests {
    private let position = SourcePosition(SourceText(name: "r.xml", bytes: Array("<report/>".utf8)), offset: 0)

    private func findings(strict: Bool, keepsWarnings: Bool = true) -> Findings {
        var findings = Findings(strict: strict, keepsWarnings: keepsWarnings)
        findings.add(.unknownLetter, .error, at: position, Message(verbatim: "off the scale"))
        findings.add(.kerangkaLogis, .warning, at: position, Message(verbatim: "above its limit"))
        findings.add(.missingAnswer, .errorWhenStrict, at: position, Message(verbatim: "unanswered"))
        findings.add(.unknownCriterion, .onlyWhenStrict, at: position, Message(verbatim: "unknown 9.9.9"))
        findings.add(.unknownCriterion, .onlyWhenLenient, at: position, Message(verbatim: "1 unknown criteria ignored"))
        return findings
    }

    @Test func lenient() {
        let (errors, warnings) = findings(strict: false).resolve()
        #expect(errors.map(\.message) == ["off the scale"])
        #expect(warnings.map(\.message) == ["above its limit", "unanswered", "1 unknown criteria ignored"])
        #expect(warnings.allSatisfy { $0.severity == .warning } && errors.allSatisfy { $0.severity == .error })
    }

    @Test func strict() {
        let (errors, warnings) = findings(strict: true).resolve()
        #expect(errors.map(\.message) == ["off the scale", "unanswered", "unknown 9.9.9"])
        #expect(warnings.map(\.message) == ["above its limit"])
        #expect(errors.map(\.code) == [.unknownLetter, .missingAnswer, .unknownCriterion])
    }

    @Test func warningsNotKeptAreNeverBuilt() {
        var built: [String] = []
        func message(_ text: String) -> Message {
            built.append(text)
            return Message(verbatim: text)
        }
        var findings = Findings(strict: false, keepsWarnings: false)
        findings.add(.kerangkaLogis, .warning, at: position, message("above its limit"))
        findings.add(.missingAnswer, .errorWhenStrict, at: position, message("unanswered"))
        findings.add(.unknownLetter, .error, at: position, message("off the scale"))
        let (errors, warnings) = findings.resolve()
        #expect(errors.map(\.message) == ["off the scale"])
        #expect(warnings.isEmpty)
        #expect(built == ["off the scale"])
        // Under --strict, what becomes an error is always built.
        var strict = Findings(strict: true, keepsWarnings: false)
        strict.add(.missingAnswer, .errorWhenStrict, at: position, message("unanswered"))
        #expect(strict.resolve().errors.map(\.code) == [.missingAnswer])
    }
}
