import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` workbook (a zip archive), each expanded at most once and within
/// `InputLimits`: a part that would expand past the workbook's budget, or far more than XML
/// compresses, is refused before it fills memory.
struct WorkbookArchive {
    let name: String
    private let archive: Archive
    /// Bytes expanded so far, against `InputLimits.workbookExpandedBytes`.
    private var expanded = 0

    init(bytes: [UInt8], name: String) throws(Diagnostic) {
        self.name = name
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not an .xlsx workbook (not a zip archive); save it from the spreadsheet as Excel Workbook (.xlsx)")
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not a readable .xlsx workbook: its zip directory is damaged")
        }
    }

    /// The bytes of the part at `path` (`xl/workbook.xml`), or nil when the workbook has none.
    mutating func part(_ path: String) throws(Diagnostic) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        try checkBudget(path, adding: declared)
        if declared > 1 << 20, declared / compressed > InputLimits.workbookExpansionRatio {
            throw tooLarge(path, "expands \(declared / compressed) times (more than \(InputLimits.workbookExpansionRatio)), as a zip bomb does")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(declared, 64 << 20))
        // The declared size may lie: count what actually comes out and stop at the budget.
        let budget = InputLimits.workbookExpandedBytes - expanded
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= budget else { throw Overflow() }
                bytes.append(contentsOf: chunk)
            }
        } catch is Overflow {
            throw tooLarge(path, "expands to more than \(InputLimits.describe(InputLimits.workbookExpandedBytes)) with the parts before it")
        } catch {
            throw Diagnostic(.workbook, at: .wholeFile(name), "cannot expand \(path) from the workbook: it is damaged (\(error))")
        }
        expanded += bytes.count
        return bytes
    }

    private struct Overflow: Error {}

    private func checkBudget(_ path: String, adding size: Int) throws(Diagnostic) {
        if size > InputLimits.workbookExpandedBytes - expanded {
            throw tooLarge(path, "would expand to \(InputLimits.describe(size)), more than the \(InputLimits.describe(InputLimits.workbookExpandedBytes)) sakip reads from one workbook")
        }
    }

    private func tooLarge(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.workbookTooLarge, at: .wholeFile(name), "refused: the workbook's part \(path) \(reason)")
    }
}
