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

    /// Diagnostics, refusals and what the command says it did, in Indonesian when asked; the
    /// codes, locations and the words error/warning/note stay as tools read them.
    @Test func messagesAreInIndonesianWithTheirPlacesUnchanged() throws {
        let folder = NSTemporaryDirectory() + "sakip-lang-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "agency;year;criterion;value\nkota-a;2024;1.1.1;Z\nkota-b;20x4;1.1.2;A\n".write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        let bad = try Sakip.run(["rank", folder + "/bad.csv", "samples/partners/2024/kota-bandung.xml", "--lang", "id"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(folder)/bad.csv:3:8: error: 'year' berisi '20x4'; diharapkan tahun empat angka seperti 2024\n"), "\(bad.stderr)")
        #expect(bad.stderr.contains("\(folder)/bad.csv:2:19: error: jawaban 'Z' untuk kriteria 1.1.1 tidak ada dalam skala AA-E; diharapkan salah satu dari AA, A, BB, B, CC, C, D, E\n"))
        let missing = try Sakip.run(["rank", "nowhere", "--lang", "id"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "sakip: error: tidak ada berkas atau folder: nowhere\n")
        let mismatch = try Sakip.run(["rank", "samples/partners/2024/kota-bandung.xml", "--rubric", "permenpanrb-12-2015", "--lang", "id"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stdout == "Tidak ada laporan yang diperingkat.\n")
        #expect(mismatch.stderr.contains("kota-bandung.xml:3:1: error: laporan kota-bandung (2024) ditulis untuk rubrik permenpanrb-88-2021, dan hanya 0 dari 80 jawabannya menyebut kriteria rubrik permenpanrb-12-2015"), "\(mismatch.stderr)")
        // The same run in English, and JSON whatever the language: the codes and texts sakip has always written.
        let english = try Sakip.run(["rank", "nowhere"])
        #expect(english.stderr == "sakip: error: no such file or folder: nowhere\n")
        let json = try Sakip.run(["validate", folder + "/bad.csv", "--lang", "id"])
        #expect(json.status == 1)
        let written = try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--format", "xlsx", "--output", folder + "/s.xlsx", "--lang", "id"])
        #expect(written.stdout == "menulis \(folder)/s.xlsx\n")
    }

    @Test func validateSaysWhatItReadInIndonesian() throws {
        let run = try Sakip.run(["validate", "samples/kota-bandung-2024.xml", "samples/workbooks/kab-merauke-2024-kke.xlsx", "--lang", "id"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("samples/kota-bandung-2024.xml: ok (1 laporan XML)\n"))
        #expect(run.stdout.contains("samples/workbooks/kab-merauke-2024-kke.xlsx: ok (1 laporan buku kerja)\n"), "\(run.stdout)")
        #expect(run.stderr.contains("warning: kerangka logis: sub-komponen 2.3 (92%) bernilai di atas sub-komponen 2.1 (86.7%): hasil pengukuran lebih banyak dimanfaatkan daripada pengukurannya dilaksanakan"))
    }

    /// The HTML report's words come from the same table: no English word left on an Indonesian page.
    @Test func theReportPageIsInIndonesian() throws {
        let run = try Sakip.run(["report", "samples/kota-bandung-2024.xml", "--lang", "id", "--output", "-"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = run.stdout
        for words in ["<span>Rata-rata 84.53</span>", "<span>Maks 84.53</span>", "1 laporan, rubrik permenpanrb-88-2021", "<h2>Ringkasan</h2>",
                      "sub-komponen 2.3 (92%) bernilai di atas sub-komponen 2.1 (86.7%)"] {
            #expect(page.contains(words), "\(words)")
        }
        for english in ["Mean ", ">Max ", "rubric permenpanrb", "scores above", "Overview"] {
            #expect(!page.contains(english), "\(english)")
        }
    }
}
