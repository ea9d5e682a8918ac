/// Strings for values read from a report's bytes (attribute values, CSV fields).
enum ValueStrings {
    /// The bytes as a `String`. Answers are mostly one letter (A, B, Y, T): those come from a
    /// table made once, sparing the UTF-8 validation of building a string per value.
    @inline(__always)
    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count == 1, bytes[0] < 0x80 { return ascii[Int(bytes[0])] }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let ascii: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
}
