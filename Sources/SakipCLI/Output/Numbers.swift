import Foundation

/// Display formatting. Scores keep full precision everywhere except text and Markdown output.
enum Numbers {
    static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", value)
    }

    static func percent(_ share: Double) -> String {
        fixed(share * 100, 1) + "%"
    }

    /// Full precision, shortest round-trip form (for CSV and JSON).
    static func full(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
