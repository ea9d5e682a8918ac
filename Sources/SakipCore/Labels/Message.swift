import Foundation

/// A sentence for a person that remembers how it was made: its fixed words as a pattern, with
/// `{}` where each value went, and the values. The English text is the pattern filled in; a
/// label table (`Labels`) looks the pattern up and fills its own words with the same values, so
/// a message is written once, in English, where it is raised, and read in the reader's language.
///
/// A string literal is a message, interpolations and all:
///
/// ```swift
/// let message: Message = "\(count) of the rubric's items unanswered"
/// message.pattern        // "{} of the rubric's items unanswered"
/// Labels(.id)(message)   // "2 butir rubrik belum dijawab"
/// ```
///
/// A value that is itself words to translate is interpolated as a `Message`; anything else
/// (ids, numbers, names, file paths) is data, shown as it is in every language.
public struct Message: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The fixed words, `{}` for each argument in order.
    public private(set) var pattern: String
    public private(set) var arguments: [Argument]

    public enum Argument: Sendable, Hashable {
        /// Data, the same in every language.
        case value(String)
        /// Words, translated with the message: one message, held in an array so that a
        /// message can hold another without an `indirect` case, whose boxes leaked in the
        /// AddressSanitizer build of Swift 6.3 (LeakSanitizer's report, in CI).
        case message([Message])
        /// Words that bring their own translations (a rubric's texts), by language; English
        /// stands in for a language not given.
        case localized([Language: String])
        /// A field of a request (`top`, `interval-width`), which each front end names its own
        /// way: the command line as its flag (`--top`), a form as its label.
        case field(String)
    }

    /// Words given in each language by the data they come from, such as a rubric's
    /// `message` and `message_id`.
    public static func localized(_ texts: [Language: String]) -> Message {
        var message = Message(verbatim: texts[.en] ?? "")
        message.arguments = [.localized(texts)]
        return message
    }

    /// Text that is not to be translated (a message read back from JSON, a library's error).
    public init(verbatim text: String) {
        pattern = "{}"
        arguments = [.value(text)]
    }

    public init(stringLiteral value: String) {
        pattern = value
        arguments = []
        Self.checkTranslated(pattern)
    }

    public init(stringInterpolation: StringInterpolation) {
        pattern = stringInterpolation.pattern
        arguments = stringInterpolation.arguments
        Self.checkTranslated(pattern)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var pattern = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            pattern.reserveCapacity(literalCapacity + 2 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { pattern += literal }

        /// A request's field, named by the front end that shows the message (see `Argument.field`).
        public mutating func appendInterpolation(field name: String) {
            pattern += "{}"
            arguments.append(.field(name))
        }

        public mutating func appendInterpolation(_ message: Message) {
            pattern += "{}"
            arguments.append(.message([message]))
        }

        public mutating func appendInterpolation<T>(_ value: T) {
            pattern += "{}"
            arguments.append(.value(String(describing: value)))
        }
    }

    /// One message after the other, as `+` joins strings; each part is translated on its own
    /// (the label table holds the parts, as they are written).
    public static func + (a: Message, b: Message) -> Message {
        var joined = Message(stringLiteral: "")
        joined.pattern = "{}{}"
        joined.arguments = [.message([a]), .message([b])]
        return joined
    }

    public static func += (a: inout Message, b: Message) { a = a + b }

    /// The messages one after the other, `separator` between them (words, translated, or not).
    public static func joined(_ messages: [Message], separator: Message) -> Message {
        guard var out = messages.first else { return "" }
        for message in messages.dropFirst() { out += separator + message }
        return out
    }

    /// The English text, fields named as they are (`top`).
    public var description: String { rendered(in: .en) { _ in nil } }

    /// The text in `language`, each pattern (this one and those of its message arguments)
    /// replaced by `translation(pattern)` where it gives one. A translation places the arguments
    /// with `{}` in order, or with `{1}`, `{2}`... where its word order differs.
    /// - Parameter field: how a request's field is named (`{ "--" + $0 }` on a command line).
    public func rendered(in language: Language, field: (String) -> String = { $0 }, _ translation: (String) -> String?) -> String {
        let values = arguments.map { argument in
            switch argument {
            case .value(let text): text
            case .message(let messages): messages.map { $0.rendered(in: language, field: field, translation) }.joined()
            case .localized(let texts): texts[language] ?? texts[.en] ?? ""
            case .field(let name): field(name)
            }
        }
        return Self.fill(translation(pattern) ?? pattern, values)
    }

    /// In debug builds run by the tests (the test process, or a binary started with
    /// `SAKIP_CHECK_MESSAGES=1`), a message with no Indonesian text stops the run where it is
    /// raised: every message the suite reaches is then known to be translated, whatever
    /// language the test asked for. Release builds check nothing.
    @inline(__always)
    static func checkTranslated(_ pattern: String) {
        #if DEBUG
        guard Self.checksTranslations, Labels.messages[pattern] == nil, pattern.contains(where: \.isLetter) else { return }
        if let path = ProcessInfo.processInfo.environment["SAKIP_MISSING_MESSAGES"] {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data((pattern.replacingOccurrences(of: "\n", with: "\\n") + "\n").utf8))
                handle.closeFile()
            }
            return
        }
        preconditionFailure("no Indonesian text for the message '\(pattern)'; add it to Labels.messages")
        #endif
    }

    #if DEBUG
    static let checksTranslations: Bool = {
        let process = ProcessInfo.processInfo
        return process.environment["SAKIP_CHECK_MESSAGES"] == "1" || process.environment["SAKIP_MISSING_MESSAGES"] != nil
            || process.processName.contains("PackageTests")
    }()
    #endif

    static func fill(_ pattern: String, _ values: [String]) -> String {
        guard !values.isEmpty else { return pattern }
        var out = ""
        var next = 0
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), after[..<close].allSatisfy(\.isNumber) {
                let index = after[..<close].isEmpty ? next : (Int(after[..<close]) ?? 0) - 1
                if after[..<close].isEmpty { next += 1 }
                out += values.indices.contains(index) ? values[index] : ""
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
