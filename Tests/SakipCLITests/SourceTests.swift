import Foundation
import Testing

/// Inputs that are not plain files: standard input and process substitution, as a user types them.
@Suite("Standard input and pipes")
struct SourceTests {
    let sample = "samples/kota-bandung-2024.xml"

    private func file(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Sakip.packageRoot.appendingPathComponent(path)))
    }

    @Test func standardInputScoresAsTheFileDoes() throws {
        let fromFile = try Sakip.run(["score", sample, "--format", "json"])
        let fromStdin = try Sakip.run(["score", "-", "--format", "json"], stdin: try file(sample))
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout == fromFile.stdout.replacingOccurrences(of: "\"file\": \"\(sample)\"", with: "\"file\": \"<stdin>\""))
    }

    @Test func processSubstitutionScoresAsTheFileDoes() throws {
        let fromFile = try Sakip.run(["score", sample])
        let shell = try Sakip.run(["-c", "\"$0\" score <(cat \(sample))", Sakip.binary.path], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(shell.status == 0, "\(shell.stderr)")
        // The same output, with the pipe's name where the file's was.
        #expect(shell.stdout.contains("/dev/fd/"))
        let renamed = shell.stdout.replacingOccurrences(of: #"/dev/fd/[0-9]+"#, with: sample, options: .regularExpression)
        #expect(renamed == fromFile.stdout)
    }

    @Test func aBadLetterOnStandardInputIsLocatedAtItsLineAndColumn() throws {
        var text = String(decoding: try file(sample), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(text[5] == #"    <answer criterion="1.1.2" value="AA"/>"#)
        text[5] = #"    <answer criterion="1.1.2" value="Z"/>"#
        let run = try Sakip.run(["score", "-"], stdin: Array(text.joined(separator: "\n").utf8))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("<stdin>:6:38: error: answer 'Z' for criterion 1.1.2 is not in scale"))
        let piped = try Sakip.run(["-c", "\"$0\" score <(cat)", Sakip.binary.path], stdin: Array(text.joined(separator: "\n").utf8),
                                  executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(piped.stderr.contains(":6:38: error: answer 'Z' for criterion 1.1.2"))
    }

    @Test func csvOnStandardInputIsRecognised() throws {
        let csv = try file("samples/partners/csv/answers.csv")
        let fromStdin = try Sakip.run(["rank", "-", "--format", "csv"], stdin: csv)
        let fromFile = try Sakip.run(["rank", "samples/partners/csv/answers.csv", "--format", "csv"])
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout == fromFile.stdout)
    }
}
