import Foundation

/// Display formatting. Scores keep full precision everywhere except text and Markdown output.
public enum Numbers {
    /// `decimals` places, rounded half away from zero on the number as written to 15
    /// significant digits, as spreadsheets' ROUND does: 0.125 gives 0.13 and 2.675 gives 2.68
    /// (printf would give 0.12 and 2.67, rounding the binary value half to even).
    public static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        guard value.isFinite, let written = Decimal(string: String(format: "%.15g", value)) else { return String(format: "%.\(decimals)f", value) }
        var exact = written
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, decimals, .plain)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if rounded.isZero { text = "0" }  // never "-0.00"
        guard decimals > 0 else { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, decimals - fraction.count))
    }

    public static func percent(_ share: Double) -> String {
        fixed(share * 100, 1) + "%"
    }

    /// Full precision, shortest round-trip form (for CSV and JSON).
    public static func full(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
