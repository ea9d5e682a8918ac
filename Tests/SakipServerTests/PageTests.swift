import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SakipCore
import SakipRendering
import Testing
@testable import SakipServer

/// What the pages do, as a browser would meet it: saving per criterion, conflicts, refusals at
/// their item or cell, a session that ended with a form open, languages, and page weight.
@Suite struct PageTests {
    static let lke = PageAccessTableTests.lke

    /// The HTML of the element with `id`, up to the next element of the same tag (enough to
    /// look inside one criterion's form).
    static func element(_ html: String, id: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        return String(rest.prefix(while: { _ in true }).split(separator: "</form>", maxSplits: 1).first ?? "")
    }

    @Test(arguments: TestDatabase.available)
    func savingACriterionStoresItAndComesBackToIt(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await fixture.test { client in
            let session = try await client.signIn("bandung")
            let page = try await client.page(.get, Self.lke, session)
            #expect(page.status == .ok)
            // Every answer control of the component is labelled with its criterion's id.
            let rubric = try RubricCache().rubric(Fixture.rubric)
            for criterion in rubric.components[0].subcomponents.flatMap(\.criteria) {
                let anchor = LKEView.anchor(criterion.id)
                #expect(page.text.contains("<label for=\"v-\(anchor)\">Jawaban \(criterion.id)</label>"), "\(criterion.id)")
            }
            let saved = try await client.page(.post, Self.lke + "/answers/1.1.2", session,
                                              form: [("stage", "self"), ("component", "1"), ("version", "0"), ("value", "BB"),
                                                     ("note", "Renstra 2021-2026, hal. 4 & 5"), ("evidence", "https://e-sakip.example/renstra.pdf")])
            #expect(saved.status == .seeOther)
            #expect(saved.location == Self.lke + "?component=1&stage=self&saved=1.1.2#c-1-1-2")
            let stored = try await fixture.state.store.answers(year: 2024, agency: "kota-bandung")
            #expect(stored.map(\.value) == ["BB"])
            #expect(stored.first?.note == "Renstra 2021-2026, hal. 4 & 5")
            #expect(stored.first?.updatedBy == "bandung")
            let back = try await client.page(.get, saved.location, session)
            let item = Self.element(back.text, id: "c-1-1-2")
            #expect(item.contains("<option value=\"BB\" selected>"))
            #expect(item.contains("Renstra 2021-2026, hal. 4 &amp; 5"))
            #expect(item.contains("href=\"https://e-sakip.example/renstra.pdf\" target=\"_blank\" rel=\"noopener noreferrer\""))
            #expect(item.contains("name=\"version\" value=\"1\""))
            #expect(back.text.contains("1.1.2 tersimpan."))
            // The score so far is SakipCore's, from the one answer.
            let card = try #require(try await LKEPages.Target.card(fixture, "bandung"))
            #expect(back.text.contains("<span class=\"big\">\(Numbers.fixed(card.total, 2))</span>"))
            // The script's way: the same save answered in JSON, with the new version.
            let json = try await client.page(.post, Self.lke + "/answers/1.1.2", session, form: [("stage", "self"), ("version", "1"), ("value", "A")],
                                             headers: [.accept: "application/json"])
            #expect(json.status == .ok)
            #expect(json.json["version"] as? Int == 2)
        }
    }

    /// Two people edit the same answer: the second is shown the first's value and what it
    /// typed, and nothing is overwritten until it saves again knowingly.
    @Test(arguments: TestDatabase.available)
    func aConflictShowsTheOtherValueAndAsks(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await fixture.test { client in
            let office = try await client.signIn("office"), evaluator = try await client.signIn("eval-jabar")
            let first = try await client.page(.post, Self.lke + "/answers/2.1.1", office, form: [("stage", "final"), ("version", "0"), ("value", "A")])
            #expect(first.status == .seeOther)
            let second = try await client.page(.post, Self.lke + "/answers/2.1.1", evaluator,
                                               form: [("stage", "final"), ("component", "2"), ("version", "0"), ("value", "CC"), ("note", "bukti kurang")])
            #expect(second.status == .conflict)
            let item = Self.element(second.text, id: "c-2-1-1")
            #expect(item.contains("class=\"conflict\" role=\"alert\""))
            #expect(item.contains("<b>A</b> (office,"))
            #expect(item.contains("Anda mengisi <b>CC</b>"))
            // What was typed stays in the form, which now names the current version.
            #expect(item.contains("<option value=\"CC\" selected>"))
            #expect(item.contains("bukti kurang"))
            #expect(item.contains("name=\"version\" value=\"1\""))
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").first?.value == "A")
            let again = try await client.page(.post, Self.lke + "/answers/2.1.1", evaluator, form: [("stage", "final"), ("version", "1"), ("value", "CC")])
            #expect(again.status == .seeOther)
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").first?.value == "CC")
        }
    }

    @Test func aLetterOffTheScaleIsRefusedAtItsCriterion() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("bandung")
            let response = try await client.page(.post, Self.lke + "/answers/1.2.1", session, form: [("stage", "self"), ("version", "0"), ("value", "Q")])
            #expect(response.status == .unprocessableContent)
            #expect(Self.element(response.text, id: "c-1-2-1").contains("&#39;Q&#39; tidak ada pada skala 1.2.1; pilih salah satu dari AA, A, BB, B, CC, C, D, E."))
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").isEmpty)
        }
    }

    /// A workbook with one bad letter: the page lists the diagnostic at its cell, and nothing is
    /// stored; mended, it is stored whole.
    @Test(arguments: TestDatabase.available)
    func anUploadedWorkbookIsRefusedAtItsCell(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let (bad, good, count) = try Fixture.workbooks()
        try await fixture.test { client in
            let session = try await client.signIn("eval-jabar")
            let refused = try await client.page(.post, Self.lke + "/upload", session, file: ("lke-bandung.xlsx", bad))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<section class=\"upload-errors\" role=\"alert\""))
            let code = try #require(refused.text.range(of: "<code>lke-bandung.xlsx:LKE!"))
            #expect(refused.text[code.upperBound...].prefix(200).contains("&#39;Q&#39;"))
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").isEmpty)
            let stored = try await client.page(.post, Self.lke + "/upload", session, file: ("lke-bandung.xlsx", good))
            #expect(stored.status == .ok)
            #expect(stored.text.contains("\(count) jawaban dari lke-bandung.xlsx tersimpan."))
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").count == count)
        }
    }

    /// The workbook downloaded from the page is the rubric's LKE with what is stored in it:
    /// read back by SakipCore, it gives the same answers.
    @Test func theTemplateDownloadHoldsTheStoredAnswers() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("bandung")
            for (criterion, value) in [("1.1.1", "A"), ("3.2.1", "CC")] {
                let saved = try await client.page(.post, Self.lke + "/answers/\(criterion)", session, form: [("stage", "self"), ("version", "0"), ("value", value)])
                #expect(saved.status == .seeOther)
            }
            let download = try await client.page(.get, Self.lke + "/template.xlsx", session)
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"LKE-kota-bandung-2024.xlsx\"")
            let read = Evaluator(options: Evaluator.Options(rubric: Fixture.rubric)).read([.bytes(Array(buffer: download.body), name: "LKE.xlsx")])
            let report = try #require(read.reports.first)
            #expect(report.agency == "kota-bandung")
            #expect(Dictionary(report.answers.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a }) == ["1.1.1": "A", "3.2.1": "CC"])
        }
    }

    /// A file of evidence attached with an answer: stored with it in one save, linked from it,
    /// and downloaded (never shown as a page) by whoever may read that stage.
    @Test(arguments: TestDatabase.available)
    func aFileOfEvidenceIsKeptWithItsAnswer(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let pdf = Array("%PDF-1.4\n% bukti dukung\n".utf8) + (0..<2000).map { UInt8($0 % 251) }
        try await fixture.test { client in
            let session = try await client.signIn("bandung")
            let saved = try await client.page(.post, Self.lke + "/answers/1.1.4", session, form: [("stage", "self"), ("version", "0"), ("value", "BB")],
                                              file: ("C:\\Dokumen\\renja 2024.pdf", pdf), fileField: "evidence_file")
            #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            let answer = try #require(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").first)
            #expect(answer.value == "BB")
            let link = try #require(answer.evidence)
            #expect(link.hasPrefix(Self.lke + "/evidence/"))
            let page = try await client.page(.get, Self.lke, session)
            #expect(Self.element(page.text, id: "c-1-1-4").contains("<a href=\"\(link)\" target=\"_blank\""))
            for user in ["bandung", "eval-jabar", "office"] {
                let download = try await client.page(.get, link, try await client.signIn(user))
                #expect(download.status == .ok, "\(user)")
                #expect(Array(buffer: download.body) == pdf)
                #expect(download.headers[.contentType] == "application/octet-stream")
                #expect(download.headers[.contentDisposition] == "attachment; filename=\"renja 2024.pdf\"")
            }
            #expect(try await client.page(.get, link, try await client.signIn("merauke")).status == .notFound)
            // A file over the bound is refused at its criterion, and nothing is stored.
            let big = [UInt8](repeating: 7, count: Limits.evidence + 1)
            let refused = try await client.page(.post, Self.lke + "/answers/1.1.5", session, form: [("stage", "self"), ("version", "0"), ("value", "BB")],
                                                file: ("besar.pdf", big), fileField: "evidence_file")
            #expect(refused.status == .contentTooLarge)
            #expect(Self.element(refused.text, id: "c-1-1-5").contains("Berkas bukti dukung paling besar 10 MB."))
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").count == 1)
        }
    }

    /// A session that ended while a form was open: the sign-in page keeps what was typed, and
    /// after signing in it is shown again, to be sent with the new session.
    @Test func anExpiredSessionKeepsWhatWasTyped() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let typed = [("stage", "self"), ("component", "1"), ("version", "0"), ("value", "BB"), ("note", "Catatan panjang \"penting\" <b>")]
            let expired = try await client.page(.post, Self.lke + "/answers/1.1.3", nil, form: typed)
            #expect(expired.status == .unauthorized)
            #expect(expired.text.contains("name=\"draft_action\" value=\"\(Self.lke)/answers/1.1.3\""))
            #expect(expired.text.contains("name=\"draft:note\" value=\"Catatan panjang &quot;penting&quot; &lt;b&gt;\""))
            // Signing in with the form the page gave.
            var fields = [("username", "bandung"), ("password", Fixture.password), ("next", Self.lke + "/answers/1.1.3"),
                          ("draft_action", Self.lke + "/answers/1.1.3")]
            fields += typed.map { ("draft:" + $0.0, $0.1) }
            let signedIn = try await client.page(.post, "/signin", nil, form: fields)
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("<form method=\"post\" action=\"\(Self.lke)/answers/1.1.3\""))
            #expect(signedIn.text.contains("name=\"note\" value=\"Catatan panjang &quot;penting&quot; &lt;b&gt;\""))
            let cookie = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let csrf = try #require(signedIn.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            let sent = try await client.page(.post, Self.lke + "/answers/1.1.3", Fixture.Client.Session(cookie: cookie, csrf: String(csrf)), form: typed)
            #expect(sent.status == .seeOther)
            #expect(try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").first?.note == "Catatan panjang \"penting\" <b>")
        }
    }

    @Test(arguments: ["//evil.example/", "/\t/evil.example/", "/\\evil.example", "https://evil.example/", "/\n/x", "evil"])
    func addressesAfterSignInStayOnTheSite(next: String) {
        #expect(PagePath.safeNext(next) == "/")
    }

    @Test func addressesOnTheSiteAreKept() {
        #expect(PagePath.safeNext("/periods/2024/agencies/kota-bandung?component=2") == "/periods/2024/agencies/kota-bandung?component=2")
        #expect(PagePath.isAnswerForm("/periods/2024/agencies/kota-bandung/answers/1.1.1"))
        #expect(!PagePath.isAnswerForm("/office/users"))
    }

    /// A form sent from another site's page is refused, signed in or signing in.
    @Test func formsFromAnotherSiteAreRefused() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("office")
            let evil: HTTPFields = [.origin: "https://evil.example"]
            let forged = try await client.page(.post, "/office/agencies", session, form: [("id", "x"), ("name", "X"), ("region", "Y")], headers: evil)
            #expect(forged.status == .forbidden)
            #expect(try await fixture.state.store.agency("x") == nil)
            let signIn = try await client.page(.post, "/signin", nil, form: [("username", "office"), ("password", Fixture.password)], headers: evil)
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers[.setCookie] == nil)
            // Another form than an answer's is not carried through the sign-in.
            let expired = try await client.page(.post, "/office/agencies", nil, form: [("id", "x"), ("name", "X"), ("region", "Y")])
            #expect(expired.status == .unauthorized)
            #expect(!expired.text.contains("draft_action"))
        }
    }

    @Test func signInRefusesAWrongPasswordOnThePage() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let wrong = try await client.page(.post, "/signin", nil, form: [("username", "bandung"), ("password", "salah-sekali"), ("next", "/")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Nama pengguna atau kata sandi salah."))
            #expect(wrong.headers[.setCookie] == nil)
            let away = try await client.page(.post, "/signin", nil, form: [("username", "bandung"), ("password", Fixture.password), ("next", "//evil.example/")])
            #expect(away.status == .seeOther)
            #expect(away.location == "/")
        }
    }

    /// Indonesian by default; a user who chose English gets English from the same table.
    @Test func languagePerUser() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("bandung")
            #expect(try await client.page(.get, Self.lke, session).text.contains("<h2 id=\"h-summary\">Nilai sementara</h2>"))
            let changed = try await client.page(.post, "/account/language", session, form: [("language", "en")])
            #expect(changed.status == .seeOther)
            let english = try await client.page(.get, Self.lke, session).text
            #expect(english.contains("<html lang=\"en\">"))
            #expect(english.contains("<h2 id=\"h-summary\">Score so far</h2>"))
            #expect(english.contains("<label for=\"v-1-1-1\">Answer 1.1.1</label>"))
        }
    }

    /// Checklist rubrics take four flags per criterion; grade rubrics one letter per sub-component.
    @Test(arguments: ["permenpanrb-88-2021-checklist", "permenpanrb-88-2021-grade", "permenpanrb-12-2015"])
    func everyRubricKindHasItsControls(rubricID: String) async throws {
        let fixture = try await Fixture.make(period: false)
        _ = try await fixture.state.store.addPeriod(year: 2024, rubric: rubricID)
        let rubric = try RubricCache().rubric(rubricID)
        let first = try #require(LKEView.items(of: rubric.components[0].subcomponents[0], in: rubric).first)
        try await fixture.test { client in
            let session = try await client.signIn("bandung")
            let page = try await client.page(.get, Self.lke, session)
            #expect(page.status == .ok)
            let item = Self.element(page.text, id: "c-" + LKEView.anchor(first.key))
            var form = [("stage", "self"), ("version", "0")]
            if first.checklist {
                #expect(item.contains("<legend>Jawaban \(first.key)</legend>"))
                #expect(item.components(separatedBy: "type=\"checkbox\"").count == 5)
                form += [("flags", "met"), ("flags", "kept_1_year")]
            } else {
                #expect(item.contains("<label for=\"v-\(LKEView.anchor(first.key))\">Jawaban \(first.key)</label>"))
                form.append(("value", first.scale.letters[0]))
            }
            let saved = try await client.page(.post, Self.lke + "/answers/\(first.key)", session, form: form)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(400))")
            let stored = try await fixture.state.store.answers(year: 2024, agency: "kota-bandung")
            #expect(stored.first?.value == (first.checklist ? "met,kept_1_year" : first.scale.letters[0]))
            #expect(stored.first?.criterion == first.key)
        }
    }

    /// The evaluator sees the self-assessment beside its stage, over-claims marked.
    @Test func overClaimsAreMarkedForTheEvaluator() async throws {
        let fixture = try await Fixture.make()
        let store = fixture.state.store
        _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: "1.1.1", stage: .selfAssessment, write: AnswerWrite(value: "AA", version: 0), by: "bandung")
        _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: "1.1.1", stage: .verified, write: AnswerWrite(value: "B", version: 0), by: "eval-jabar")
        _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: "1.1.2", stage: .selfAssessment, write: AnswerWrite(value: "B", version: 0), by: "bandung")
        _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: "1.1.2", stage: .verified, write: AnswerWrite(value: "B", version: 0), by: "eval-jabar")
        try await fixture.test { client in
            let page = try await client.page(.get, Self.lke + "?stage=verified", try await client.signIn("eval-jabar")).text
            let over = Self.element(page, id: "c-1-1-1"), fair = Self.element(page, id: "c-1-1-2")
            #expect(page.contains("class=\"item overclaim\" id=\"c-1-1-1\""))
            #expect(over.contains("mandiri: <b>AA</b>"))
            #expect(over.contains("<span class=\"flag\">Klaim berlebih</span>"))
            #expect(page.contains("class=\"item\" id=\"c-1-1-2\""))
            #expect(!fair.contains("Klaim berlebih"))
            // The agency does not see the evaluator's answers before publication.
            let own = try await client.page(.get, Self.lke, try await client.signIn("bandung")).text
            #expect(!Self.element(own, id: "c-1-1-1").contains("verifikasi"))
        }
    }

    /// The agency's LKE page, every criterion answered at every stage with notes, stays under
    /// 150 KB on every component of the 80-criterion rubric.
    @Test func theLKEPageIsLight() async throws {
        let fixture = try await Fixture.make()
        let rubric = try RubricCache().rubric(Fixture.rubric)
        let store = fixture.state.store
        let note = String(repeating: "Dokumen tersedia dan telah dievaluasi. ", count: 5)
        for criterion in rubric.subcomponents.flatMap(\.criteria) {
            for stage in Stage.allCases {
                _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: criterion.id, stage: stage,
                                         write: AnswerWrite(value: "BB", note: note, evidence: "https://e-sakip.example/\(criterion.id).pdf", version: 0), by: "office")
            }
        }
        #expect(rubric.subcomponents.flatMap(\.criteria).count == 80)
        try await fixture.test { client in
            let session = try await client.signIn("eval-jabar")
            for component in rubric.components {
                let page = try await client.page(.get, Self.lke + "?component=\(component.id)&stage=final", session)
                #expect(page.status == .ok)
                #expect(page.body.readableBytes < 150 * 1024, "component \(component.id): \(page.body.readableBytes) bytes")
            }
        }
    }

    /// Once published, the agency sees the evaluator's answers and notes beside its own, and
    /// where it over-claimed most.
    @Test func afterPublicationTheAgencySeesTheEvaluation() async throws {
        let fixture = try await Fixture.make()
        let store = fixture.state.store
        for (criterion, claimed, verified) in [("1.1.1", "AA", "C"), ("1.1.2", "A", "A")] {
            _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: criterion, stage: .selfAssessment, write: AnswerWrite(value: claimed, version: 0), by: "bandung")
            _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: criterion, stage: .final,
                                     write: AnswerWrite(value: verified, note: "SK belum ditandatangani", version: 0), by: "eval-jabar")
        }
        try await fixture.test { client in
            let session = try await client.signIn("bandung")
            let before = try await client.page(.get, Self.lke, session).text
            #expect(!before.contains("SK belum ditandatangani"))
            #expect(!before.contains("id=\"h-gaps\""))
            _ = try await store.setState(2024, .published)
            let after = try await client.page(.get, Self.lke, session).text
            #expect(Self.element(after, id: "c-1-1-1").contains("mandiri: <b>AA</b>"))
            #expect(Self.element(after, id: "c-1-1-1").contains("<option value=\"C\" selected>"))
            #expect(Self.element(after, id: "c-1-1-1").contains("SK belum ditandatangani"))
            #expect(Self.element(after, id: "c-1-1-1").contains(" disabled>"))
            let gaps = try #require(after.range(of: "<h2 id=\"h-gaps\">Klaim berlebih terbesar</h2>"))
            #expect(after[gaps.upperBound...].prefix(600).contains("<th scope=\"row\">1.1 "))
        }
    }

    /// Gaps, a candidate rubric and the sensitivity are shown as the command line's Markdown
    /// tables, in the user's language, for what the caller may see.
    @Test func analysesAreTablesOnThePage() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            try await AccessTableTests.seed(client)
            let evaluator = try await client.signIn("eval-jabar")
            let gaps = try await client.page(.get, "/periods/2024/results/gaps", evaluator).text
            #expect(gaps.contains("<th scope=\"col\">Instansi</th>"))
            #expect(gaps.contains("<td>kota-bandung</td>"))
            #expect(!gaps.contains("kab-merauke"))
            let compare = try await client.page(.get, "/periods/2024/results/compare?candidate=permenpanrb-88-2021-grade", evaluator).text
            #expect(compare.contains("<option value=\"permenpanrb-88-2021-grade\" selected>"))
            #expect(compare.contains("href=\"/api/v1/periods/2024/compare?candidate=permenpanrb-88-2021-grade&amp;format=xlsx\""))
            #expect(compare.contains("<td>kota-bandung</td>"))
            let sensitivity = try await client.page(.get, "/periods/2024/results/sensitivity?samples=64&seed=5", evaluator).text
            #expect(sensitivity.contains("name=\"samples\" value=\"64\""))
            #expect(sensitivity.contains("<td>kota-bandung</td>"))
            #expect(!sensitivity.contains("|"))
            let refused = try await client.page(.get, "/periods/2024/results/sensitivity?samples=1", evaluator)
            #expect(refused.status == .unprocessableContent)
        }
    }

    /// The evaluator's list counts each agency's answered items per stage (an empty value is no
    /// answer), with the newest change, for its own regions only.
    @Test(arguments: TestDatabase.available)
    func progressIsCountedPerStage(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let store = fixture.state.store
        for (criterion, stage, value) in [("1.1.1", Stage.selfAssessment, "A"), ("1.1.2", .selfAssessment, "B"), ("1.1.3", .selfAssessment, ""),
                                          ("1.1.1", .final, "BB")] {
            _ = try await store.save(year: 2024, agency: "kota-bandung", criterion: criterion, stage: stage, write: AnswerWrite(value: value, version: 0), by: "office")
        }
        _ = try await store.save(year: 2024, agency: "kab-merauke", criterion: "1.1.1", stage: .final, write: AnswerWrite(value: "A", version: 0), by: "office")
        try await fixture.test { client in
            let page = try await client.page(.get, "/periods/2024/agencies", try await client.signIn("eval-jabar")).text
            let row = try #require(page.range(of: ">Pemerintah Kota Bandung</a></th>"))
            let cells = page[row.upperBound...].prefix(400)
            #expect(cells.contains("<td class=\"num\">2/80</td><td class=\"num\">0/80</td><td class=\"num\">0/80</td><td class=\"num\">1/80</td>"), "\(cells)")
            #expect(page.contains(">Pemerintah Kabupaten Bogor</a></th><td>Jawa Barat</td><td class=\"num\">0/80</td>"))
            #expect(!page.contains("Merauke"))
        }
    }

    /// The ranking shows movement since the year before, when the caller may read that year.
    @Test func theRankingShowsMovementSinceTheYearBefore() async throws {
        let fixture = try await Fixture.make()
        let store = fixture.state.store
        _ = try await store.addPeriod(year: 2023, rubric: Fixture.rubric)
        for (year, letter) in [(2023, "C"), (2024, "A")] {
            for agency in ["kota-bandung", "kab-bogor"] {
                _ = try await store.save(year: year, agency: agency, criterion: "1.1.1", stage: .final, write: AnswerWrite(value: agency == "kab-bogor" ? "B" : letter, version: 0), by: "office")
            }
        }
        _ = try await store.setState(2023, .published)
        try await fixture.test { client in
            let page = try await client.page(.get, "/periods/2024/results", try await client.signIn("eval-jabar")).text
            #expect(page.contains("Perubahan sejak 2023"))
            #expect(page.contains("<th scope=\"col\">Perubahan</th>"))
            // C (50) to A (90) on one of 7 criteria of a 6-point sub-component: 6 x 40 / 7 / 100 = +0.34
            // points; Bogor (B both years) is passed, so up one place.
            let row = try #require(page.range(of: "Pemerintah Kota Bandung</a></th>"))
            #expect(page[row.upperBound...].prefix(700).contains("<td class=\"num\">+0.34 (+1)</td>"), "\(page[row.upperBound...].prefix(700))")
        }
    }

    /// The HTML report keeps its inline style sheet under a policy that allows exactly that sheet.
    @Test func theReportsPolicyAllowsItsOwnStyleOnly() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            try await AccessTableTests.seedFiles(client)
            let report = try await client.send(.get, "/api/v1/periods/2024/report", as: "office")
            #expect(report.status == .ok)
            let html = report.text
            let start = try #require(html.range(of: "<style>")), end = try #require(html.range(of: "</style>"))
            let digest = Data(SHA256.hash(data: Data(html[start.upperBound..<end.lowerBound].utf8))).base64EncodedString()
            let policy = try #require(report.headers[.contentSecurityPolicy])
            #expect(policy.contains("style-src 'sha256-\(digest)'"))
            #expect(policy.hasPrefix("default-src 'none';"))
            #expect(policy.contains("frame-ancestors 'none'"))
        }
    }

    @Test func staticFilesAreServedAndNothingElse() async throws {
        let fixture = try await Fixture.make(period: false)
        try await fixture.test { client in
            let css = try await client.page(.get, "/static/sakip.css", nil)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(try await client.page(.get, "/static/..%2FPackage.swift", nil).status == .notFound)
        }
    }
}

extension LKEPages.Target {
    /// The card the LKE page shows for `user`, computed as the page computes it.
    static func card(_ fixture: Fixture, _ user: String) async throws -> ScoreCard? {
        guard let stored = try await fixture.state.store.user(named: user) else { return nil }
        let identity = stored.identity()
        let period = try await fixture.state.period(2024)
        let results = PeriodResults(state: fixture.state)
        let evaluation = try await results.evaluation(period, try await results.scope(period, for: identity, only: "kota-bandung"))
        return try ScoreRequest(inputs: InputSelection([], options: results.options(period))).result(evaluation).reports.first?.card
    }
}

/// The Markdown of results as page blocks: headings, tables with their numeric columns, lists.
@Suite struct MarkdownBlocksTests {
    @Test func tablesHeadingsAndLists() throws {
        let blocks = MarkdownBlocks.blocks("""
            ## Ranking of 2 reports

            | Agency | Score |
            | --- | ---: |
            | kota-bandung | 81.20 |
            | a \\| b | 7.00 |

            - first
            - **second**
            A line
            """)
        #expect(blocks.count == 4)
        #expect((blocks[0]["heading"] as? [String: Any])?["text"] as? String == "Ranking of 2 reports")
        let table = try #require(blocks[1]["table"] as? [String: Any])
        let head = try #require(table["head"] as? [[String: Any]])
        #expect(head.map { $0["text"] as? String } == ["Agency", "Score"])
        #expect(head.map { $0["num"] as? Bool } == [false, true])
        let rows = try #require(table["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(((rows[1]["cells"] as? [[String: Any]])?[0]["text"] as? String) == "a | b")
        #expect((blocks[2]["list"] as? [String: Any])?["items"] as? [String] == ["first", "second"])
        #expect(blocks[3]["paragraph"] as? String == "A line")
    }
}
