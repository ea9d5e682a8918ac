import Foundation

/// Display formatting. Scores keep full precision everywhere except text and Markdown output.
public enum Numbers {
    public static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", value)
    }

    public static func percent(_ share: Double) -> String {
        fixed(share * 100, 1) + "%"
    }

    /// Full precision, shortest round-trip form (for CSV and JSON).
    public static func full(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
