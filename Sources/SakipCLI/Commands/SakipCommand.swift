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
            Terminal.diagnostics(failure.error.inputErrors, verbose: CommandLine.arguments.contains("--verbose"))
            Terminal.error("sakip: error: \(Terminal.labels(failure.error.text))")
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
        write(Array(text.utf8))
    }

    /// Writes the bytes as they are (no `Data` copy of a megabyte of output). A failed write
    /// (a full disk) is said, and the run fails: `FileHandle` trapped there, and a short file
    /// must not pass unnoticed.
    static func write(_ bytes: [UInt8]) {
        guard let failure = writeAll(bytes, to: 1) else { return }
        error("sakip: error: " + labels("cannot write the output: \(FileBytes.describe(failure))"))
        exit(1)
    }

    static var stdoutIsTerminal: Bool { FileBytes.isTerminal(1) }

    /// The language of what the terminal is told: `--lang` as given to whichever command
    /// (read here too, so that a refusal before the command's own options are at hand is in
    /// it), else `SAKIP_LANG`, else English.
    static let language: Language = {
        let arguments = CommandLine.arguments
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count, let language = Language(rawValue: arguments[i + 1]) { return language }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) { return language }
        }
        return Language.chosen(nil)
    }()

    /// The label table in the run's language, naming a request's fields by their flags.
    static var labels: Labels { Labels(language, fields: .flags) }

    /// A message (a refusal, a note of what was written) on stdout, in the run's language.
    static func say(_ message: Message) {
        write(labels(message) + "\n")
    }

    /// A message on stderr; if even that cannot be written, there is no one left to tell.
    static func error(_ text: String) {
        _ = writeAll(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: 2)
    }

    static var stderrIsTerminal: Bool { FileBytes.isTerminal(2) }

    /// Diagnostics on stderr, each kind folded after 20 unless `verbose` (then up to 1,000),
    /// with a note saying how to see what was counted.
    static func diagnostics(_ list: [Diagnostic], verbose: Bool) {
        let shown = Diagnostic.folded(list, keep: verbose ? Diagnostic.keptPerKind : Diagnostic.shownPerKind)
        for diagnostic in shown { error(labels(diagnostic)) }
        if !verbose, shown.contains(where: { $0.omitted > 0 }) {
            error("sakip: note: " + labels("repeated diagnostics were counted, not listed; --verbose lists up to \(InputLimits.grouped(Diagnostic.keptPerKind)) of each kind"))
        }
    }

    /// Writes every byte, however many calls that takes; the `errno` of a failed write, else nil.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        FileBytes.write(bytes, to: descriptor)
    }
}
