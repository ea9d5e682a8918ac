import Testing
@testable import SakipCore

@Suite("Grade bands: lower-exclusive, upper-inclusive")
struct GradeBandTests {
    /// Published results and the band edges named in the domain reference.
    @Test(arguments: [
        (100.0, "AA"), (90.01, "AA"), (90.0, "A"), (80.01, "A"), (80.0, "BB"), (70.15, "BB"), (70.26, "BB"),
        (74.96, "BB"), (70.0, "B"), (63.03, "B"), (60.0, "CC"), (54.61, "CC"), (50.0, "C"), (30.01, "C"),
        (30.0, "D"), (0.0, "D"),
    ])
    func officialBands(score: Double, grade: String) throws {
        for id in ["permenpanrb-88-2021", "permenpanrb-12-2015"] {
            #expect(try bundled(id).grade(for: score).grade == grade, "\(score) under \(id)")
        }
    }

    @Test func floatingNoiseOnABoundCountsAsTheBound() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        #expect(rubric.grade(for: 90 + 4e-10).grade == "A")
        #expect(rubric.grade(for: 90 + 1e-6).grade == "AA")
        // A sum that lands a hair above 80 through rounding is still BB.
        let sum = [26.1, 26.1, 12.9, 14.9].reduce(0, +)
        #expect(abs(sum - 80) < 1e-9)
        #expect(rubric.grade(for: sum).grade == "BB")
    }

    @Test func labels() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        #expect(rubric.grade(for: 95).label == "Sangat Memuaskan")
        #expect(rubric.grade(for: 55).label == "Cukup (Memadai)")
        #expect(rubric.grade(for: 10).label == "Sangat Kurang")
    }
}
