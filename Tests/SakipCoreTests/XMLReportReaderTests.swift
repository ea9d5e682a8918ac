import Testing
@testable import SakipCore

/// libxml2 keeps per-thread and global state: these run one at a time.
@Suite("XML reports", .serialized)
struct XMLReportReaderTests {
    let scratch = Scratch()

    func read(_ xml: String) -> (path: String, file: ReportFile) {
        let path = scratch.write("r.xml", xml)
        return (path, XMLReportReader.read(path: path))
    }

    @Test func readsEveryPartOfAReport() throws {
        let (_, file) = read("""
        <?xml version="1.0" encoding="UTF-8"?>
        <report agency="kota-bandung" name="Pemerintah Kota Bandung" region="Jawa Barat" year="2024" rubric="permenpanrb-88-2021">
          <answers><answer criterion="1.1.1" value="A"/><answer criterion="1.1.2" value=" BB "/></answers>
          <grades><grade subcomponent="2.1" value="CC"/></grades>
          <checklist><item criterion="3.1.1" met="ya" mandated="yes" kept-1-year="1" kept-5-years="tidak"/></checklist>
          <indicators>
            <indicator id="IKU-01" name="Indeks Kepuasan Masyarakat" unit="%" polarity="positive" target="80" realization="82.5"/>
            <indicator id="IKU-02" polarity="negative" target-low="2" target-high="4" realization="3.1" weight="2"/>
          </indicators>
          <budget ceiling="1000" realized="950"/>
        </report>
        """)
        #expect(file.errors.isEmpty)
        let report = try #require(file.reports.first)
        #expect(report.agency == "kota-bandung")
        #expect(report.name == "Pemerintah Kota Bandung")
        #expect(report.region == "Jawa Barat")
        #expect(report.year == 2024)
        #expect(report.rubric == "permenpanrb-88-2021")
        #expect(report.answers.map(\.id) == ["1.1.1", "1.1.2", "2.1"])
        #expect(report.answers.map(\.value) == ["A", "BB", "CC"])
        #expect(report.checklist == [ChecklistAnswer(criterion: "3.1.1", met: true, mandated: true, kept1Year: true, kept5Years: false, offset: report.checklist[0].offset)])
        #expect(report.indicators.map(\.target) == [.value(80), .range(low: 2, high: 4)])
        #expect(report.indicators.map(\.weight) == [1, 2])
        #expect(report.indicators[0].unit == "%")
        #expect(report.budget == Budget(ceiling: 1000, realized: 950))
    }

    @Test func batchFileKeepsTheGoodReportsAroundABadOne() {
        let (path, file) = read("""
        <reports>
          <report agency="a" year="2024"><answers><answer criterion="1.1.1" value="A"/></answers></report>
          <report agency="b" year="20x4"/>
          <report agency="c" year="2024"/>
        </reports>
        """)
        #expect(file.reports.map(\.agency) == ["a", "c"])
        #expect(file.errors.map(\.description) == ["\(path):3:28: error: 'year' is '20x4'; expected a four-digit year such as 2024"])
    }

    @Test func malformedXMLIsOneErrorWithItsPosition() {
        let (path, file) = read("<report agency=\"a\" year=\"2024\">\n  <answers>\n</report>\n")
        #expect(file.reports.isEmpty)
        #expect(file.errors.count == 1)
        #expect(file.errors.first?.location.file == path)
        #expect(file.errors.first?.location.line == 3)
        #expect(file.errors.first?.message.hasPrefix("malformed XML: ") == true)
    }

    @Test func nonNumericValuesPointAtTheValue() {
        let (path, file) = read("""
        <report agency="a" year="2024">
          <indicators>
            <indicator id="IKU-01" target="8O" realization="82,5"/>
          </indicators>
        </report>
        """)
        #expect(file.reports.isEmpty)
        #expect(file.errors.map(\.description) == [
            "\(path):3:53: error: 'realization' is '82,5'; expected a number such as 82.5 (with '.' for decimals)",
            "\(path):3:36: error: 'target' is '8O'; expected a number such as 82.5 (with '.' for decimals)",
        ])
    }

    @Test(arguments: [
        ("<report year=\"2024\"/>", "<report> needs a non-empty 'agency' attribute"),
        ("<report agency=\"a\" year=\"2024\"><answers><answer criterion=\"1\"/></answers></report>", "<answer> needs a non-empty 'value' attribute"),
        ("<report agency=\"a\" year=\"2024\"><answer criterion=\"1\" value=\"A\"/></report>", "unexpected element <answer> inside <report>; expected <answers>, <budget>, <checklist>, <grades>, <indicators>"),
        ("<report agency=\"a\" year=\"2024\"><indicators><indicator id=\"i\" realization=\"1\"/></indicators></report>", "<indicator> needs either 'target' or both 'target-low' and 'target-high'"),
        ("<report agency=\"a\" year=\"2024\"><checklist><item criterion=\"1\" met=\"T\"/></checklist></report>", "'met' is 'T'; expected yes or no (ya/tidak, true/false, 1/0)"),
        ("<report agency=\"a\" year=\"2024\"><indicators><indicator id=\"i\" polarity=\"up\" target=\"1\" realization=\"1\"/></indicators></report>", "'polarity' is 'up'; expected positive or negative"),
        ("<agency/>", "unexpected element <agency> inside the document; expected <report>, <reports>"),
    ])
    func structuralErrors(xml: String, message: String) {
        let (_, file) = read(xml)
        #expect(file.reports.isEmpty)
        #expect(file.errors.map(\.message) == [message])
        #expect(file.errors.allSatisfy { $0.location.line == 1 && $0.location.column > 0 })
    }

    @Test func externalEntitiesAreNeverLoaded() {
        scratch.write("secret.txt", "SECRET")
        let (_, file) = read("""
        <?xml version="1.0"?>
        <!DOCTYPE report [<!ENTITY leak SYSTEM "secret.txt">]>
        <report agency="&leak;" year="2024"/>
        """)
        #expect(!file.reports.contains { $0.agency.contains("SECRET") })
        #expect(!file.errors.isEmpty)
    }

    @Test func unknownAttributesWarn() {
        let (_, file) = read("<report agency=\"a\" year=\"2024\" yaer=\"2023\"/>")
        #expect(file.reports.count == 1)
        #expect(file.diagnostics.map(\.message) == ["unknown attribute 'yaer' on <report> is ignored"])
        #expect(file.diagnostics.first?.location.column == 38)
    }

    /// Names are remembered by libxml2's dictionary pointer up to a bound; past it (a hostile
    /// document with many distinct names) each is looked up by its bytes, with the same answers.
    @Test func manyDistinctNamesAreStillTold() {
        let unknown = (0..<150).map { "x\($0)=\"1\"" }.joined(separator: " ")
        let (_, file) = read("<report agency=\"a\" \(unknown) year=\"2024\"><answers><answer criterion=\"1\" value=\"A\"/></answers></report>")
        #expect(file.reports.map(\.agency) == ["a"])
        #expect(file.reports.first?.year == 2024)
        #expect(file.reports.first?.answers.map(\.value) == ["A"])
        #expect(file.diagnostics.count == 150)
        #expect(file.diagnostics.last?.message == "unknown attribute 'x149' on <report> is ignored")
    }

    /// Values with white space around them are trimmed where the format says so; the check for
    /// it is made on the bytes as they are read.
    @Test(arguments: [" A", "A ", "\tA\n", " A "])
    func requiredValuesAreTrimmed(value: String) {
        let (_, file) = read("<report agency=\" a \" year=\"2024\"><answers><answer criterion=\" 1.1 \" value=\"\(value)\"/></answers></report>")
        #expect(file.reports.first?.agency == "a")
        #expect(file.reports.first?.answers.map(\.id) == ["1.1"])
        #expect(file.reports.first?.answers.map(\.value) == ["A"])
    }

    @Test func schemaAcceptsTheSamplesFormatAndRejectsViolations() throws {
        let good = scratch.write("good.xml", "<report agency=\"a\" year=\"2024\"><answers><answer criterion=\"1\" value=\"A\"/></answers></report>")
        let bad = scratch.write("bad.xml", "<report agency=\"a\" year=\"2024\">\n<answers><answer criterion=\"1\"/></answers></report>")
        let sources = try [good, bad].map { SourceText(name: $0, bytes: Array(try String(contentsOfFile: $0, encoding: .utf8).utf8)) }
        let results = ReportSchema.validate(sources)
        #expect(results[0].isEmpty)
        #expect(results[1].count == 1)
        #expect(results[1].first?.location.line == 2)
        #expect(results[1].first?.code == .schema)
        #expect(results[1].first?.message.contains("value") == true)
    }
}
