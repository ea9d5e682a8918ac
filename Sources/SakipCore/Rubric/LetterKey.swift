/// Answer letters as 64-bit keys, so that a letter read as bytes is found with one comparison per
/// letter of its scale, whatever its length: a letter of up to seven bytes packs into a key with
/// its length in the top byte. Longer letters all share `LetterKey.long`, and a match on it is
/// confirmed byte by byte. The first of a repeated letter wins, as everywhere in scoring.
enum LetterKey {
    static let long = UInt64.max

    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard bytes.count <= 7 else { return long }
        var key = UInt64(bytes.count) << 56
        var i = 0
        while i < bytes.count {
            key |= UInt64(bytes[i]) << UInt64(8 * i)
            i += 1
        }
        return key
    }

    static func pack(_ letter: String) -> UInt64 {
        var letter = letter
        return letter.withUTF8 { pack($0) }
    }

    /// The position in `keys` of the first letter equal to `bytes`; `isLetter(i)` confirms a
    /// match on a key of a letter too long to pack.
    @inline(__always)
    static func first(_ bytes: UnsafeBufferPointer<UInt8>, in keys: UnsafeBufferPointer<UInt64>, isLetter: (Int) -> Bool) -> Int? {
        let key = pack(bytes)
        var i = 0
        while i < keys.count {
            if keys[i] == key && (key != long || isLetter(i)) { return i }
            i += 1
        }
        return nil
    }
}
