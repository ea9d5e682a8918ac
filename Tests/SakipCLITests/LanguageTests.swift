import Foundation
import Testing

/// `--lang id` (and `SAKIP_LANG=id`): Indonesian labels in text, Markdown and workbooks; data and
/// JSON unchanged.
@Suite("Indonesian labels")
struct LanguageTests {
    static let goldens: [(arguments: [String], golden: String)] = [
        (["score", "samples/kota-bandung-2024.xml"], "samples/kota-bandung-2024.expected.id.txt"),
        (["score", "samples/kota-bandung-2024.xml", "--format", "markdown"], "samples/kota-bandung-2024.expected.id.md"),
        (["rank", "samples/partners/2024", "--previous", "samples/partners/2023"], "samples/partners/expected-rank-2024.id.txt"),
        (["compare", "samples/partners/2024", "--candidate", "samples/variants/pemanfaatan-60.yaml"], "samples/partners/expected-compare-2024.id.txt"),
        (["sensitivity", "samples/partners/2024", "--samples", "500"], "samples/partners/expected-sensitivity-2024.id.txt"),
    ]

    @Test(arguments: goldens)
    func golden(arguments: [String], golden: String) throws {
        let run = try Sakip.run(arguments + ["--lang", "id"])
        #expect(run.status == 0, "\(run.stderr)")
        try Sakip.expectGolden(run.stdout, golden)
    }

    @Test func theEnvironmentChoosesTheLanguageAndTheOptionWins() throws {
        let fromEnvironment = try Sakip.run(["score", "samples/kota-bandung-2024.xml"], environment: ["SAKIP_LANG": "id"])
        #expect(fromEnvironment.stdout.contains("Predikat: A, Memuaskan"))
        let option = try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--lang", "en"], environment: ["SAKIP_LANG": "id"])
        #expect(option.stdout.contains("Grade: A, Memuaskan"))
    }

    @Test(arguments: [["score", "samples/kota-bandung-2024.xml"], ["rank", "samples/partners/2024"]])
    func dataNeverChangeWithTheLanguage(_ arguments: [String]) throws {
        for format in ["json", "csv"] {
            let en = try Sakip.run(arguments + ["--format", format])
            let id = try Sakip.run(arguments + ["--format", format, "--lang", "id"])
            #expect(en.stdout == id.stdout)
        }
    }

    @Test func workbooksAreLabelledInIndonesian() throws {
        let output = NSTemporaryDirectory() + "sakip-id-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try Sakip.run(["rank", "samples/partners/2024", "--format", "xlsx", "--output", output, "--lang", "id"])
        #expect(run.status == 0)
        let unzip = try Sakip.run(["-p", output, "xl/workbook.xml", "xl/worksheets/sheet1.xml"], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        guard unzip.status == 0 else { return }
        #expect(unzip.stdout.contains("<sheet name=\"Peringkat\""))
        #expect(unzip.stdout.contains(">Nilai<") && unzip.stdout.contains(">Predikat<") && unzip.stdout.contains(">Instansi<"))
    }
}
