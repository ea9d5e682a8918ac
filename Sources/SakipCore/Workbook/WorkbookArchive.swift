/// The parts of an `.xlsx` workbook (a zip archive), each expanded at most once and within
/// `InputLimits`: a part that would expand past the workbook's budget, or far more than XML
/// compresses, is refused before it fills memory.
struct WorkbookArchive {
    let name: String
    private let archive: ZipArchive
    /// Bytes expanded so far, against `InputLimits.workbookExpandedBytes`.
    private var expanded = 0

    init(bytes: [UInt8], name: String) throws(Diagnostic) {
        self.name = name
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not an .xlsx workbook (not a zip archive); save it from the spreadsheet as Excel Workbook (.xlsx)")
        }
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not a readable .xlsx workbook: \(Self.reason(error))")
        }
    }

    /// The bytes of the part at `path` (`xl/workbook.xml`), or nil when the workbook has none.
    mutating func part(_ path: String) throws(Diagnostic) -> [UInt8]? {
        guard let entry = archive.entries[path] else { return nil }
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        if declared > InputLimits.workbookExpandedBytes - expanded {
            throw tooLarge(path, "would expand to \(InputLimits.describe(declared)), more than the \(InputLimits.describe(InputLimits.workbookExpandedBytes)) sakip reads from one workbook")
        }
        if declared > 1 << 20, declared / compressed > InputLimits.workbookExpansionRatio {
            throw tooLarge(path, "expands \(declared / compressed) times (more than \(InputLimits.workbookExpansionRatio)), as a zip bomb does")
        }
        // The declared size may lie: what actually comes out is held to the budget.
        do {
            let bytes = try archive.expand(entry, limit: InputLimits.workbookExpandedBytes - expanded)
            expanded += bytes.count
            return bytes
        } catch .tooLarge {
            throw tooLarge(path, "expands to more than \(InputLimits.describe(InputLimits.workbookExpandedBytes)) with the parts before it")
        } catch {
            throw Diagnostic(.workbook, at: .wholeFile(name), "cannot expand \(path) from the workbook: \(Self.reason(error))")
        }
    }

    private static func reason(_ failure: ZipArchive.Failure) -> String {
        switch failure {
        case .damaged(let reason): reason
        case .tooLarge: "it expands past sakip's limit"
        }
    }

    private func tooLarge(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.workbookTooLarge, at: .wholeFile(name), "refused: the workbook's part \(path) \(reason)")
    }
}
