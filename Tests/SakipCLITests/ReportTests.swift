import Foundation
import Testing

/// `sakip report`: the HTML page over the partner samples, byte for byte, and what a reader needs of it.
@Suite("sakip report (HTML)")
struct ReportTests {
    static let arguments = ["report", "samples/partners/2024", "--previous", "samples/partners/2023",
                            "--candidate", "samples/variants/pemanfaatan-60.yaml", "--sensitivity", "2000", "--seed", "7", "--output", "-"]

    @Test func goldenAndTheSameWhateverTheJobs() throws {
        let one = try Sakip.run(Self.arguments + ["--jobs", "1"])
        #expect(one.status == 0, "\(one.stderr)")
        try Sakip.expectGolden(one.stdout, "samples/partners/expected-report-2024.html")
        let three = try Sakip.run(Self.arguments + ["--jobs", "3"])
        #expect(three.stdout == one.stdout)
    }

    @Test func everyAgencyEveryChartAndNothingFromTheNetwork() throws {
        let html = try Sakip.run(Self.arguments).stdout
        let agencies = try FileManager.default.contentsOfDirectory(atPath: Sakip.packageRoot.appendingPathComponent("samples/partners/2024").path)
            .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }
        #expect(agencies.count == 56)
        for agency in agencies {
            #expect(html.contains("id=\"agency-\(agency)\""), "\(agency) has no section")
            #expect(html.contains("href=\"#agency-\(agency)\""), "\(agency) is not linked from the ranking")
        }
        // Self-contained: no script, stylesheet, font or image fetched from anywhere.
        for reference in ["http://", "https://", "<script", "<link", "src=", "@import", "url("] {
            #expect(!html.contains(reference), "\(reference)")
        }
        // Grades, ranking and heat map with its colour key, movement, robustness, candidate slope; one per agency.
        #expect(html.components(separatedBy: "<svg").count - 1 == 6 + 56)
        #expect(html.components(separatedBy: "aria-label=").count - 1 == 6 + 56)
        for section in ["overview", "sensitivity", "candidate", "agencies"] { #expect(html.contains("<section id=\"\(section)\"")) }
        #expect(html.contains("@page { size: A4"))
    }

    @Test func indonesianLabelsSameData() throws {
        let english = try Sakip.run(Self.arguments).stdout
        let indonesian = try Sakip.run(Self.arguments + ["--lang", "id"])
        #expect(indonesian.status == 0)
        #expect(indonesian.stdout.contains("<html lang=\"id\">"))
        for word in ["Peringkat", "Predikat", "Komponen", "Kerangka logis", "Ketahanan terhadap bobot"] {
            #expect(indonesian.stdout.contains(word), "\(word)")
        }
        let environment = try Sakip.run(Self.arguments, environment: ["SAKIP_LANG": "id"])
        #expect(environment.stdout == indonesian.stdout)
        // The numbers are the same: every score shown in English is shown in Indonesian.
        let scores = english.matches(of: /[0-9]+\.[0-9]{2} [A-D]{1,2}/).map { String($0.output) }
        #expect(!scores.isEmpty)
        #expect(scores == indonesian.stdout.matches(of: /[0-9]+\.[0-9]{2} [A-D]{1,2}/).map { String($0.output) })
    }

    @Test func aMistakeIsOneMessage() throws {
        let run = try Sakip.run(["report", "samples/partners/2024", "--sensitivity", "0", "--output", "-"])
        #expect(run.status == 2)
        #expect(run.stderr == "sakip: error: --sensitivity must be at least 1, not 0\n")
    }

    /// In a real browser: the page renders (not blank) and prints on A4. The screenshot is the
    /// README's picture (`SAKIP_UPDATE_GOLDEN=1` refreshes it).
    @Test(.enabled(if: Self.chromium != nil)) func rendersInChromium() throws {
        let folder = NSTemporaryDirectory() + "sakip-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/report.html"
        let written = try Sakip.run(Array(Self.arguments.dropLast()) + [page])
        #expect(written.status == 0, "\(written.stderr)")
        let shot = folder + "/report.png", pdf = folder + "/report.pdf"
        let browser = URL(fileURLWithPath: try #require(Self.chromium))
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
        _ = try Sakip.run(common + ["--window-size=1280,1400", "--screenshot=\(shot)", "file://\(page)"], executable: browser)
        _ = try Sakip.run(common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(page)"], executable: browser)
        // A blank 1280x1400 page compresses to about 10 KB; this one has bars, text and colour.
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.count > 60_000, "screenshot of \(png.count) bytes looks blank")
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let document = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(String(decoding: document.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(document.count > 100_000)
        // The printed pages hold the text: the first agency and its grade band.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let text = try Sakip.run([pdf, "-"], executable: URL(fileURLWithPath: "/usr/bin/pdftotext"))
            #expect(text.stdout.contains("Pemerintah Kabupaten Kolaka Timur"))
            #expect(text.stdout.contains("Robustness to the weights"))
        }
        if ProcessInfo.processInfo.environment["SAKIP_UPDATE_GOLDEN"] == "1" {
            try png.write(to: Sakip.packageRoot.appendingPathComponent("docs/report-screenshot.png"))
        }
    }

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
