import Foundation
import Testing
@testable import SakipCore
@testable import SakipRendering

/// Notes and evidence beside answers (issue 24, part 7): read from every format, carried to the
/// card, never scored, and dropped unread only where nothing shows them. libxml2 is used, hence
/// serialized.
@Suite("Notes and evidence", .serialized)
struct RemarkTests {
    static let xml = """
    <report agency="kota-a" year="2024" rubric="tiny">
      <answers stage="self"><answer criterion="a" value="A" note="  klaim penuh  "/></answers>
      <answers>
        <answer criterion="a" value="C" note="Renstra &amp; RPJMD &#x26; &lt;IKU&gt;" evidence="https://e-sakip.example/a.pdf"/>
        <answer criterion="b" value="Y" evidence="SK-IKU.pdf"/>
        <answer criterion="d" value="B" note="   " evidence=""/>
        <answer criterion="e" value="E"/>
      </answers>
      <grades><grade subcomponent="1.2" value="B" note="nilai sub-komponen"/></grades>
    </report>
    """

    func xml(remarks: Bool = true) -> ReportFile {
        XMLReportReader.read(SourceText(name: "r.xml", bytes: Array(Self.xml.utf8)), placing: nil, remarks: remarks)
    }

    @Test func xmlNotesAndEvidenceAreReadWithTheirStageAndEntitiesResolved() throws {
        let file = xml()
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let report = try #require(file.reports.first)
        #expect(report.remarks == [
            Remark(criterion: "a", stage: .selfAssessment, note: "klaim penuh", evidence: nil)!,
            Remark(criterion: "a", stage: .final, note: "Renstra & RPJMD & <IKU>", evidence: "https://e-sakip.example/a.pdf")!,
            Remark(criterion: "b", stage: .final, note: nil, evidence: "SK-IKU.pdf")!,
            Remark(criterion: "1.2", stage: .final, note: "nilai sub-komponen", evidence: nil)!,
        ])
    }

    @Test func aRunThatShowsNoRemarksReadsTheSameAnswersAndNoRemarks() throws {
        let full = try #require(xml().reports.first), lean = try #require(xml(remarks: false).reports.first)
        #expect(lean.remarks.isEmpty)
        #expect(lean.answers == full.answers)
        #expect(xml(remarks: false).diagnostics == xml().diagnostics)
    }

    /// A remark changes no number: the card with notes scores as the one without.
    @Test func remarksAreNeverScored() throws {
        let scorer = Scorer(rubric: try tinyRubric())
        let withNotes = try scorer.score(try #require(xml().reports.first))
        let without = try scorer.score(try #require(xml(remarks: false).reports.first))
        #expect(withNotes.total == without.total)
        #expect(withNotes.remarks.count == 4)
        var stripped = withNotes
        stripped.remarks = []
        #expect(stripped == without)
    }

    @Test func aNoteOnAnElementThatTakesNoneIsNeitherReadNorWarnedAbout() throws {
        let text = #"<report agency="kota-a" year="2024" note="x"><answers evidence="y"><answer criterion="a" value="A"/></answers></report>"#
        for remarks in [true, false] {
            let file = XMLReportReader.read(SourceText(name: "r.xml", bytes: Array(text.utf8)), placing: nil, remarks: remarks)
            #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
            #expect(file.reports.first?.remarks == [])
        }
    }

    @Test(arguments: [
        ("Dinas PU &#38; Tata Ruang", "Dinas PU & Tata Ruang"), ("a &#x26; b", "a & b"), ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
        ("&#8364; 5", "€ 5"), ("tanpa rujukan", "tanpa rujukan"), ("&unknown; &", "&unknown; &"), ("&#xD800;", "&#xD800;"),
    ])
    func referencesLeftInAttributeValuesAreResolved(written: String, read: String) {
        #expect(XMLReferences.resolve(Array(written.utf8)) == read)
    }

    /// libxml2 hands `&amp;` in an attribute over as `&#38;`: an agency's name reads as written.
    @Test func anAmpersandInANameIsReadAsOne() throws {
        let text = #"<report agency="dinas-pupr" name="Dinas PU &amp; Penataan Ruang" year="2024"><answers/></report>"#
        let file = XMLReportReader.read(SourceText(name: "r.xml", bytes: Array(text.utf8)))
        #expect(file.reports.first?.name == "Dinas PU & Penataan Ruang")
    }

    @Test func csvNoteAndEvidenceColumnsBecomeRemarksAtTheirRowsStage() throws {
        let csv = #"""
        agency;year;criterion;value;stage;note;evidence;;
        kota-a;2024;a;A;self;"klaim ""penuh""";;;
        kota-a;2024;a;C;;"Renstra; RPJMD";https://e-sakip.example/a.pdf;;
        kota-a;2024;b;Y;;;;;
        kota-a;2024;d;B;final;  ;  ;;

        """#
        let lean = CSVReportReader.read(SourceText(name: "a.csv", bytes: Array(csv.utf8)), rubric: "tiny", jobs: 1, placing: nil, remarks: false)
        #expect(lean.reports.first?.remarks == [])
        let file = CSVReportReader.read(SourceText(name: "a.csv", bytes: Array(csv.utf8)), rubric: "tiny")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.reports.first?.remarks == [
            Remark(criterion: "a", stage: .selfAssessment, note: #"klaim "penuh""#, evidence: nil)!,
            Remark(criterion: "a", stage: .final, note: "Renstra; RPJMD", evidence: "https://e-sakip.example/a.pdf")!,
        ])
    }

    @Test func aChecklistRowsNoteIsKept() throws {
        let csv = "agency,year,criterion,met,note\nkota-a,2024,3.1.1,Y,Perwal 12/2024\n"
        let file = CSVReportReader.read(SourceText(name: "c.csv", bytes: Array(csv.utf8)), rubric: "tiny")
        #expect(file.reports.first?.remarks == [Remark(criterion: "3.1.1", stage: .final, note: "Perwal 12/2024", evidence: nil)!])
    }

    /// Written into the template's Catatan and Bukti Dukung columns, read back from them: the
    /// workbook's one pair of columns stands beside the latest stage the row answers.
    @Test func aTemplateFromAReportCarriesItsRemarksAndReadsThemBack() throws {
        var template = LKETemplate(rubric: try tinyRubric(), agency: "kota-a", year: 2024, answers: ["a": "C", "b": "Y", "d": "B"])
        template.selfAnswers = ["a": "A", "e": "A"]
        (template.notes, template.evidence) = TemplateRequest.remarkColumns(try #require(xml().reports.first).remarks)
        #expect(template.notes["a"] == "self: klaim penuh; final: Renstra & RPJMD & <IKU>")
        let bytes = try LKEWorkbookRenderer(language: .id).workbook(template).data()
        let file = WorkbookReportReader.read(SourceText(name: "lke.xlsx", bytes: bytes))
        let report = try #require(file.reports.first)
        #expect(report.remarks == [
            Remark(criterion: "a", stage: .final, note: "self: klaim penuh; final: Renstra & RPJMD & <IKU>", evidence: "https://e-sakip.example/a.pdf")!,
            Remark(criterion: "b", stage: .final, note: nil, evidence: "SK-IKU.pdf")!,
            Remark(criterion: "1.2", stage: .final, note: "nilai sub-komponen", evidence: nil)!,
        ])
    }

    @Test func oneTextGivenAtSeveralStagesIsWrittenOnce() throws {
        let remarks = [Remark(criterion: "a", stage: .final, note: "sama", evidence: "x.pdf")!,
                       Remark(criterion: "a", stage: .selfAssessment, note: "sama", evidence: "y.pdf")!]
        let (notes, evidence) = TemplateRequest.remarkColumns(remarks)
        #expect(notes == ["a": "sama"])
        #expect(evidence == ["a": "self: y.pdf; final: x.pdf"])
    }

    @Test func aRankingReadsNoRemarksAndAScoreKeepsThem() throws {
        let scratch = Scratch()
        let path = scratch.write("tiny.yaml", tinyRubricYAML)
        scratch.write("r.xml", Self.xml.replacingOccurrences(of: "rubric=\"tiny\"", with: "rubric=\"\(path)\""))
        let scored = Evaluator(options: .init(jobs: 1)).evaluate(paths: [scratch.folder + "/r.xml"])
        #expect(scored.cards.first?.remarks.count == 4)
        let ranked = Evaluator(options: .init(jobs: 1, keepsWarnings: false)).evaluate(paths: [scratch.folder + "/r.xml"])
        #expect(ranked.cards.first?.remarks == [])
        #expect(ranked.cards.first?.total == scored.cards.first?.total)
    }

    @Test func theCardsJSONCarriesTheRemarksAndDecodesThem() throws {
        let card = try Scorer(rubric: try tinyRubric()).score(try #require(xml().reports.first))
        let json = try JSONEncoder().encode(card)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let remarks = try #require(object["remarks"] as? [[String: String]])
        #expect(remarks.first == ["criterion": "a", "stage": "self", "note": "klaim penuh"])
        #expect(remarks.count == 4)
        #expect(try JSONDecoder().decode(ScoreCard.self, from: json).remarks == card.remarks)
    }
}
