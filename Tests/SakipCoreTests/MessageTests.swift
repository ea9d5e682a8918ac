import Foundation
import Testing
@testable import SakipCore

/// Messages: written once in English where they are raised, read in the reader's language from
/// the one label table (issue 24, part 8).
@Suite("Messages and their Indonesian text")
struct MessageTests {
    @Test func aLiteralKeepsItsWordsApartFromItsValues() {
        let count = 2, ids = "1.2.4, 1.2.5"
        let message: Message = "\(count) of the rubric's items unanswered, each counted 0: \(ids)"
        #expect(message.pattern == "{} of the rubric's items unanswered, each counted 0: {}")
        #expect(message.arguments == [.value("2"), .value("1.2.4, 1.2.5")])
        #expect(message.description == "2 of the rubric's items unanswered, each counted 0: 1.2.4, 1.2.5")
        #expect(Labels(.id)(message) == "2 butir rubrik belum dijawab, masing-masing dihitung 0: 1.2.4, 1.2.5")
        #expect(Labels(.en)(message) == message.description)
    }

    /// Words inside words are translated too; data never is.
    @Test func wordsInsideAMessageAreTranslatedWithIt() {
        let inner: Message = "sub-component \("1.3")"
        let message: Message = "unexpected element <\("x")> inside \("the document" as Message); expected \("no child elements" as Message)"
        #expect(Labels(.id)(inner) == "sub-komponen 1.3")
        #expect(Labels(.id)(message) == "elemen <x> tidak diharapkan di dalam dokumen; yang diharapkan: tanpa elemen anak")
        #expect(message.description == "unexpected element <x> inside the document; expected no child elements")
    }

    /// Parts joined with `+` are each looked up as written.
    @Test func joinedPartsAreTranslatedPartByPart() {
        let message: Message = "no report for year \(2030); " + "the inputs hold \("2023, 2024")"
        #expect(message.description == "no report for year 2030; the inputs hold 2023, 2024")
        #expect(Labels(.id)(message) == "tidak ada laporan untuk tahun 2030; masukan berisi 2023, 2024")
        #expect(Message.joined(["no such file or folder", "is a directory"], separator: "; ").description == "no such file or folder; is a directory")
    }

    @Test func aTranslationMayPlaceTheValuesInAnotherOrder() {
        #expect(Message.fill("{2} sebelum {1}", ["a", "b"]) == "b sebelum a")
        #expect(Message.fill("{} lalu {}", ["a", "b"]) == "a lalu b")
        #expect(Message.fill("{full, values} {}", ["a"]) == "{full, values} a")
    }

    /// A rubric's own texts come in the languages the rubric gives them.
    @Test func aRubricsTextsBringTheirOwnTranslations() throws {
        let rule = try #require(try bundled("permenpanrb-88-2021").consistency.first)
        #expect(rule.messageID == "rencana telah ditetapkan, tetapi dokumen rencana jangka menengah bernilai lebih rendah")
        #expect(Labels(.id)(rule.text) == rule.messageID)
        #expect(Labels(.en)(rule.text) == rule.message)
        // Without message_id, English stands in.
        #expect(Labels(.id)(Message.localized([.en: "only English"])) == "only English")
    }

    /// The location and the words `error` and `note` stay as tools read them; the message and
    /// the notes' words are translated; JSON keeps English.
    @Test func aDiagnosticIsToldInTheLanguageWithItsNotes() throws {
        let diagnostic = Diagnostic(.duplicateReport, at: SourceLocation(file: "b.xml", line: 2, column: 3),
                                    "second report for agency '\("kota-a")', year \(2024); neither is scored",
                                    notes: [Diagnostic.Note("the first report for agency '\("kota-a")', year \(2024)", at: SourceLocation(file: "a.xml", line: 1, column: 1))])
        #expect(Labels(.id)(diagnostic) == """
            b.xml:2:3: error: laporan kedua untuk instansi 'kota-a', tahun 2024; keduanya tidak dinilai
            a.xml:1:1: note: laporan pertama untuk instansi 'kota-a', tahun 2024
            """)
        #expect(Labels(.en)(diagnostic) == diagnostic.description)
        let json = try JSONEncoder().encode(diagnostic)
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: json)
        #expect(decoded == diagnostic)
        #expect(decoded.message == "second report for agency 'kota-a', year 2024; neither is scored")
        // Read back from JSON only the English words remain: shown as they are in any language.
        #expect(Labels(.id)(decoded.text) == decoded.message)
    }

    @Test func aMessageChangedByHandIsNoLongerTranslated() {
        var diagnostic = Diagnostic(.noSuchInput, at: .wholeFile("x.xml"), "no such file or folder")
        diagnostic.message = "rubric t: no such file or folder"
        #expect(Labels(.id)(diagnostic.text) == "rubric t: no such file or folder")
    }

    /// Every Indonesian text places as many values as its English pattern has.
    @Test func everyTranslationTakesTheSameValues() {
        func slots(_ text: String) -> Int {
            var count = 0, rest = Substring(text)
            while let open = rest.firstIndex(of: "{") {
                let after = rest[rest.index(after: open)...]
                if let close = after.firstIndex(of: "}"), after[..<close].allSatisfy(\.isNumber) { count += 1; rest = after[after.index(after: close)...] } else { rest = after }
            }
            return count
        }
        for (english, indonesian) in Labels.messages {
            #expect(slots(english) == slots(indonesian), "\(english) -> \(indonesian)")
        }
    }

    /// The library names a request's fields; each front end names them its own way.
    @Test func aRefusalNamesTheRequestsFieldNotAFlag() {
        #expect(throws: RequestError.self) { try RankRequest(inputs: InputSelection([.path("x")]), top: 0).validate() }
        let refusal = RequestError(.invalidRequest, "\(field: "top") must be at least 1, not \(0)")
        #expect(refusal.message == "top must be at least 1, not 0")
        #expect(Labels(.en, fields: .flags)(refusal.text) == "--top must be at least 1, not 0")
        #expect(Labels(.id, fields: .flags)(refusal.text) == "--top harus sedikitnya 1, bukan 0")
        #expect(Labels(.id)(refusal.text) == "top harus sedikitnya 1, bukan 0")
    }
}
