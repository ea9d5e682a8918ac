import ArgumentParser
import Testing
@testable import SakipCLI

@Suite("Command-line parsing")
struct CommandParsingTests {
    @Test func scoreOptions() throws {
        let command = try #require(try SakipCommand.parseAsRoot(["score", "a.xml", "dir/", "--format", "json", "--rubric", "permenpanrb-12-2015", "--strict", "--jobs", "3"]) as? ScoreCommand)
        #expect(command.input.read.inputs == ["a.xml", "dir/"])
        #expect(command.rendering.format == .json)
        #expect(command.input.rubric == "permenpanrb-12-2015")
        #expect(command.input.read.strict)
        #expect(command.input.read.jobs == 3)
        #expect(command.weakest == 3)
    }

    @Test(arguments: [["score"], ["score", "a.xml", "--format", "yaml"], ["validate"], ["compare", "a.xml", "--candidate", "x", "--rubric", "y"]])
    func rejected(arguments: [String]) {
        #expect(throws: (any Error).self) { try SakipCommand.parseAsRoot(arguments) }
    }

    @Test func defaults() throws {
        let command = try #require(try SakipCommand.parseAsRoot(["score", "a.xml"]) as? ScoreCommand)
        #expect(command.rendering.format == .text)
        #expect(command.input.rubric == nil)
        #expect(!command.input.read.strict)
    }

    /// A negative number is taken as the option's value, so that the core answers with the range.
    @Test func negativeNumbersAreValues() throws {
        let command = try #require(try SakipCommand.parseAsRoot(["sensitivity", "a.xml", "--jobs", "-1", "--samples", "-5", "--spread", "-0.1"]) as? SensitivityCommand)
        #expect(command.input.read.jobs == -1)
        #expect(command.samples == -5)
        #expect(command.spread == -0.1)
    }
}
