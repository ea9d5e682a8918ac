/// Colours that stay distinguishable for colour-blind readers: ColorBrewer's sequential YlGnBu,
/// from pale (worst grade) to deep blue (best), and a neutral grey scale for the rest.
enum Palette {
    private static let sequential = ["#0c2c84", "#225ea8", "#1d91c0", "#41b6c4", "#7fcdbb", "#c7e9b4", "#ffffcc"]

    /// The colour of grade `index` of `count`, best (index 0) darkest.
    static func grade(_ index: Int, of count: Int) -> String {
        guard count > 1 else { return sequential[0] }
        let position = Double(index) / Double(count - 1) * Double(sequential.count - 1)
        return sequential[min(sequential.count - 1, max(0, Int(position.rounded())))]
    }

    /// Text that reads on a grade's colour.
    static func ink(onGrade index: Int, of count: Int) -> String {
        let colour = grade(index, of: count)
        return sequential.firstIndex(of: colour).map { $0 <= 3 ? "#ffffff" : "#1a1a1a" } ?? "#1a1a1a"
    }

    /// A share achieved, 0...1, as a cell colour from pale to deep (same scale as the grades).
    static func share(_ value: Double) -> String {
        let clamped = min(1, max(0, value))
        let index = Int(((1 - clamped) * Double(sequential.count - 1)).rounded())
        return sequential[index]
    }

    static let axis = "#888888"
    static let band = "#b0b0b0"
    static let highlight = "#d95f02"
}
