import Foundation
import Testing

/// Runs the real `sakip` binary from the package root, as a user would.
enum Sakip {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built beside the test bundle (same build folder and configuration).
    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sakip")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/sakip")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// - Parameters:
    ///   - stdin: bytes fed to the binary's standard input (from a file, not a pipe).
    ///   - stdoutDevice: a device to write standard output to (such as `/dev/full`); the run's
    ///     `stdout` is then empty.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: [UInt8]? = nil, executable: URL? = nil,
                    directory: URL? = nil, stdoutDevice: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        // Every message the binary raises must have its Indonesian text (see `Message.checkTranslated`).
        process.environment = ProcessInfo.processInfo.environment.merging(["SAKIP_CHECK_MESSAGES": "1"].merging(environment) { $1 }) { $1 }
        // Output goes to temporary files, not pipes: draining a pipe with FileHandle can be
        // interrupted by a signal (EINTR), which Foundation turns into a crash.
        let folder = NSTemporaryDirectory() + "sakip-run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outPath = folder + "/stdout", errPath = folder + "/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutDevice ?? outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inPath = folder + "/stdin"
            FileManager.default.createFile(atPath: inPath, contents: Data(stdin))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: stdoutDevice == nil ? try String(contentsOfFile: outPath, encoding: .utf8) : "",
                   stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }

    /// Compares with a committed golden file; `SAKIP_UPDATE_GOLDEN=1` rewrites it instead.
    static func expectGolden(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = packageRoot.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["SAKIP_UPDATE_GOLDEN"] == "1" {
            let previous = try? String(contentsOf: url, encoding: .utf8)
            try Data(actual.utf8).write(to: url)
            // A rewritten golden file fails the run that rewrote it, so an update is always reviewed.
            if previous != actual { Issue.record("rewrote \(relativePath); review the diff and run the tests again", sourceLocation: sourceLocation) }
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output differs from \(relativePath); rerun with SAKIP_UPDATE_GOLDEN=1 to accept", sourceLocation: sourceLocation)
    }

    static var samples: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("samples").path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { "samples/" + $0 }
    }
}
