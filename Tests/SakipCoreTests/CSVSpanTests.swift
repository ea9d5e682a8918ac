import Testing
@testable import SakipCore

/// A field's span packs its quoting into the top bits of its two offsets.
@Suite("CSV field spans")
struct CSVSpanTests {
    static let extents: [(Int32, Int32)] = [(0, 0), (1, 5), (7, 7), (1 << 30, (1 << 30) + 9), (Int32.max - 3, Int32.max)]

    @Test(arguments: extents)
    func offsetsAndFlagsComeBackAsGiven(start: Int32, end: Int32) {
        for quoted in [false, true] {
            for escaped in [false, true] {
                let start = quoted ? max(start, 1) : start
                let span = CSVTable.Span(start: start, end: end, quoted: quoted, escaped: escaped)
                #expect(span.start == start && span.end == end)
                #expect(span.escaped == escaped)
                #expect(span.offset == (quoted ? start - 1 : start))
            }
        }
    }

    @Test func aParsedQuotedFieldIsLocatedAtItsQuote() throws {
        let bytes = Array("a,\"b \"\"c\"\"\",d\n".utf8)
        let table = try CSVTable.parse(bytes, file: "t.csv", range: 0 ..< bytes.count)
        let quoted = table.span(record: 0, field: 1)
        #expect(quoted.offset == 2 && quoted.start == 3 && quoted.escaped)
        #expect(table.string(quoted) == "b \"c\"")
        let plain = table.span(record: 0, field: 2)
        #expect(plain.offset == plain.start && !plain.escaped)
    }
}
