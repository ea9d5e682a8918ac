import Testing
@testable import SakipCore

/// Numbers read from bytes (XML attribute values) are the doubles the text reading gives, bit
/// for bit, and the same texts are refused.
@Suite("Numbers from bytes")
struct NumberBytesTests {
    static func both(_ text: String) -> (bytes: Double?, text: Double?) {
        (Array(text.utf8).withUnsafeBufferPointer { ValueSyntax.number($0) }, ValueSyntax.number(text))
    }

    @Test(arguments: ["84.59", "0", "-0", "+5", "-12.5", " 7.25 ", "5.", ".5", "+.5", "-.5", "007", "1e5", "1E-3", "2.5e+2",
                      "", " ", ".", "-", "+", "1..2", "1.2.3", "--1", "1-", "e5", "1e", "abc", "12a", "1,5", "0.1", "0.3",
                      "123456789012345", "1234567890123456", "0.000000000000001", "9007199254740993", "99999999999999.9",
                      "3.141592653589793", "1.7976931348623157e308", "1e400", "-1e400"])
    func textsReadTheSame(text: String) {
        let (bytes, fromText) = Self.both(text)
        #expect(bytes?.bitPattern == fromText?.bitPattern, "'\(text)'")
    }

    @Test func manyDecimalsReadTheSame() {
        // A fixed sequence (no seed from the clock): decimals of every length the fast path takes.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = Int(state >> 60) + 1
            let point = Int((state >> 52) & 0xF) % (digits + 1)
            var text = String(state % 1_000_000_000_000_000)
            text = String(text.prefix(digits))
            if point < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if state & 1 == 1 { text = "-" + text }
            let (bytes, fromText) = Self.both(text)
            #expect(bytes?.bitPattern == fromText?.bitPattern, "'\(text)'")
            #expect(bytes != nil, "'\(text)'")
        }
    }
}
