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
        if bytes.starts(with: Self.compoundFileSignature) {
            // Excel keeps a password-protected .xlsx inside a compound file, beside an
            // `EncryptedPackage` stream; without one, the compound file is an old .xls.
            let encrypted = Self.contains(bytes, Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
            throw Diagnostic(.workbook, at: .wholeFile(name), encrypted
                ? "the workbook is protected with a password (encrypted), so its cells cannot be read; remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, then clear it) and save it again"
                : "an Excel 97-2003 workbook (.xls), not an .xlsx; open it in the spreadsheet and save it as Excel Workbook (.xlsx)")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not an .xlsx workbook (not a zip archive); save it from the spreadsheet as Excel Workbook (.xlsx)")
        }
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw Diagnostic(.workbook, at: .wholeFile(name), "not a readable .xlsx workbook: \(Self.reason(error))")
        }
    }

    /// Parts up to this size are expanded whole before they are parsed.
    static let wholePartBytes = 1 << 20

    /// Whether the workbook holds a part at `path`.
    func has(_ path: String) -> Bool { archive.entries[path] != nil }

    /// Parses the part at `path` (`xl/workbook.xml`) with `handler` as it is expanded, so that
    /// no whole copy of it is held; false when the workbook has no such part. Errors in its
    /// XML are located in `LKE.xlsx(xl/workbook.xml)`.
    mutating func parse(_ path: String, with handler: any XMLEventHandler) throws(Diagnostic) -> Bool {
        guard let entry = archive.entries[path] else { return false }
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        if declared > InputLimits.workbookExpandedBytes - expanded {
            throw tooLarge(path, "would expand to \(InputLimits.describe(declared)), more than the \(InputLimits.describe(InputLimits.workbookExpandedBytes)) sakip reads from one workbook")
        }
        if declared > 1 << 20, declared / compressed > InputLimits.workbookExpansionRatio {
            throw tooLarge(path, "expands \(declared / compressed) times (more than \(InputLimits.workbookExpansionRatio)), as a zip bomb does")
        }
        // The declared size may lie: what actually comes out is held to the budget.
        let archive = self.archive, budget = InputLimits.workbookExpandedBytes - expanded
        var produced = 0
        // A damaged entry is said as such, before anything its cut-off XML would make the parser say.
        let tooLarge = tooLarge(path, "expands to more than \(InputLimits.describe(InputLimits.workbookExpandedBytes)) with the parts before it")
        let name = self.name
        let damaged = { (failure: ZipArchive.Failure) -> Diagnostic in
            switch failure {
            case .tooLarge: tooLarge
            case .damaged(let reason): Diagnostic(.workbook, at: .wholeFile(name), "cannot expand \(path) from the workbook: \(reason)")
            }
        }
        let file = SpreadsheetWorkbook.partName(name, path)
        // A small part (any LKE's) is expanded whole and parsed from memory, which costs libxml2
        // less than feeding it; only a large one is parsed as it expands.
        if declared <= Self.wholePartBytes {
            let bytes: [UInt8]
            do throws(ZipArchive.Failure) {
                bytes = try archive.expand(entry, limit: budget)
            } catch {
                throw damaged(error)
            }
            guard !bytes.isEmpty else { throw Diagnostic(.malformedXML, at: .wholeFile(file), "the part is empty; expected an XML document") }
            try LibXML2.parse(bytes, file: file, handler: handler)
            expanded += bytes.count
            return true
        }
        try LibXML2.parse(file: file, handler: handler) { push throws(Diagnostic) in
            do throws(ZipArchive.Failure) {
                _ = try archive.expand(entry, limit: budget) { chunk in
                    produced += chunk.count
                    return push(chunk)
                }
            } catch {
                throw damaged(error)
            }
        }
        expanded += produced
        return true
    }

    /// The first bytes of an OLE compound file (`.xls`, or an encrypted `.xlsx`).
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    private static func reason(_ failure: ZipArchive.Failure) -> Message {
        switch failure {
        case .damaged(let reason): reason
        case .tooLarge: "it expands past sakip's limit"
        }
    }

    private func tooLarge(_ path: String, _ reason: Message) -> Diagnostic {
        Diagnostic(.workbookTooLarge, at: .wholeFile(name), "refused: the workbook's part \(path) \(reason)")
    }
}
