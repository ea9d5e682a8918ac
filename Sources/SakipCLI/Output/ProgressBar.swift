import Foundation
import SakipCore

/// A progress bar on stderr, drawn only when stderr is a terminal and only once the work has
/// taken more than a second, so quick runs, pipes and CI logs never see it.
final class ProgressBar: Sendable {
    private let label: String
    private let start = ContinuousClock.now
    /// How long work runs before the bar appears: one second, or `SAKIP_PROGRESS_AFTER_MS`.
    private let delay: Duration = .milliseconds(Int(ProcessInfo.processInfo.environment["SAKIP_PROGRESS_AFTER_MS"] ?? "") ?? 1000)
    private let state = Locked<(lastDraw: ContinuousClock.Instant?, drawn: Bool)>((nil, false))

    /// Nil when stderr is not a terminal.
    static func forTerminal(_ label: String) -> ProgressBar? {
        Terminal.stderrIsTerminal ? ProgressBar(label) : nil
    }

    private init(_ label: String) {
        self.label = label
    }

    func update(_ done: Int, _ total: Int) {
        let now = ContinuousClock.now
        guard now - start >= delay else { return }
        let line: String? = state.withLock { state in
            if let last = state.lastDraw, now - last < .milliseconds(100), done < total { return nil }
            state.lastDraw = now
            state.drawn = true
            let width = 30
            let filled = total > 0 ? width * done / total : width
            return "\r\(label) [\(String(repeating: "=", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the bar's line if it was drawn.
    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
