/// Repeats folded and long texts cut, so that no input, however many rows repeat a mistake,
/// makes an unreadable flood of messages: the first of each kind are shown, then one line says
/// how many more there are.
extension Diagnostic {
    /// The longest message kept, in bytes of UTF-8: with a location in front, a line stays under
    /// 1,000 characters.
    public static let messageLimit = 800
    /// The most findings of one kind one report keeps (the rest are counted): a bound on what
    /// a report's diagnostics take, whatever the input.
    public static let keptPerKind = 1_000
    /// The most of one kind a text output shows before folding the rest.
    public static let shownPerKind = 20

    /// The diagnostics with, for each kind (code and severity), those after the first `keep`
    /// replaced by one that counts them, placed where the first left out was: a batch whose
    /// every file has the same problem shows it 20 times, then how many more.
    /// Summaries already made count for what they stand for, so folding twice is folding once.
    ///
    /// ```swift
    /// Diagnostic.folded(thousandDuplicates, keep: 20).count   // 21
    /// ```
    public static func folded(_ diagnostics: [Diagnostic], keep: Int = shownPerKind) -> [Diagnostic] {
        struct Kind: Hashable {
            var code: DiagnosticCode, severity: Severity
        }
        var shown: [Kind: Int] = [:]
        var omitted: [Kind: (index: Int, count: Int)] = [:]
        var result: [Diagnostic?] = []
        result.reserveCapacity(min(diagnostics.count, 1_000))
        for diagnostic in diagnostics {
            let kind = Kind(code: diagnostic.code, severity: diagnostic.severity)
            let stands = max(diagnostic.omitted, 1)
            if diagnostic.omitted == 0, shown[kind, default: 0] < keep {
                shown[kind, default: 0] += 1
                result.append(diagnostic)
            } else if let slot = omitted[kind] {
                omitted[kind] = (slot.index, slot.count + stands)
            } else {
                omitted[kind] = (result.count, stands)
                result.append(diagnostic)
            }
        }
        for (kind, slot) in omitted {
            guard let first = result[slot.index] else { continue }
            result[slot.index] = summary(of: kind.code, kind.severity, at: first.location, count: slot.count)
        }
        return result.compactMap { $0 }
    }

    /// One diagnostic standing for `count` of a kind that are not listed.
    static func summary(of code: DiagnosticCode, _ severity: Severity, at location: SourceLocation, count: Int) -> Diagnostic {
        let more = InputLimits.grouped(count), kind = code.rawValue
        let message: Message = switch (severity, count == 1) {
        case (.error, true): "1 more \(kind) error from here on, not listed"
        case (.error, false): "\(more) more \(kind) errors from here on, not listed"
        case (.warning, true): "1 more \(kind) warning from here on, not listed"
        case (.warning, false): "\(more) more \(kind) warnings from here on, not listed"
        }
        var summary = Diagnostic(code, severity, at: location, message)
        summary.omitted = count
        return summary
    }

    /// A message cut to `messageLimit` bytes at a character's end, marked with an ellipsis.
    static func bounded(_ message: String) -> String {
        guard message.utf8.count > messageLimit else { return message }
        var cut = ""
        for character in message {
            if cut.utf8.count + character.utf8.count > messageLimit - 4 { break }
            cut.append(character)
        }
        return cut + " …"
    }

    /// At most `limit` items of a list, then how many more (`1.1.1, 1.1.2, and 78 more`).
    public static func list(_ items: [String], limit: Int = 20) -> Message {
        guard items.count > limit else { return "\(items.joined(separator: ", "))" }
        return "\(items.prefix(limit).joined(separator: ", ")), and \(InputLimits.grouped(items.count - limit)) more"
    }
}
