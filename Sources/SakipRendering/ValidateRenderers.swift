import SakipCore

/// One line per valid input (`file: ok (1 report)`); problems go to standard error as diagnostics.
public struct ValidateTextRenderer: ResultRenderer {
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    public func render(_ result: ValidateResult) -> String {
        // A file that the check of the reports together blames is not "ok".
        let blamed = Set(result.checks.filter { !$0.ok }.map(\.file))
        return result.checks.filter { $0.ok && $0.kind != .skipped && $0.kind != .batch && !blamed.contains($0.file) }.map { "\($0.file): ok" + ($0.summaryText.map { " (\(Labels(language)($0)))" } ?? "") + "\n" }.joined()
    }
}
