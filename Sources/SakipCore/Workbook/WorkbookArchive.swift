import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // ZIPFoundation looks for the end record one byte at a time over the whole input: find it
        // here first, where a zip keeps it, so a large file that is no zip is refused at once.
        guard Self.hasEndRecord(bytes) else {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not a readable .xlsx workbook: its zip directory is damaged")
        }
        do {
            archive = try Self.open(bytes)
        } catch {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not a readable .xlsx workbook: its zip directory is damaged")
        }
    }

    /// The archive over a private temporary copy of the bytes, unlinked once open. ZIPFoundation's
    /// in-memory archives trap on an entry that points past the end (its memory file seeks
    /// beyond the data and then reads a negative range); over a real file such a read is just
    /// short, and reported as a damaged entry.
    private static func open(_ bytes: [UInt8]) throws -> Archive {
        var template = Array((NSTemporaryDirectory() + "/sakip-workbook-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let path = String(cString: template)
        defer { unlink(path) }
        let written = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
            return offset
        }
        close(descriptor)
        guard written == bytes.count else { throw CocoaError(.fileWriteOutOfSpace) }
        return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
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

    /// Whether the last end-of-central-directory signature within its possible span (22 bytes
    /// plus a comment of up to 65,535 from the end) starts a whole record, comment included.
    static func hasEndRecord(_ bytes: [UInt8]) -> Bool {
        let size = 22
        guard bytes.count >= size else { return false }
        let lowest = max(0, bytes.count - size - 0xFFFF)
        for start in stride(from: bytes.count - size, through: lowest, by: -1)
        where bytes[start] == 0x50 && bytes[start + 1] == 0x4B && bytes[start + 2] == 0x05 && bytes[start + 3] == 0x06 {
            let comment = Int(bytes[start + 20]) | Int(bytes[start + 21]) << 8
            return start + size + comment <= bytes.count
        }
        return false
    }

    private func checkBudget(_ path: String, adding size: Int) throws(Diagnostic) {
        if size > InputLimits.workbookExpandedBytes - expanded {
            throw tooLarge(path, "would expand to \(InputLimits.describe(size)), more than the \(InputLimits.describe(InputLimits.workbookExpandedBytes)) sakip reads from one workbook")
        }
    }

    private func tooLarge(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.workbookTooLarge, at: .wholeFile(name), "refused: the workbook's part \(path) \(reason)")
    }
}
