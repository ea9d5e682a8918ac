import ArgumentParser
import Testing
@testable import SakipCLI

@Suite("Command-line parsing")
struct CommandParsingTests {
    @Test func scoreOptions() throws {
        let command = try #require(try SakipCommand.parseAsRoot(["score", "a.xml", "dir/", "--format", "json", "--rubric", "permenpanrb-12-2015", "--strict", "--jobs", "3"]) as? ScoreCommand)
        #expect(command.input.inputs == ["a.xml", "dir/"])
        #expect(command.format == .json)
        #expect(command.input.rubric == "permenpanrb-12-2015")
        #expect(command.input.strict)
        #expect(command.input.jobs == 3)
        #expect(command.weakest == 3)
    }

    @Test(arguments: [["score"], ["score", "a.xml", "--format", "yaml"], ["score", "a.xml", "--jobs", "-1"], ["validate"]])
    func rejected(arguments: [String]) {
        #expect(throws: (any Error).self) { try SakipCommand.parseAsRoot(arguments) }
    }

    @Test func defaults() throws {
        let command = try #require(try SakipCommand.parseAsRoot(["score", "a.xml"]) as? ScoreCommand)
        #expect(command.format == .text)
        #expect(command.input.rubric == nil)
        #expect(!command.input.strict)
    }
}
