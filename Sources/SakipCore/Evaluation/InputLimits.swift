/// What sakip reads at most, so that a mistaken or hostile input gets a clear refusal rather
/// than exhausting the machine. Each is checked where the input is read; the README lists them.
public enum InputLimits {
    /// Bytes in one input (file, pipe or standard input): 1 GiB. The XML parser takes at most
    /// 2 GiB, and a batch of many inputs is read several at once.
    public static let inputBytes = 1 << 30
    /// Input files after folders are expanded.
    public static let files = 1_000_000
    /// Elements nested in an XML report (a report is three deep: report, answers, answer).
    public static let xmlDepth = 32
    /// Bytes in one CSV field, and in one CSV record (row).
    public static let csvFieldBytes = 64 << 10
    public static let csvRecordBytes = 1 << 20
    /// Bytes a workbook's parts may expand to, all parts read together: 256 MiB (a full LKE
    /// workbook is well under 1 MiB).
    public static let workbookExpandedBytes = 256 << 20
    /// Bytes the cells and shared strings kept from one workbook may take (values and their
    /// bookkeeping; an LKE takes well under 1 MiB). With `concurrentWorkbooks` this bounds what
    /// a run's workbook reading holds at once.
    public static let workbookCellBytes = 64 << 20
    /// Workbooks read at once, whatever `--jobs` says (reports in XML and CSV are not held to it).
    public static let concurrentWorkbooks = 4
    /// Characters in one cell's text: Excel's own limit.
    public static let cellCharacters = 32_767
    /// How many times larger than its compressed form a workbook part may expand, for parts over
    /// 1 MiB: spreadsheet XML compresses 5 to 30 times; a zip bomb, a thousand.
    public static let workbookExpansionRatio = 200
    /// Nodes in a YAML rubric or workbook layout once its aliases are expanded (a bundled
    /// rubric has under 1,000): nested aliases can make a few hundred bytes expand to billions.
    public static let yamlNodes = 100_000

    /// A count with its thousands grouped: `32,767`.
    public static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return count < 0 ? "-" + out : out
    }

    /// `256 MiB` for a whole number of units; otherwise to one decimal, rounded (`4.0 GiB`,
    /// never a truncated `3 GiB` for 4 GiB less 2 bytes).
    static func describe(_ bytes: Int) -> String {
        let (unit, name) = bytes >= 1 << 30 ? (1 << 30, "GiB") : bytes >= 1 << 20 ? (1 << 20, "MiB") : bytes >= 1 << 10 ? (1 << 10, "KiB") : (1, "bytes")
        if bytes % unit == 0 { return "\(bytes / unit) \(name)" }
        let tenths = (bytes * 10 + unit / 2) / unit
        return "\(tenths / 10).\(tenths % 10) \(name)"
    }
}
