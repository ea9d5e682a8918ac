import Testing
import SakipRendering

/// Displayed rounding is half away from zero, as evaluators' spreadsheets round.
@Suite("Display rounding")
struct NumbersTests {
    @Test(arguments: [
        (0.125, "0.13"), (2.675, "2.68"), (-2.675, "-2.68"), (1.005, "1.01"), (87.8, "87.80"), (100, "100.00"),
        (4.199999999999999, "4.20"), (-0.001, "0.00"), (0.0049, "0.00"), (62.5, "62.50"), (1e-7, "0.00"), (12345678.915, "12345678.92"),
    ])
    func twoDecimals(value: Double, text: String) {
        #expect(Numbers.fixed(value) == text)
    }

    @Test func otherPlacesAndPercent() {
        #expect(Numbers.fixed(0.99945, 3) == "0.999")
        #expect(Numbers.fixed(0.9995, 3) == "1.000")
        #expect(Numbers.fixed(2.5, 0) == "3")
        #expect(Numbers.percent(0.8125) == "81.3%")
        #expect(Numbers.fixed(0.05, 1) == "0.1")
    }
}
