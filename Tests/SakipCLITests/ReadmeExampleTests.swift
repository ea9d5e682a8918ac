import Foundation
import Testing

/// Every command the README shows, run as a new user types it (from the package folder, with the
/// built binary on PATH): each must succeed and print something.
@Suite("README examples")
struct ReadmeExampleTests {
    static var examples: [String] {
        guard let readme = try? String(contentsOf: Sakip.packageRoot.appendingPathComponent("README.md"), encoding: .utf8),
              let commands = readme.components(separatedBy: "## Commands").dropFirst().first else { return [] }
        let section = commands.components(separatedBy: "\n## ")[0]
        var lines: [String] = []
        for (i, block) in section.components(separatedBy: "```sh\n").enumerated() where i > 0 {
            let body = block.components(separatedBy: "```")[0]
            lines += body.split(separator: "\n").map(String.init).filter { $0.hasPrefix("sakip ") || $0.hasPrefix("cat ") }
        }
        return lines
    }

    @Test func theReadmeHasExamples() {
        #expect(Self.examples.count >= 10)
    }

    /// Each example runs in a scratch folder that sees the package's samples and rubrics, so one
    /// that writes a file (`report.html`) leaves the package as it was.
    @Test(arguments: examples)
    func example(_ line: String) throws {
        let folder = Sakip.binary.deletingLastPathComponent().path
        let scratch = URL(fileURLWithPath: NSTemporaryDirectory() + "sakip-readme-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["samples", "rubrics"] {
            try FileManager.default.createSymbolicLink(at: scratch.appendingPathComponent(name), withDestinationURL: Sakip.packageRoot.appendingPathComponent(name))
        }
        let run = try Sakip.run(["-c", line], environment: ["PATH": folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")],
                                executable: URL(fileURLWithPath: "/bin/bash"), directory: scratch)
        #expect(run.status == 0, "\(line)\n\(run.stderr)")
        // Something to show for it: output, or a file written (`--output`).
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0 != "samples" && $0 != "rubrics" }
        #expect(!run.stdout.isEmpty || !written.isEmpty, "\(line) printed and wrote nothing")
        #expect(!run.stderr.contains("error:"), "\(run.stderr)")
    }
}
