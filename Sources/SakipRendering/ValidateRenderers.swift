import SakipCore

/// One line per valid input (`file: ok (1 report)`); problems go to standard error as diagnostics.
public struct ValidateTextRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: ValidateResult) -> String {
        result.checks.filter { $0.ok && $0.kind != .skipped }.map { "\($0.file): ok" + ($0.summary.map { " (\($0))" } ?? "") + "\n" }.joined()
    }
}
