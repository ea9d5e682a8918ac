import Foundation
import Testing

@Suite("sakip score over samples/ (golden files)")
struct ScoreGoldenTests {
    @Test(arguments: Sakip.samples)
    func textAndJSON(sample: String) throws {
        let stem = String(sample.dropLast(".xml".count))
        let text = try Sakip.run(["score", sample])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.isEmpty)
        try Sakip.expectGolden(text.stdout, stem + ".expected.txt")
        let json = try Sakip.run(["score", sample, "--format", "json"])
        #expect(json.status == 0)
        try Sakip.expectGolden(json.stdout, stem + ".expected.json")
    }

    @Test func samplesCoverEveryBundledRubric() throws {
        var rubrics = Set<String>()
        for sample in Sakip.samples {
            let text = try String(contentsOf: Sakip.packageRoot.appendingPathComponent(sample), encoding: .utf8)
            if let range = text.range(of: #"rubric="[^"]+""#, options: .regularExpression) { rubrics.insert(String(text[range])) }
        }
        #expect(rubrics.count >= 4)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let run = try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["rubric"] as? String == "permenpanrb-88-2021")
        let report = try #require((object["reports"] as? [[String: Any]])?.first)
        for key in ["agency", "year", "score", "grade", "components", "indicators", "warnings"] {
            #expect(report[key] != nil, "missing \(key)")
        }
        let component = try #require((report["components"] as? [[String: Any]])?.first)
        #expect(component["id"] as? String == "1")
        #expect((component["subcomponents"] as? [[String: Any]])?.first?["score"] is Double)
        #expect((report["indicators"] as? [[String: Any]])?.first?["achievement"] != nil)
        #expect(object["errors"] as? [Any] != nil)
    }

    @Test func csvAndMarkdownKeepTheirShape() throws {
        let csv = try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "agency,year,rubric,level,id,name,weight,score,value,grade,stage,note,evidence")
        #expect(lines.count == 1 + 4 + 12 + 1)
        #expect(lines.last?.hasPrefix("kota-bandung,2024,permenpanrb-88-2021,total,,Pemerintah Kota Bandung,100,") == true)
        let markdown = try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--format", "markdown"])
        #expect(markdown.stdout.contains("| ID | Component / sub-component | Weight | Score | Achieved |"))
    }

    @Test func sameInputSameBytesWhateverTheJobs() throws {
        let one = try Sakip.run(["score", "samples", "--format", "json", "--jobs", "1"])
        let many = try Sakip.run(["score", "samples", "--format", "json", "--jobs", "8"])
        #expect(one.stdout == many.stdout)
        #expect(one.status == many.status)
    }
}

@Suite("Exit status and errors")
struct ExitStatusTests {
    @Test func usageErrorsExit2() throws {
        let run = try Sakip.run(["score"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no input files"))
        #expect(try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--format", "yaml"]).status == 2)
    }

    @Test func aBadInputFailsTheRunButTheOthersArePrinted() throws {
        let scratch = NSTemporaryDirectory() + "sakip-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let bad = scratch + "/broken.xml"
        try Data("<report agency=\"x\" year=\"2024\">\n  <answers>\n".utf8).write(to: URL(fileURLWithPath: bad))
        let run = try Sakip.run(["score", "samples/kota-bandung-2024.xml", bad, "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"agency\": \"kota-bandung\""))
        #expect(run.stderr.hasPrefix("\(bad):3:1: error: malformed XML"))
        #expect(run.stdout.contains("\"file\": \"\(bad)\""))
    }

    @Test func validateChecksSchemaRubricsAndAnswers() throws {
        let ok = try Sakip.run(["validate", "samples/kota-bandung-2024.xml", "rubrics/permenpanrb-88-2021.yaml"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "rubrics/permenpanrb-88-2021.yaml: ok (rubric permenpanrb-88-2021, 80 criteria)\nsamples/kota-bandung-2024.xml: ok (1 XML report)\n")
        let scratch = NSTemporaryDirectory() + "sakip-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let bad = scratch + "/bad-letter.xml"
        try Data("<report agency=\"x\" year=\"2024\">\n  <answers>\n    <answer criterion=\"1.1.1\" value=\"F\"/>\n  </answers>\n</report>\n".utf8).write(to: URL(fileURLWithPath: bad))
        let run = try Sakip.run(["validate", bad])
        #expect(run.status == 1)
        #expect(run.stderr == "\(bad):3:38: error: answer 'F' for criterion 1.1.1 is not in scale AA-E; expected one of AA, A, BB, B, CC, C, D, E\n")
    }

    @Test func validateJudgesEachFileAndThenTheFilesTogether() throws {
        // Each file alone is valid.
        let csv = try Sakip.run(["validate", "samples/partners/csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("samples/partners/csv/answers.csv: ok (112 CSV reports)"))
        // The partners exist as XML and as CSV: together, each agency-year twice, which `rank` refuses.
        let run = try Sakip.run(["validate", "samples/partners"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("samples/partners/csv-id/answers.csv:2:1: error: second report for agency 'kota-bandung', year 2023; neither is scored"), "\(run.stderr)")
        #expect(run.stderr.contains("samples/partners/2023/kota-bandung.xml:3:1: note: the first report for agency 'kota-bandung', year 2023"))
        #expect(!run.stdout.contains("samples/partners/csv-id/answers.csv: ok"))
    }

    @Test func scoreFiltersByYear() throws {
        let run = try Sakip.run(["score", "samples/partners/csv", "--year", "2023", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.count == 56)
        #expect(Set(reports.map { $0["year"] as? Int }) == [2023])
    }

    @Test func rubricsListsTheBundledOnesFromAnyDirectory() throws {
        let run = try Sakip.run(["rubrics", "--format", "csv"])
        #expect(run.status == 0)
        let ids = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(ids == ["permenpanrb-12-2015", "permenpanrb-88-2021-checklist", "permenpanrb-88-2021-grade", "permenpanrb-88-2021"])
    }
}
