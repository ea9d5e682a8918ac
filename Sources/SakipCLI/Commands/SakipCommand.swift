import ArgumentParser
import SakipCore
import Foundation

/// The `sakip` command line: a thin layer over SakipCore.
public struct SakipCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sakip",
        abstract: "Score SAKIP performance-accountability evaluations (LKE) against weighted rubrics.",
        version: "sakip \(SakipVersion.current)",
        subcommands: [ScoreCommand.self, RankCommand.self, GapsCommand.self, CompareCommand.self, SensitivityCommand.self, ReportCommand.self, TemplateCommand.self, ValidateCommand.self, RubricsCommand.self]
    )

    public init() {}

    /// Runs the command line. Exit status: 0 when every input scored, 1 when any input failed,
    /// 2 for usage errors (ArgumentParser's own default for those is 64).
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let failure as RequestFailure {
            Terminal.error("sakip: error: \(failure.error.message)")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Where output goes: results to stdout, diagnostics and progress to stderr.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
