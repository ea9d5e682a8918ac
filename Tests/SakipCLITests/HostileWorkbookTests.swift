import Foundation
import Testing
import ZIPFoundation
import SakipCore
import SakipFuzzing

/// Hostile and odd workbooks through the binary: each is the bundled Kota Bandung template with
/// one part changed, and must end with its exit status and one exact, located message.
@Suite("Hostile workbooks")
struct HostileWorkbookTests {
    static let sample = "samples/workbooks/kota-bandung-2024.xlsx"
    static let identity = "xl/worksheets/sheet1.xml"
    static let lke = "xl/worksheets/sheet2.xml"

    /// The sample with some parts rewritten, as a file in a fresh folder.
    static func patched(_ changes: [String: (String) -> String], name: String = "lke.xlsx") throws -> String {
        // From its bytes: ZIPFoundation's Archive(url:) leaks the path's C string (LeakSanitizer).
        let source = try Archive(data: try Data(contentsOf: Sakip.packageRoot.appendingPathComponent(sample)), accessMode: .read)
        let target = try Archive(data: Data(), accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if let change = changes[entry.path] { data = Data(change(String(decoding: data, as: UTF8.self)).utf8) }
            try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        return try write(Array(try #require(target.data)), name)
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "sakip-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func total(_ path: String) throws -> Double {
        let run = try Sakip.run(["score", path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return try #require((object?["reports"] as? [[String: Any]])?.first?["score"] as? Double)
    }

    /// Row numbers outside Excel's range trapped (SIGILL) or landed on the wrong cell.
    @Test(arguments: [
        (identity, "<row r=\"6\"", "<row r=\"-6\"", "sheet 'Identity': row number '-6' is not a row of a sheet; expected 1 to 1048576 (Excel's last row)"),
        (lke, "<row r=\"12\"", "<row r=\"562949953421312\"", "sheet 'LKE': row number '562949953421312' is not a row of a sheet; expected 1 to 1048576 (Excel's last row)"),
        (lke, "<row r=\"12\"", "<row r=\"3000000\"", "sheet 'LKE': row number '3000000' is not a row of a sheet; expected 1 to 1048576 (Excel's last row)"),
        (lke, "</sheetData>", "<row r=\"1048576\"/><row/></sheetData>", "sheet 'LKE': a row after the sheet's last (1048576) has no number; expected r=\"1\" to r=\"1048576\""),
        (lke, "</sheetData>", "<row r=\"9223372036854775807\"/><row/></sheetData>", "sheet 'LKE': row number '9223372036854775807' is not a row of a sheet; expected 1 to 1048576 (Excel's last row)"),
        (lke, "r=\"F12\"", "r=\"XFE12\"", "sheet 'LKE': cell reference 'XFE12' names no cell of a sheet; expected A1 to XFD1048576"),
    ])
    func rowsAndCellsOutsideTheSheetAreLocatedErrors(part: String, find: String, replace: String, message: String) throws {
        let path = try Self.patched([part: { $0.replacingOccurrences(of: find, with: replace) }])
        let run = try Sakip.run(["rank", path])
        #expect(run.status == 1)
        let line = try #require(run.stderr.split(separator: "\n").first { $0.contains(": error: ") })
        #expect(line.hasPrefix("\(path)(\(part)):2:"), "\(line)")
        #expect(line.hasSuffix(": error: " + message), "\(line)")
    }

    /// One such file among good ones loses none of the others.
    @Test func aBatchWithOneOutOfRangeRowRanksTheRest() throws {
        let bad = try Self.patched([Self.lke: { $0.replacingOccurrences(of: "<row r=\"12\"", with: "<row r=\"-1\"") }], name: "bad.xlsx")
        let folder = URL(fileURLWithPath: bad).deletingLastPathComponent().path
        try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/kota-pekanbaru-2024.xml").path, toPath: folder + "/pekanbaru.xml")
        let run = try Sakip.run(["rank", folder])
        #expect(run.status == 1)
        #expect(run.stdout.contains("kota-pekanbaru"))
        #expect(!run.stdout.contains("kota-bandung"))
        #expect(run.stderr.contains("bad.xlsx(xl/worksheets/sheet2.xml):2:"))
    }

    /// `../xl/worksheets/sheet2.xml` from `xl/workbook.xml` is `xl/worksheets/sheet2.xml`.
    @Test(arguments: ["../xl/worksheets/sheet2.xml", "/xl/worksheets/sheet2.xml", "./worksheets/sheet2.xml", "worksheets/%73heet2.xml"])
    func legalRelativeTargetsAreResolved(target: String) throws {
        let path = try Self.patched(["xl/_rels/workbook.xml.rels": { $0.replacingOccurrences(of: "Target=\"worksheets/sheet2.xml\"", with: "Target=\"\(target)\"") }])
        #expect(try Self.total(path) == (try Self.total(Self.sample)))
    }

    @Test func aTargetLeavingThePackageIsNoPart() throws {
        let path = try Self.patched(["xl/_rels/workbook.xml.rels": { $0.replacingOccurrences(of: "Target=\"worksheets/sheet2.xml\"", with: "Target=\"../../sheet2.xml\"") }])
        let run = try Sakip.run(["score", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path): error: the workbook lists sheet 'LKE' but holds no part for it"))
    }

    /// A code or letter with a no-break space, narrow no-break space, zero-width space or BOM
    /// around it (pasted text) reads as the code or letter.
    @Test(arguments: ["\u{00A0}", "\u{202F}", "\u{200B}", "\u{FEFF}", "\u{3000}"])
    func unicodeBlanksAroundCodesAndLettersAreTrimmed(blank: String) throws {
        let path = try Self.patched(["xl/sharedStrings.xml": { strings in
            strings.replacingOccurrences(of: ">1.1.1<", with: ">1.1.1\(blank)<").replacingOccurrences(of: ">AA<", with: ">\(blank)AA\(blank)<")
        }])
        let run = try Sakip.run(["score", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(try Self.total(path) == (try Self.total(Self.sample)))
    }

    @Test func aFormulaAnswerNoSpreadsheetComputedIsSaidAtItsCell() throws {
        let path = try Self.patched([Self.lke: { $0.replacingOccurrences(of: "<c r=\"F12\" s=\"0\" t=\"s\"><v>29</v></c>", with: "<c r=\"F12\" s=\"0\"><f>D12</f><v>0</v></c>") }])
        let run = try Sakip.run(["score", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):LKE!F12: error: the answer to 1.2.1 is a formula with no computed value (a program wrote the workbook and no spreadsheet has recalculated it); open it in Excel or LibreOffice, let it recalculate, and save it"), "\(run.stderr)")
    }

    @Test func aLayoutColumnGivenAsACellIsRefused() throws {
        let layout = try String(contentsOf: Sakip.packageRoot.appendingPathComponent("samples/workbooks/kab-merauke-2024-kke.layout.yaml"), encoding: .utf8)
        let final = try #require(layout.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("final:") })
        let edited = layout.replacingOccurrences(of: String(final), with: "  final: H1")
        let path = try Self.write(Array(edited.utf8), "kke.layout.yaml")
        let run = try Sakip.run(["score", "samples/workbooks/kab-merauke-2024-kke.xlsx", "--layout", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'answers.final' expected a column letter such as A or M, not 'H1'"), "\(run.stderr)")
    }

    /// An OLE compound file: a password-protected .xlsx (with an EncryptedPackage stream) or an old .xls.
    @Test(arguments: [(true, "the workbook is protected with a password (encrypted), so its cells cannot be read; remove the password"),
                      (false, "an Excel 97-2003 workbook (.xls), not an .xlsx; open it in the spreadsheet and save it as Excel Workbook (.xlsx)")])
    func compoundFilesAreToldApart(encrypted: Bool, message: String) throws {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let stream = encrypted ? "EncryptedPackage" : "Workbook"
        bytes += stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [UInt8](repeating: 0, count: 64)
        let path = try Self.write(bytes, "protected.xlsx")
        let run = try Sakip.run(["score", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path): error: \(message)"), "\(run.stderr)")
    }

    /// An entry whose directory gives a smaller size than it expands to (its checksum is right).
    @Test func anEntryLargerThanItsDirectorySaysIsRefused() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try Self.patched([:]))))
        let name = Array(Self.lke.utf8)
        var offset = try #require(ZipBytes.endRecord(bytes)).directory
        while ZipBytes.u32(bytes, offset) == 0x0201_4B50 {
            let length = Int(ZipBytes.u16(bytes, offset + 28))
            if Array(bytes[(offset + 46)..<(offset + 46 + length)]) == name {
                ZipBytes.put32(&bytes, offset + 24, 1000)
            }
            offset += 46 + length + Int(ZipBytes.u16(bytes, offset + 30)) + Int(ZipBytes.u16(bytes, offset + 32))
        }
        let path = try Self.write(bytes, "lying.xlsx")
        let run = try Sakip.run(["score", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path): error: cannot expand xl/worksheets/sheet2.xml from the workbook: an entry expands past the 1000 bytes its directory gives"), "\(run.stderr)")
    }

    /// 65,535 entries fill the end record's count exactly; that is no ZIP64 archive.
    @Test func anArchiveOf65535EntriesIsNotCalledZIP64() throws {
        let bytes = FuzzHarness.storedZip((0..<65_535).map { ("f\($0)", []) })
        let path = try Self.write(bytes, "many.xlsx")
        let run = try Sakip.run(["score", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path): error: not an Excel workbook: it has no xl/workbook.xml"), "\(run.stderr)")
    }
}

/// Zip archives written and patched byte by byte, for the cases a zip library will not make.
enum ZipBytes {
    static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
    static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 { UInt32(u16(bytes, offset)) | UInt32(u16(bytes, offset + 2)) << 16 }
    static func put32(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt32) {
        for i in 0..<4 { bytes[offset + i] = UInt8((value >> (8 * UInt32(i))) & 0xFF) }
    }

    static func endRecord(_ bytes: [UInt8]) -> (record: Int, directory: Int)? {
        for start in stride(from: bytes.count - 22, through: 0, by: -1) where u32(bytes, start) == 0x0605_4B50 {
            return (start, Int(u32(bytes, start + 16)))
        }
        return nil
    }
}
