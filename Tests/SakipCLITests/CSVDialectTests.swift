import Foundation
import Testing

/// `;` CSV with decimal commas in, and `--csv-dialect excel-id` out.
@Suite("CSV dialects")
struct CSVDialectTests {
    @Test func excelIndonesianCSVRanksAsTheCommaForm() throws {
        let indonesian = try Sakip.run(["rank", "samples/partners/csv-id", "--year", "2024", "--format", "json"])
        let standard = try Sakip.run(["rank", "samples/partners/csv", "--year", "2024", "--format", "json"])
        #expect(indonesian.status == 0, "\(indonesian.stderr)")
        #expect(indonesian.stdout == standard.stdout)
    }

    @Test func excelIndonesianOutput() throws {
        let run = try Sakip.run(["rank", "samples/partners/2024", "--format", "csv", "--csv-dialect", "excel-id", "--top", "2"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("rank;agency;name;region;year;rubric;score;grade;") || run.stdout.hasPrefix("\u{FEFF}rank;"))
        // The bytes start with a UTF-8 BOM, so Excel reads the file as UTF-8.
        let folder = NSTemporaryDirectory() + "sakip-dialect-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Sakip.run(["-c", "\"$0\" rank samples/partners/2024 --format csv --csv-dialect excel-id > \(folder)/out.csv", Sakip.binary.path],
                          executable: URL(fileURLWithPath: "/bin/bash"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/out.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = run.stdout.components(separatedBy: "\r\n")
        #expect(lines.count == 4)  // header, two rows, and the empty end
        let fields = lines[1].components(separatedBy: ";")
        #expect(fields[1] == "kab-kolaka-timur")
        #expect(fields[6].hasPrefix("90,93"))
        #expect(!lines[1].contains("."))
        let standard = try Sakip.run(["rank", "samples/partners/2024", "--format", "csv", "--top", "2"])
        #expect(standard.stdout.components(separatedBy: "\n")[1].components(separatedBy: ",")[6].hasPrefix("90.93"))
    }

    /// Only numbers take a decimal comma: a sub-component id such as 1.1 is written as it is,
    /// so that it still names the sub-component when the file is read again.
    @Test func idsAreNeverWrittenAsDecimals() throws {
        let run = try Sakip.run(["score", "samples/kota-bandung-2024.xml", "--format", "csv", "--csv-dialect", "excel-id"])
        #expect(run.status == 0)
        let rows = run.stdout.components(separatedBy: "\r\n").map { $0.components(separatedBy: ";") }
        let sub = try #require(rows.first { $0.count > 8 && $0[3] == "subcomponent" })
        #expect(sub[4] == "1.1")
        #expect(sub[6] == "6" && sub[7] == "5,4" && sub[8] == "0,9", "\(sub)")
    }
}
