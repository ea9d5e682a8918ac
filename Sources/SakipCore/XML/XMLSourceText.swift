/// Error-path helpers that turn a byte offset inside a start tag into a precise location.
enum XMLSourceText {
    /// The offset of the `<` that opens the tag containing `offset`. Attribute values cannot hold
    /// a raw `<`, so scanning back is safe.
    static func tagStart(before offset: Int, in bytes: [UInt8]) -> Int {
        var i = min(offset, bytes.count - 1)
        while i > 0 && bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return max(i, 0)
    }

    /// The offset of attribute `name`'s value (after its quote) in the tag containing `offset`,
    /// or the tag's `<` when the attribute is absent.
    static func attributeValue(_ name: String, inTagAt offset: Int, in bytes: [UInt8]) -> Int {
        let start = tagStart(before: offset, in: bytes)
        let needle = Array(name.utf8)
        var i = start + 1
        while i + needle.count < bytes.count, bytes[i] != UInt8(ascii: ">") {
            let quote = bytes[i]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                // Skip quoted values so that text inside them is never taken for a name.
                i += 1
                while i < bytes.count, bytes[i] != quote { i += 1 }
                i += 1
                continue
            }
            let boundary = bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t")
                || bytes[i - 1] == UInt8(ascii: "\n") || bytes[i - 1] == UInt8(ascii: "\r")
            if boundary, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                var j = i + needle.count
                while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "=") { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") { return j + 1 }
            }
            i += 1
        }
        return start
    }

    /// The 1-based column of the first `<` on a 1-based line (1 if none).
    static func firstTagColumn(onLine line: Int, in bytes: [UInt8]) -> Int {
        var current = 1
        var i = 0
        while i < bytes.count, current < line {
            if bytes[i] == UInt8(ascii: "\n") { current += 1 }
            i += 1
        }
        var column = 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            if bytes[i] == UInt8(ascii: "<") { return column }
            column += 1
            i += 1
        }
        return 1
    }
}
