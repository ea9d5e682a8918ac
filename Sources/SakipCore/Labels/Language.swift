/// The language of labels in output meant for people (text, markdown, workbooks, the HTML
/// report). Data (ids, grades, numbers, JSON keys) never change with it.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case en, id

    /// `SAKIP_LANG` from the environment when it names a language, else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        environment["SAKIP_LANG"].flatMap { Language(rawValue: $0.lowercased().prefix(2).description) } ?? .en
    }
}
