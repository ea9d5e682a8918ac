import Foundation
import Testing
import ZIPFoundation

/// Notes and evidence through the binary: every output of `score`, the HTML report and
/// `template --from` carry them; `rank` does not change for them.
@Suite("Notes and evidence in outputs")
struct RemarkOutputTests {
    static let note = "Renstra & RPJMD selaras, lihat Perwal 5/2024"
    static let link = "https://e-sakip.example/bukti/1.1.1.pdf"

    /// kota-bandung-2024 with a note and a link on 1.1.1 and a file name on 2.1.1.
    private func sample(_ folder: String) throws -> String {
        var xml = try String(contentsOf: Sakip.packageRoot.appendingPathComponent("samples/kota-bandung-2024.xml"), encoding: .utf8)
        let first = try #require(xml.range(of: #"<answer criterion="1.1.1" value="[A-Z]+""#, options: .regularExpression))
        xml.insert(contentsOf: #" note="Renstra &amp; RPJMD selaras, lihat Perwal 5/2024" evidence="\#(Self.link)""#, at: first.upperBound)
        let second = try #require(xml.range(of: #"<answer criterion="2.1.1" value="[A-Z]+""#, options: .regularExpression))
        xml.insert(contentsOf: #" evidence="SK IKU 2024.pdf""#, at: second.upperBound)
        let path = folder + "/kota-bandung-2024.xml"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "sakip-remarks-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    private func entry(_ path: String, _ name: String) throws -> String {
        let archive = try Archive(data: try Data(contentsOf: URL(fileURLWithPath: path)), accessMode: .read)
        let found = try #require(archive[name], "\(name) in \(path)")
        var data = Data()
        _ = try archive.extract(found) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func scoreCarriesThemInJSONAndCSV() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try sample(folder)
        let json = try Sakip.run(["score", path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let report = try #require((object["reports"] as? [[String: Any]])?.first)
        // Absent texts are null, as every absent value in sakip's JSON.
        #expect((report["remarks"] as? [[String: Any]])?.map { $0.compactMapValues { $0 as? String } } == [
            ["criterion": "1.1.1", "stage": "final", "note": Self.note, "evidence": Self.link],
            ["criterion": "2.1.1", "stage": "final", "evidence": "SK IKU 2024.pdf"],
        ])
        let csv = try Sakip.run(["score", path, "--format", "csv"])
        #expect(csv.stdout.contains("kota-bandung,2024,permenpanrb-88-2021,remark,1.1.1,,,,,,final,\"\(Self.note)\",\(Self.link)\n"))
        #expect(csv.stdout.contains("kota-bandung,2024,permenpanrb-88-2021,remark,2.1.1,,,,,,final,,SK IKU 2024.pdf\n"))
        // Never scored: the same total as the sample without them.
        let plain = try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--format", "csv"])
        let totals = [csv.stdout, plain.stdout].map { $0.split(separator: "\n").first { $0.contains(",total,") } }
        #expect(totals[0] != nil && totals[0] == totals[1])
    }

    @Test func theScoreWorkbookHasANotesSheetInTheLanguageAsked() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try sample(folder)
        let run = try Sakip.run(["score", path, "--format", "xlsx", "--lang", "id", "--output", folder + "/s.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        let book = try entry(folder + "/s.xlsx", "xl/workbook.xml")
        #expect(book.contains(#"name="Catatan""#))
        // Breakdown, Reports, then Catatan: the third sheet, its strings inline.
        let sheet = try entry(folder + "/s.xlsx", "xl/worksheets/sheet3.xml")
        #expect(sheet.contains("Renstra &amp; RPJMD selaras") && sheet.contains("Bukti dukung") && sheet.contains(Self.link))
    }

    @Test func theHTMLReportListsThemUnderTheAgencyWithTheLinkInANewTab() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try sample(folder)
        let run = try Sakip.run(["report", path, "--output", folder + "/r.html"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: folder + "/r.html", encoding: .utf8)
        #expect(html.contains("<summary>Notes and evidence (2)</summary>"))
        #expect(html.contains(#"<a href="\#(Self.link)" target="_blank" rel="noopener">\#(Self.link)</a>"#))
        #expect(html.contains("<td>Renstra &amp; RPJMD selaras, lihat Perwal 5/2024</td>"))
    }

    @Test func aTemplateFromTheReportHoldsThemAndScoresTheSame() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try sample(folder)
        let written = try Sakip.run(["template", "--from", path, "--output", folder + "/lke.xlsx"])
        #expect(written.status == 0, "\(written.stderr)")
        let fromWorkbook = try Sakip.run(["score", folder + "/lke.xlsx", "--format", "csv"])
        let fromXML = try Sakip.run(["score", path, "--format", "csv"])
        #expect(fromWorkbook.status == 0, "\(fromWorkbook.stderr)")
        #expect(fromWorkbook.stdout == fromXML.stdout)
    }

    @Test func aRankingIsTheSameWithOrWithoutThem() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try sample(folder)
        let with = try Sakip.run(["rank", path, "--format", "json"]), without = try Sakip.run(["rank", "samples/kota-bandung-2024.xml", "--format", "json"])
        #expect(with.status == 0)
        #expect(with.stdout.replacingOccurrences(of: path, with: "samples/kota-bandung-2024.xml") == without.stdout)
    }
}
